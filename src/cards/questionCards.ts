/**
 * Cards of the questionnaire: one question at a time, and the start-over confirmation.
 *
 * Their buttons are `Action.Submit`, not `Action.Execute`: they feed a per-person dialog that runs in
 * message turns, and a submit from the bot's own card reaches it in 1:1, group chats and channels
 * alike, without an @mention. The card data (domain/questionnaireVerbs.ts) carries only ids; the questionnaire
 * family decides what they mean.
 */
import { QUESTION_WORDS } from '../domain/answerWords';
import { NONE_VALUE, NOT_SURE_VALUE, type Question } from '../domain/questions';
import type { QuestionSubmit, StartOverChoice } from '../domain/questionnaireVerbs';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

export interface QuestionCardInput {
  readonly runId: string;
  readonly question: Question;
  /** The wording for this person's situation (see `wordingFor`); the question's own wording otherwise. */
  readonly prompt?: string;
  readonly help?: string;
  /** 1-based position of this question among those asked. */
  readonly number: number;
  readonly estimatedTotal: number;
  /** Shown in group chats and channels, where several people may answer their own questions at once. */
  readonly forName?: string;
  readonly canGoBack: boolean;
  /** Multi-select options ticked before the person does, from what an earlier message named. */
  readonly ticked?: readonly string[];
}

export function questionCard(input: QuestionCardInput): AdaptiveCardJson {
  const { question, runId } = input;
  const total = Math.max(input.estimatedTotal, input.number);
  const numbered = question.choices.map((choice, index) => ({
    number: index + 1,
    title: choice.title,
    value: choice.value,
  }));
  const isExclusive = (value: string) => value === NONE_VALUE || value === NOT_SURE_VALUE;
  return renderCard('question', {
    runId,
    questionId: question.id,
    progress:
      total === input.number ? `Question ${input.number}, the last one` : `Question ${input.number} of about ${total}`,
    hasOwner: input.forName !== undefined && input.forName.length > 0,
    owner: input.forName ? `For ${escapeMarkdown(input.forName.slice(0, 80))}` : '',
    prompt: input.prompt ?? question.prompt,
    hasHelp: (input.help ?? question.help) !== undefined,
    help: input.help ?? question.help ?? '',
    multi: question.multi,
    choices: numbered,
    options: numbered.filter((choice) => !isExclusive(choice.value)),
    exclusive: numbered.filter((choice) => isExclusive(choice.value)),
    ticked: (input.ticked ?? [])
      .filter((value) => numbered.some((choice) => choice.value === value && !isExclusive(value)))
      .join(','),
    typingHint: question.multi
      ? `You can also type the numbers, e.g. "1, 3", "none" or "not sure", or say it in your own words ("${QUESTION_WORDS[question.id].example}"). Say "back", "cancel", "start over" or "help" at any time.`
      : `You can also type the number, a word or a sentence, e.g. "${numbered[0]?.number ?? 1}", "not sure" or "${QUESTION_WORDS[question.id].example}". Say "back", "cancel", "start over" or "help" at any time.`,
    canGoBack: input.canGoBack,
  });
}

export interface StartOverConfirmInput {
  readonly runId: string;
  /** What would be thrown away, in words; never empty when this card is shown. */
  readonly discards: readonly string[];
}

export function startOverConfirmCard(input: StartOverConfirmInput): AdaptiveCardJson {
  const data = (confirm: StartOverChoice) => ({ questionnaire: input.runId, confirm }) satisfies QuestionSubmit;
  return confirmCard({
    title: 'Start over?',
    message: 'Starting over discards:',
    items: input.discards,
    note: 'Answers cannot be brought back once discarded. You can also type "yes" or "no".',
    submitActions: [
      { title: 'Yes, discard and start over', data: data('startOver') },
      { title: 'No, keep everything', data: data('keep') },
    ],
  });
}

export interface ConfirmCardInput {
  readonly title: string;
  readonly message: string;
  readonly items?: readonly string[];
  readonly note?: string;
  readonly submitActions?: ReadonlyArray<{ title: string; data: Record<string, unknown> }>;
  /** State-changing buttons: `Action.Execute` with an `Action.Submit` fallback carrying the same data plus the verb. */
  readonly executeActions?: ReadonlyArray<{ title: string; verb: string; data: Record<string, string> }>;
}

/** A yes/no card: the message, what it affects, and the buttons. */
export function confirmCard(input: ConfirmCardInput): AdaptiveCardJson {
  return renderCard('confirm', {
    title: input.title,
    message: input.message,
    items: (input.items ?? []).map((text) => ({ text })),
    hasNote: input.note !== undefined,
    note: input.note ?? '',
    submitActions: input.submitActions ?? [],
    executeActions: (input.executeActions ?? []).map((action) => ({
      ...action,
      submitData: { ...action.data, verb: action.verb },
    })),
  });
}
