/**
 * A reader of messages: the shared word tables, one of the two models, the guide, and what it remembers of the last
 * message. The two readers (the corpus's network and the regression that also learnt outside authors' phrasings) differ
 * only in their model's scores and candidate words; everything else is the same object.
 */
import type { Corpus, IntentName } from './corpus';
import { GuideIndex } from './guideIndex';
import { IntentModel, type IntentScore } from './intentModel';
import { readerWords, type ReaderWords } from './readerWords';
import { SETTINGS, SUGGEST_SCORE, TASK_INTENTS, type Prepared, type UnderstandingContext } from './readings';
import type { Synonyms } from './synonyms';
import { dueDay } from './taskReading';
import { MONTH_NAMES } from '../domain/planDates';
import type { PhraseTable } from '../domain/sentenceTokens';
import { prepareText, type PreparedText } from './textPrep';

export interface Reader {
  readonly words: ReaderWords;
  readonly model: IntentModel;
  readonly guide: GuideIndex;
  readonly isWord: (token: string) => boolean;
  /**
   * What the readers remember, one object for both: the last text's prepared words (a message is read several times, by
   * both models, its last clause, its refusals, and the words are the same each time), and the task words the corpus
   * uses as part of a command of its own, read on first need (commandNames).
   */
  readonly memo: {
    text?: string;
    prepared?: PreparedText;
    commandNames?: ReadonlyMap<string, readonly IntentName[]>;
  };
}

/** The reader over the corpus's own network; `synonyms` tell a word from a typo. */
export function newReader(corpus: Corpus, synonyms: Synonyms): Reader {
  const words = readerWords(corpus);
  const model = IntentModel.train(corpus, words.taskNames, synonyms);
  return {
    words,
    model,
    isWord: (token) => synonyms.lookup(token).length > 0,
    guide: new GuideIndex(corpus),
    memo: {},
  };
}

/**
 * The second opinion: the same reader, every rule and word list the same, over the model that also learnt how outside
 * authors phrase each command (learnt.ts). Undefined without learnt sentences.
 */
export function secondOpinionOf(reader: Reader): Reader | undefined {
  const model = reader.model.withLearntSentences();
  return model ? { ...reader, model } : undefined;
}

/** Month names, which a typo becomes only beside a day's number (textPrep). */
const MONTHS: ReadonlySet<string> = new Set(MONTH_NAMES.map((name) => name.toLowerCase()));

/** What preparing a message needs of the reader, with the task names it should find. */
function preparing(reader: Reader, taskNames: PhraseTable<string>): Parameters<typeof prepareText>[1] {
  return {
    taskNames,
    vocabulary: reader.model.vocabulary,
    respellings: reader.model.respellings,
    commandWords: reader.model.commandWords,
    isWord: reader.isWord,
    months: MONTHS,
    deadlineWords: reader.words.deadlineWords,
    tierNouns: reader.words.tierNouns,
    taskOrdinals: reader.words.taskOrdinals,
  };
}

/**
 * The message's words, corrected and masked. The last text's are kept in the memo both readers share
 * (secondOpinionOf): a message is read several times (by both models, its last clause, its refusals),
 * and the words are the same each time.
 */
export function preparedOf(reader: Reader, text: string): PreparedText {
  if (reader.memo.text === text && reader.memo.prepared) return reader.memo.prepared;
  const prepared = prepareText(text, preparing(reader, reader.words.taskNames));
  reader.memo.text = text;
  reader.memo.prepared = prepared;
  return prepared;
}

/** Ranked intents for a message, before any decision (tests and the accuracy report use it). */
export function classify(reader: Reader, text: string): { prepared: PreparedText; ranked: IntentScore[] } {
  const prepared = preparedOf(reader, text);
  return { prepared, ranked: reader.model.classify(prepared.masked) };
}

/**
 * classify, for a message whose only task words name tasks of another track ("kick off the assessment" in a Cloud
 * Sync plan, where the assessment is Connect Sync's): when the masked reading needs a task there is none of ("start
 * which task?") or reads nothing, the words are read as words instead ("assessment" for the questions, "health check"
 * for the status). Marked `reread`: such a reading is offered, never acted on, as the words were also a task's name.
 * A reading that stands with the task masked is kept: the corpus masks those words too ("turn on sync monitoring").
 * A setting read so is offered, never changed, when the words read as another command the task's own words speak for
 * ("health check on the sync please": the watch turned on with the task masked, the tenant check with its words).
 */
