/**
 * What a typed reply to a question of the questionnaire means, and what to tell the person about it.
 *
 * The exact answers come first and keep working exactly ("2", "yes", "pta", "not sure", "1, 3"). Anything else is read
 * as a sentence (sentenceReader.ts): its answer to the question asked, plus the answers it gives to questions still to
 * come. Those are recorded and not asked again, because the person already said them and being asked again reads as
 * not having been listened to; the reply says what was noted, and "back" undoes the whole message. A reading that fits
 * several choices is never applied: the question comes back with the candidates named. Options named for a later
 * multi-select question are only part of its answer, so they are ticked on its card for the person to confirm.
 */
import { ANSWER_TOPICS, describeAnswer, type AnswerKey, type Answers } from './answers';
import { normalizeText, parseCommand, plainWordsOf } from './commands';
import type { QuestionNav, StartOverChoice } from './questionnaireVerbs';
import { QUESTION_WORDS } from './answerWords';
import {
  QUESTIONS,
  acceptedAnswersHelp,
  isTypedChoiceList,
  normalizeAnswer,
  parseAnswer,
  questionById,
  wordingFor,
  type Question,
} from './questions';
import { readSentence } from './sentenceReader';
import { withinParseLimit } from './typedText';

export interface QuestionnaireReply {
  /** The answer to the question asked, when the reply gives one. */
  readonly answer?: Answers[AnswerKey];
  /** Answers to questions still to come: recorded with this one, and those questions are not asked. */
  readonly also: Partial<Answers>;
  /** Options named for multi-select questions still to come: ticked on their card when they are asked. */
  readonly mentioned: Partial<Record<AnswerKey, readonly string[]>>;
  /** What to tell the person before the next card; none for an exact answer. */
  readonly notice?: string;
  /** Nothing in the text answers this question or a later one, nor nearly does: it may be meant as something else. */
  readonly unread?: true;
}

const NOTHING = { also: {}, mentioned: {} } as const;

/** Reads `text`, typed while `question` is asked, with the answers given so far. */
export function replyTo(question: Question, text: string, answers: Partial<Answers>): QuestionnaireReply {
  const exact = parseAnswer(question, text);
  if (exact.ok) return { ...NOTHING, answer: exact.value };
  if (!withinParseLimit(text) || normalizeAnswer(text).length === 0 || isTypedChoiceList(question, text)) {
    return { ...NOTHING, notice: exact.message };
  }

  const reading = readSentence(question, text, answers);
  const noted = notedLines(reading.also, reading.mentioned, reading.conflicts);
  const recorded = Object.keys(reading.also).length > 0 || Object.keys(reading.mentioned).length > 0;
  const undo = recorded ? ['Say **back** to undo what this message recorded.'] : [];
  switch (reading.asked.kind) {
    case 'value':
      return {
        answer: reading.asked.value,
        also: reading.also,
        mentioned: reading.mentioned,
        notice: [`I read that as: **${describeAnswer(question.id, reading.asked.value)}**.`, ...noted, ...undo].join(
          ' ',
        ),
      };
    case 'ambiguous': {
      const choices = reading.asked.candidates.map(
        (value) => `**${describeAnswer(question.id, value as Answers[AnswerKey])}**`,
      );
      return {
        also: reading.also,
        mentioned: reading.mentioned,
        notice: [
          `That could mean ${listOr(choices)}, so I haven't recorded an answer to this question. Which is it? Press its button or type its number.`,
          ...noted,
          ...undo,
          ...helpOf(question, answers),
        ].join(' '),
      };
    }
    case 'none':
      if (recorded) {
        return {
          also: reading.also,
          mentioned: reading.mentioned,
          notice: [
            "That doesn't answer this question, but I kept it for later.",
            ...noted,
            ...undo,
            ...helpOf(question, answers),
            acceptedAnswersHelp(question),
          ].join(' '),
        };
      }
      return {
        ...NOTHING,
        notice: didNotGet(question, answers, noted),
        ...(noted.length === 0 ? { unread: true as const } : {}),
      };
  }
}

/** The question's own help: what it means, what it accepts, and that a sentence works too. */
export function questionHelp(question: Question, answers: Partial<Answers>): string {
  return [...helpOf(question, answers), acceptedAnswersHelp(question), sentenceHint(question)].join(' ');
}

/** "You can also answer in your own words, for example …". */
export function sentenceHint(question: Question): string {
  return `You can also answer in your own words, for example "${QUESTION_WORDS[question.id].example}".`;
}

/** What to say when a multi-select question is asked with options ticked from an earlier message. */
export function mentionedNotice(key: AnswerKey, values: readonly string[]): string {
  const question = questionById(key);
  const titles = values.map((value) => question.choices.find((choice) => choice.value === value)?.title ?? value);
  return `You mentioned ${listAnd(titles.map((title) => `**${title}**`))} earlier, so ${titles.length === 1 ? 'it is' : 'they are'} ticked below. Tick anything else that applies, then press **Continue with my selection**.`;
}