export function classifyInPlan(
  reader: Reader,
  text: string,
  context: UnderstandingContext,
): { prepared: PreparedText; ranked: IntentScore[]; reread?: true } {
  const classified = classify(reader, text);
  const tasks = context.tasks;
  if (!tasks) return classified;
  const inPlan = (ids: readonly string[]) => ids.some((id) => tasks.some((task) => task.id === id));
  const mentions = classified.prepared.taskMentions;
  if (mentions.length === 0 || mentions.some((mention) => mention.ref.kind !== 'words' || inPlan(mention.ref.taskIds)))
    return classified;
  const top = classified.ranked[0];
  const stands = top.intent !== 'None' && !TASK_INTENTS.has(top.intent) && top.score >= SUGGEST_SCORE;
  if (stands && !SETTINGS.has(top.intent)) return classified;
  const planNames: Pick<PhraseTable<string>, 'matchAt'> = {
    matchAt: (tokens, at) => {
      const match = reader.words.taskNames.matchAt(tokens, at);
      return match && inPlan(match.meanings) ? match : undefined;
    },
  };
  const prepared = prepareText(text, preparing(reader, planNames as PhraseTable<string>));
  const ranked = reader.model.classify(prepared.masked);
  // Only a reading the task's own words speak for: "mark the assessment done" is still about a task ("which one?"),
  // not the history that "mark" and "done" can also mean.
  const hidden = mentions.map((mention) => prepared.tokens.slice(mention.start, mention.end).join(' ')).join(' ');
  if (ranked[0].intent !== 'None' && (reader.model.learntWordCounts(hidden).get(ranked[0].intent) ?? 0) > 0)
    return stands
      ? ranked[0].intent === top.intent
        ? classified
        : { ...classified, reread: true }
      : { prepared, ranked, reread: true };
  if (stands) return classified;
  // Words the corpus masks as a task can also name a command of their own ("begin the assessment" in a Cloud Sync
  // plan is the questionnaire the corpus calls "start the assessment"): that command is offered when the message
  // shares another word with it ("begin"), never carried out.
  const counts = reader.model.learntWordCounts(classified.prepared.masked);
  const named = mentions
    .flatMap((mention) => (mention.ref.kind === 'words' ? (commandNames(reader).get(mention.ref.words) ?? []) : []))
    .filter((intent) => (counts.get(intent) ?? 0) > 0);
  if (named.length === 0) return classified;
  return {
    prepared: classified.prepared,
    ranked: [
      ...named.map((intent) => ({ intent, score: top.score })),
      ...classified.ranked.filter((entry) => !named.includes(entry.intent as IntentName)),
    ],
    reread: true,
  };
}

/** The task words that name commands of their own, read from the corpus on first need: few messages ask, and start-up stays as it was. */
export function commandNames(reader: Reader): ReadonlyMap<string, readonly IntentName[]> {
  if (reader.memo.commandNames) return reader.memo.commandNames;
  const names = new Map<string, IntentName[]>();
  for (const [intent, sentences] of Object.entries(reader.words.corpusIntents) as Array<
    [IntentName, readonly string[]]
  >) {
    if (TASK_INTENTS.has(intent) || intent === 'question') continue;
    for (const sentence of sentences)
      for (const mention of prepareText(sentence, { taskNames: reader.words.taskNames, vocabulary: new Set() })
        .taskMentions) {
        if (mention.ref.kind !== 'words') continue;
        const intents = names.get(mention.ref.words) ?? [];
        if (!intents.includes(intent)) names.set(mention.ref.words, [...intents, intent]);
      }
  }
  reader.memo.commandNames = names;
  return names;
}

/** `context` prefers the plan's own tasks when a line of another track answers as well. */
export function answerQuestion(reader: Reader, text: string, context?: UnderstandingContext) {
  return reader.guide.answer(
    text,
    context?.tasks?.map((task) => task.id),
  );
}

/**
 * A message that takes back a task or a date it named ("assign the config to me, no wait, the verify step", "the
 * 10th, actually make it the 11th"): the words of the correction are read as no part of the command, and the task or
 * date after the last one is the one meant. One without a task or date after it ("is sync actually running?") is no
 * correction.
 */
export function correctedReading(
  reader: Reader,
  classified: { prepared: PreparedText; ranked: IntentScore[] },
  now: Date,
): { prepared: Prepared; ranked: IntentScore[] } {
  const { prepared } = classified;
  const last = reader.words.corrections.findAll(prepared.tokens).at(-1);
  if (
    last === undefined ||
    !(
      prepared.taskMentions.some((mention) => mention.start >= last.end) ||
      dueDay(reader.words, prepared.tokens.slice(last.end).join(' '), now)
    )
  )
    return classified;
  const words = prepared.masked.split(' ');
  const dropped = new Set(
    reader.words.corrections
      .findAll(words)
      .flatMap(({ start, end }) => words.slice(start, end).map((_, i) => start + i)),
  );
  const masked = words.filter((_, i) => !dropped.has(i)).join(' ');
  return {
    prepared: { ...prepared, masked, correctedFrom: last.end },
    ranked: reader.model.classify(masked),
  };
}