/** Messages typed mid-questionnaire are often about the plan ("what should I do next?"): say how to reach it. */
const PLAN_COMMANDS_HINT = "Plan commands such as **status** and **what's next** work at any time.";

function didNotGet(question: Question, answers: Partial<Answers>, noted: readonly string[]): string {
  return [
    "Sorry, I didn't get that.",
    ...noted,
    ...helpOf(question, answers),
    acceptedAnswersHelp(question),
    sentenceHint(question),
    PLAN_COMMANDS_HINT,
  ].join(' ');
}

function helpOf(question: Question, answers: Partial<Answers>): string[] {
  const help = wordingFor(question, answers).help;
  return help ? [help] : [];
}

function notedLines(
  also: Partial<Answers>,
  mentioned: Partial<Record<AnswerKey, readonly string[]>>,
  conflicts: readonly AnswerKey[],
): string[] {
  const lines: string[] = [];
  const answered = (Object.keys(also) as AnswerKey[]).map(
    (key) => `${ANSWER_TOPICS[key]}: **${describeAnswer(key, also[key]!)}**`,
  );
  if (answered.length > 0)
    lines.push(
      `Also noted from your message: ${answered.join('; ')}. I won't ask ${answered.length === 1 ? 'that' : 'those'} again.`,
    );
  for (const key of Object.keys(mentioned) as AnswerKey[]) {
    const question = questionById(key);
    const titles = mentioned[key]!.map(
      (value) => question.choices.find((choice) => choice.value === value)?.title ?? value,
    );
    lines.push(
      `When we get to "${ANSWER_TOPICS[key]}", I'll tick ${listAnd(titles.map((title) => `**${title}**`))} for you to confirm.`,
    );
  }
  if (conflicts.length > 0) {
    lines.push(
      `You answered ${listAnd(conflicts.map((key) => `"${ANSWER_TOPICS[key]}"`))} differently before; that earlier answer stands.`,
    );
  }
  return lines;
}

function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function listAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A button of a question that is no longer the current one: already answered (and how to change it), or not needed. */
export function staleQuestionNotice(answers: Partial<Answers>, questionId: string | undefined): string {
  const known = QUESTIONS.find((q) => q.id === questionId);
  if (known && answers[known.id] !== undefined) {
    return `You already answered "${ANSWER_TOPICS[known.id]}" with "${describeAnswer(known.id, answers[known.id]!)}". To change it, say **back** until you reach it. Here is the current question:`;
  }
  return 'That button is from a question that is no longer needed. Here is the current question:';
}

/** `help` during the questions: how the questionnaire works, and what this question accepts. */
export function questionnaireHelp(question: Question, answers: Partial<Answers>): string {
  return [
    'I ask a few questions to choose between Microsoft Entra Cloud Sync and Connect Sync. Questions that cannot change the result are skipped.',
    `Press a button or type your answer. ${questionHelp(question, answers)}`,
    '"Not sure" is always fine: I take the safe choice and list it as an assumption.',
    'Say **back** to change the previous answer, **cancel** to stop (your answers are kept) or **start over** to begin again.',
  ].join('\n\n');
}

/** What can be said instead of an answer while the questions run. */
export type QuestionnaireCommand = QuestionNav | 'start';

const BACK_WORDS = new Set(['back', 'go back', 'previous', 'undo', 'prev']);
const CANCEL_WORDS = new Set(['cancel', 'stop', 'quit', 'exit', 'pause', 'later']);
// Saying the command again ("start over") at its own confirmation means yes.
const YES_WORDS = new Set(['yes', 'y', 'yep', 'ok', 'okay', 'confirm', plainWordsOf('startOver'), 'discard']);
const NO_WORDS = new Set(['no', 'n', 'nope', 'keep', 'continue', 'cancel', 'keep going']);

/** The typed text normalized as a command word, or undefined when it is too long to be one. */
function typedWord(text: string): string | undefined {
  return withinParseLimit(text) ? normalizeText(text) : undefined;
}

/** back, cancel, start over, help or start in their exact words; anything else is read as an answer. */
export function questionnaireCommandOf(text: string): QuestionnaireCommand | undefined {
  const normalized = typedWord(text);
  if (normalized === undefined) return undefined;
  if (BACK_WORDS.has(normalized)) return 'back';
  if (CANCEL_WORDS.has(normalized)) return 'cancel';
  const command = parseCommand(text).name;
  if (command === 'startOver' || command === 'help' || command === 'start') return command;
  return undefined;
}

/** A typed yes or no to the start-over confirmation; undefined for anything else. */
export function startOverAnswerOf(text: string): StartOverChoice | undefined {
  const typed = typedWord(text);
  if (typed === undefined) return undefined;
  return YES_WORDS.has(typed) ? 'startOver' : NO_WORDS.has(typed) ? 'keep' : undefined;
}
