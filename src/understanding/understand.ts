/**
 * From a message to what the bot should do: act, offer "did you mean…?", ask which task, answer from the
 * guide, say honestly that the guide has no answer, or show help with the closest commands first.
 *
 * The exact commands never reach this code (the bot matches them first). Nothing here changes state: it
 * proposes commands, and a proposal that would change a plan is only marked for acting when the model is
 * confident and every part of it (the task, the date, the person) was read without guessing.
 */
import { loadCorpus, type Cadence, type Corpus, type IntentName } from './corpus';
import { holidayTable, looksLikeDate, readsEitherWayRound, recognizeDueDay, type Holidays } from './dueDates';
import { eachTaskWords, taskListFirst, type EachTaskWords } from './eachTask';
import { GuideIndex, type GuideHit } from './guideIndex';
import { IntentModel, type IntentScore } from './intentModel';
import { negationOf, type Negation, type NegationWords } from './negation';
import { loadSynonyms, type Synonyms } from './synonyms';
import { taskWordsOf } from './taskWords';
import { MONTH_NAMES } from '../domain/planDates';
import type { PhraseTable } from '../domain/sentenceTokens';
import {
  afterPoliteFrame,
  cleanText,
  MAX_UNDERSTOOD_CHARS,
  PERSON_TOKEN,
  phraseTable,
  prepareText,
  TASK_TOKEN,
  tokenize,
  type PreparedText,
  type TaskMention,
} from './textPrep';

/** A task of the conversation's plan, as far as understanding needs to know it. */
export interface PlanTaskInfo {
  readonly number: number;
  readonly id: string;
  readonly title: string;
}

export interface UnderstandingContext {
  /** The plan's tasks, or undefined when the conversation has no plan. */
  readonly tasks?: readonly PlanTaskInfo[];
  /** "the next one": the plan's next open task. */
  readonly nextNumber?: number;
  /** "the current task": the task in progress, else the next one. */
  readonly currentNumber?: number;
  /** Decides what "tomorrow" means (UTC). */
  readonly now: Date;
}

export type TaskIntent = 'taskStart' | 'taskDone' | 'taskSkip' | 'taskReopen' | 'assign' | 'unassign' | 'due';
type PlainIntent = Exclude<IntentName, TaskIntent | 'remind' | 'watch' | 'question'>;

/** A command, in the understanding's own terms (the bot layer maps it to its Command type and exact words). */
export type Proposal =
  | { readonly intent: PlainIntent }
  | { readonly intent: 'remind'; readonly cadence: Cadence | 'show' }
  | { readonly intent: 'watch'; readonly setting: 'on' | 'off' | 'show' }
  | { readonly intent: 'taskStart' | 'taskDone' | 'taskSkip' | 'taskReopen' | 'unassign'; readonly taskNumber: number }
  /**
   * `date`: the day the same message gives the task ("@Priya can you own config, by the 18th"), offered beside the
   * assignment as its own due date, never set with it.
   */
  | { readonly intent: 'assign'; readonly taskNumber: number; readonly to: 'me' | 'mentioned'; readonly date?: string }
  | { readonly intent: 'due'; readonly taskNumber: number; readonly date: string | null };

export type Missing = 'plan' | 'task' | 'date' | 'person';

export type Interpretation =
  /** Confident and complete. `named` is set when the task was named in words or by position, so the reply can say which task that was. */
  | { readonly kind: 'act'; readonly proposal: Proposal; readonly named?: PlanTaskInfo; readonly score: number }
  /** Not sure which command was meant: offer these, most likely first. */
  | { readonly kind: 'choose'; readonly proposals: readonly Proposal[] }
  /** The words fit several tasks of the plan: ask which, one proposal per task. */
  | { readonly kind: 'whichTask'; readonly words: string; readonly proposals: readonly Proposal[] }
  /** The command is clear but a part is missing; `taskNumber` when the task was found. */
  | { readonly kind: 'clarify'; readonly intent: IntentName; readonly missing: Missing; readonly taskNumber?: number }
  | { readonly kind: 'answer'; readonly hits: readonly GuideHit[] }
  | { readonly kind: 'noAnswer' }
  | { readonly kind: 'help'; readonly closest: readonly IntentName[] };

/** Model scores from which a reading is acted on, or offered as a "did you mean". */
export const ACT_SCORE = 0.7;
export const SUGGEST_SCORE = 0.25;
const MAX_CHOICES = 3;
/**
 * How many more of a message's words another command must share for the top reading not to be acted on. One word is
 * too little: sentences share a word with a second command all the time ("mark task 3 done" shares "done" with status).
 */
const OUTWEIGHING_WORDS = 2;

const TASK_INTENTS: ReadonlySet<IntentName> = new Set<TaskIntent>([
  'taskStart',
  'taskDone',
  'taskSkip',
  'taskReopen',
  'assign',
  'unassign',
  'due',
]);
/** Opening words of a question; with a question mark they send a message to the guide's search first. */
const QUESTION_OPENERS = new Set([
  'what',
  "what's",
  'whats',
  'which',
  'how',
  'where',
  'when',
  'who',
  'why',
  'did',
  'was',
  'were',
  'has',
  'can',
  'could',
  'does',
  'do',
  'is',
  'are',
  'should',
  'will',
  'may',
]);

export class Understanding {
  private readonly model: IntentModel;
  private readonly guide: GuideIndex;
  private readonly taskNames: PhraseTable<string>;
  private readonly positions: PhraseTable<'next' | 'current' | 'referred'>;
  private readonly firstPerson: ReadonlySet<string>;
  private readonly secondPerson: ReadonlySet<string>;
  private readonly cadences: PhraseTable<Cadence>;
  private readonly clearDate: PhraseTable<true>;
  private readonly clearVerbs: ReadonlySet<string>;
  private readonly dateNouns: ReadonlySet<string>;
  private readonly spanEnds: ReadonlySet<string>;
  private readonly dueTaskMarkers: ReadonlySet<string>;
  private readonly watchOff: PhraseTable<true>;
  private readonly watchShow: ReadonlySet<string>;
  /** Phrases whose "off" or "stop" belongs to another verb ("signs off"): masked before a setting is read. */
  private readonly otherVerbs: PhraseTable<true>;
  private readonly holidays: Holidays;
  private readonly changeVerbs: PhraseTable<true>;
  private readonly negation: NegationWords;
  private readonly undoWords: PhraseTable<true>;
  private readonly turnOnWords: PhraseTable<true>;
  /** Words that change a setting and, negated, ask to keep it; words that ask to leave it as it is. */
  private readonly changeWords: PhraseTable<true>;
  private readonly asIs: PhraseTable<true>;
  /** The two-word ones ("switch on"), also said around their object ("switch the reminders on"). */
  private readonly splitTurnOn: ReadonlyArray<readonly [string, string]>;
  /** The same for turning one off ("switch the reminders off"). */
  private readonly splitTurnOff: ReadonlyArray<readonly [string, string]>;
  private readonly conditionals: ReadonlySet<string>;
  private readonly hedges: ReadonlySet<string>;
  private readonly pastIntentions: PhraseTable<true>;
  private readonly eachTask: EachTaskWords;
  private readonly indirectQuestions: ReadonlySet<string>;
  private readonly ownerMarkers: ReadonlySet<string>;
  private readonly ownerMe: ReadonlySet<string>;
  private readonly takers: ReadonlySet<string>;
  private readonly doneTaskWords: Readonly<Record<string, string>>;
  private readonly onwardWords: PhraseTable<true>;
  private readonly openers: ReadonlySet<string>;
  /** A task change's plain verb ("skip", "skipping") → that change. */
  private readonly taskVerbs: ReadonlyMap<string, IntentName>;
  private readonly articles: ReadonlySet<string>;
  private readonly corrections: PhraseTable<true>;
  private readonly politeFrames: PhraseTable<true>;
  /** The last text's prepared words (prepared), one object for this reader and its second opinion. */
  private readonly lastPrepared: { text?: string; prepared?: PreparedText } = {};
  private readonly isWord: (token: string) => boolean;
  /**
   * Task words the corpus uses as part of a command of its own, by the commands ("start the assessment" is the
   * questionnaire, "turn on tenant monitoring" the watch): in a plan without that task, the words mean the command.
   */
  private commandNamesRead?: ReadonlyMap<string, readonly IntentName[]>;
  private readonly corpusIntents: Corpus['intents'];

  /** `synonyms` defaults to the table generated for the corpus's locale (nlu/synonyms.<locale>.json). */
  constructor(corpus: Corpus, synonyms: Synonyms = loadSynonyms(corpus.locale)) {
    this.taskNames = phraseTable(
      Object.entries(taskWordsOf(corpus)).flatMap(([id, names]) => names.map((name) => [name, id] as const)),
    );
    this.positions = phraseTable(
      (['next', 'current', 'referred'] as const).flatMap((key) =>
        corpus.positions[key].map((phrase) => [phrase, key] as const),
      ),
    );
    this.firstPerson = new Set(corpus.firstPerson);
    this.secondPerson = new Set(corpus.secondPerson);
    this.cadences = phraseTable(
      (['daily', 'weekly', 'off'] as const).flatMap((key) =>
        corpus.cadences[key].map((phrase) => [phrase, key] as const),
      ),
    );
    this.clearDate = phraseTable(corpus.clearDate.map((phrase) => [phrase, true] as const));
    this.clearVerbs = new Set(corpus.clearDateWords.verbs);
    this.dateNouns = new Set(corpus.clearDateWords.nouns);
    this.spanEnds = new Set(corpus.clearDateWords.spanEnds);
    this.dueTaskMarkers = new Set(corpus.dueTaskMarkers);
    this.watchOff = phraseTable(corpus.watchSettings.off.map((phrase) => [phrase, true] as const));
    this.watchShow = new Set(corpus.watchSettings.show);
    this.holidays = holidayTable(corpus.holidays, corpus.holidayCountedFrom);
    this.otherVerbs = phraseTable(corpus.watchSettings.otherVerbs.map((phrase) => [phrase, true] as const));
    this.changeVerbs = phraseTable(corpus.watchSettings.changeVerbs.map((phrase) => [phrase, true] as const));
    this.negation = corpus.negation;
    this.undoWords = phraseTable(corpus.negation.undo.map((phrase) => [phrase, true] as const));
    this.turnOnWords = phraseTable(corpus.negation.turnOn.map((phrase) => [phrase, true] as const));
    this.changeWords = phraseTable(corpus.negation.changes.map((phrase) => [phrase, true] as const));
    this.asIs = phraseTable(corpus.negation.asIs.map((phrase) => [phrase, true] as const));
    this.splitTurnOn = corpus.negation.turnOn
      .map((phrase) => phrase.split(' '))
      .filter((words): words is [string, string] => words.length === 2);
    this.splitTurnOff = [...corpus.cadences.off, ...corpus.watchSettings.off]
      .map((phrase) => phrase.split(' '))
      .filter((words): words is [string, string] => words.length === 2 && words[1] === 'off');
    this.conditionals = new Set(corpus.conditionals);
    this.hedges = new Set(corpus.hedges);
    this.pastIntentions = phraseTable(corpus.pastIntentions.map((phrase) => [phrase, true] as const));
    this.eachTask = eachTaskWords(corpus.eachTask);
    this.indirectQuestions = new Set(corpus.indirectQuestions);
    this.ownerMarkers = new Set(corpus.owners.markers);
    this.ownerMe = new Set(corpus.owners.me);
    this.takers = new Set(corpus.owners.takers);
    this.doneTaskWords = corpus.doneTaskWords;
    this.onwardWords = phraseTable(corpus.onwardWords.map((phrase) => [phrase, true] as const));
    this.openers = new Set(corpus.openers);
    this.taskVerbs = new Map(
      Object.entries(corpus.taskVerbs).flatMap(([intent, verbs]) =>
        verbs.map((verb) => [verb, intent as IntentName] as const),
      ),
    );
    this.articles = new Set(corpus.functionWords);
    this.corrections = phraseTable(corpus.corrections.map((phrase) => [phrase, true] as const));
    this.politeFrames = phraseTable(corpus.politeFrames.map((phrase) => [phrase, true] as const));
    this.model = IntentModel.train(corpus, this.taskNames, synonyms);
    this.isWord = (token) => synonyms.lookup(token).length > 0;
    this.corpusIntents = corpus.intents;
    this.guide = new GuideIndex(corpus);
    this.second = this.secondReader();
  }

  /**
   * The second opinion: this reader, every rule and word list the same, over the network that also learnt how outside
   * authors phrase each command (learnt.ts). Undefined without learnt sentences.
   */
  private readonly second: Understanding | undefined;

  private secondReader(): Understanding | undefined {
    const model = this.model.withLearntNetwork();
    if (!model) return undefined;
    const reader = Object.create(this) as Understanding;
    Object.defineProperty(reader, 'model', { value: model });
    Object.defineProperty(reader, 'second', { value: undefined });
    return reader;
  }

  /** Ranked intents for a message, before any decision (tests and the accuracy report use it). */
  classify(text: string): { prepared: PreparedText; ranked: IntentScore[] } {
    const prepared = this.prepared(text);
    return { prepared, ranked: this.model.classify(prepared.masked) };
  }

  /**
   * The message's words, corrected and masked. The last text's are kept in one object this reader and its second
   * opinion share (secondReader): a message is read several times (by both networks, its last clause, its refusals),
   * and the words are the same each time.
   */
  private prepared(text: string): PreparedText {
    if (this.lastPrepared.text === text && this.lastPrepared.prepared) return this.lastPrepared.prepared;
    const prepared = prepareText(text, {
      taskNames: this.taskNames,
      vocabulary: this.model.vocabulary,
      respellings: this.model.respellings,
      commandWords: this.model.commandWords,
      isWord: this.isWord,
      months: MONTHS,
    });
    this.lastPrepared.text = text;
    this.lastPrepared.prepared = prepared;
    return prepared;
  }

  /**
   * classify, for a message whose only task words name tasks of another track ("kick off the assessment" in a Cloud
   * Sync plan, where the assessment is Connect Sync's): when the masked reading needs a task there is none of ("start
   * which task?") or reads nothing, the words are read as words instead ("assessment" for the questions, "health check"
   * for the status). Marked `reread`: such a reading is offered, never acted on, as the words were also a task's name.
   * A reading that stands with the task masked is kept: the corpus masks those words too ("turn on sync monitoring").
   */
  private classifyInPlan(
    text: string,
    context: UnderstandingContext,
  ): { prepared: PreparedText; ranked: IntentScore[]; reread?: true } {
    const classified = this.classify(text);
    const tasks = context.tasks;
    if (!tasks) return classified;
    const inPlan = (ids: readonly string[]) => ids.some((id) => tasks.some((task) => task.id === id));
    const mentions = classified.prepared.taskMentions;
    if (
      mentions.length === 0 ||
      mentions.some((mention) => mention.ref.kind !== 'words' || inPlan(mention.ref.taskIds))
    )
      return classified;
    const top = classified.ranked[0];
    if (top.intent !== 'None' && !TASK_INTENTS.has(top.intent) && top.score >= SUGGEST_SCORE) return classified;
    const planNames: Pick<PhraseTable<string>, 'matchAt'> = {
      matchAt: (tokens, at) => {
        const match = this.taskNames.matchAt(tokens, at);
        return match && inPlan(match.meanings) ? match : undefined;
      },
    };
    const prepared = prepareText(text, {
      taskNames: planNames as PhraseTable<string>,
      vocabulary: this.model.vocabulary,
      respellings: this.model.respellings,
      commandWords: this.model.commandWords,
      isWord: this.isWord,
      months: MONTHS,
    });
    const ranked = this.model.classify(prepared.masked);
    // Only a reading the task's own words speak for: "mark the assessment done" is still about a task ("which one?"),
    // not the history that "mark" and "done" can also mean.
    const hidden = mentions.map((mention) => prepared.tokens.slice(mention.start, mention.end).join(' ')).join(' ');
    if (ranked[0].intent !== 'None' && (this.model.learntWordCounts(hidden).get(ranked[0].intent) ?? 0) > 0)
      return { prepared, ranked, reread: true };
    // Words the corpus masks as a task can also name a command of their own ("begin the assessment" in a Cloud Sync
    // plan is the questionnaire the corpus calls "start the assessment"): that command is offered when the message
    // shares another word with it ("begin"), never carried out.
    const counts = this.model.learntWordCounts(classified.prepared.masked);
    const named = mentions
      .flatMap((mention) => (mention.ref.kind === 'words' ? (this.commandNames().get(mention.ref.words) ?? []) : []))
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

  /** commandNamesRead, read from the corpus on first need: few messages ask, and start-up stays as it was. */
  private commandNames(): ReadonlyMap<string, readonly IntentName[]> {
    if (this.commandNamesRead) return this.commandNamesRead;
    const names = new Map<string, IntentName[]>();
    for (const [intent, sentences] of Object.entries(this.corpusIntents) as Array<[IntentName, readonly string[]]>) {
      if (TASK_INTENTS.has(intent) || intent === 'question') continue;
      for (const sentence of sentences)
        for (const mention of prepareText(sentence, { taskNames: this.taskNames, vocabulary: new Set() })
          .taskMentions) {
          if (mention.ref.kind !== 'words') continue;
          const intents = names.get(mention.ref.words) ?? [];
          if (!intents.includes(intent)) names.set(mention.ref.words, [...intents, intent]);
        }
    }
    this.commandNamesRead = names;
    return names;
  }

  /** `context` prefers the plan's own tasks when a line of another track answers as well. */
  answerQuestion(text: string, context?: UnderstandingContext) {
    return this.guide.answer(
      text,
      context?.tasks?.map((task) => task.id),
    );
  }

  /**
   * What the message asks, read by both networks when there are learnt sentences. The bot acts only when both read the
   * same command: where the second reads another, the first's reading is offered instead ("Did you mean…?"). What only
   * the second would act on is offered first: it learnt phrasings the corpus lacks. Each reading has passed every rule
   * (negations, hypotheticals, questions), so the second opinion can turn an action into an offer, never the reverse.
   * A read-only command the first is sure of is shown when the second reads no other command in the message (it may
   * read a question: "when was task 2 marked done") or counts it among its offers, as a wrong one costs nothing to
   * ignore. A message the first refused because it negates or weighs something stays refused, whatever command the
   * second reads in it ("once task 3 is done we could skip 5" is no request for what's next). Where both only offer,
   * or the first was sure of a command for the whole plan the second reads otherwise, the words decide which offer
   * leads; what the first only offers and the second reads as nothing gets the help card. The first's question of
   * which task or person a command is for gives way to the second's offers when they read another command.
   */
  interpret(text: string, context: UnderstandingContext): Interpretation {
    const first = this.interpretAlone(text, context);
    if (!this.second) return first;
    const second = this.second.interpretAlone(text, context);
    if (first.kind === 'act') {
      if (intentRead(second) === first.proposal.intent) return first;
      const other = second.kind === 'act' ? [second.proposal] : second.kind === 'choose' ? second.proposals : [];
      const readOnly = !CHANGES_STATE.has(first.proposal.intent) && !SETTINGS.has(first.proposal.intent);
      if (readOnly && (other.length === 0 || other.some((proposal) => proposal.intent === first.proposal.intent)))
        return first;
      // A command for the whole plan the second network reads otherwise: the reading the message's words speak for as
      // much comes first ("show me the tasks that belong to me" is my tasks as much as the task list the first network
      // was sure of; "for what reasons did you pick this tool" is the recommendation's reasons more than the questions).
      // Both are offered, neither carried out. A task change keeps its place: its task is no word it is counted for.
      const lead = other[0];
      if (
        lead !== undefined &&
        lead.intent !== first.proposal.intent &&
        !TASK_INTENTS.has(first.proposal.intent) &&
        this.speaksForAsMuch(text, lead.intent, first.proposal.intent)
      ) {
        const rest = other.filter((proposal) => proposal.intent !== first.proposal.intent);
        return { kind: 'choose', proposals: [...rest.slice(0, MAX_CHOICES - 1), first.proposal] };
      }
      return { kind: 'choose', proposals: firstThen(first.proposal, other) };
    }
    // Both only offer and disagree on what first: the second network's first offer leads when the message's words
    // speak for it as much, as it learnt phrasings the corpus lacks. Not between two task changes: a change's task is
    // no word it is counted for, so its verb alone speaks for it, and the first network's reading of the verb stands.
    if (first.kind === 'choose' && second.kind === 'choose') {
      const [mine, theirs] = [first.proposals[0], second.proposals[0]];
      if (
        mine &&
        theirs &&
        mine.intent !== theirs.intent &&
        !(TASK_INTENTS.has(mine.intent) && TASK_INTENTS.has(theirs.intent)) &&
        this.speaksForAsMuch(text, theirs.intent, mine.intent)
      )
        return { kind: 'choose', proposals: firstThen(theirs, first.proposals) };
      return first;
    }
    // The first network asks which task or person a command is for, and the second only offers other commands: the
    // first's question presumes a reading the second does not share ("get me a file for the auditors" is no
    // assignment waiting for a name). Where the message's words speak for the second's first offer as much, its offers
    // are shown instead of the question. Nothing is carried out either way.
    if (
      first.kind === 'clarify' &&
      second.kind === 'choose' &&
      !second.proposals.some((proposal) => proposal.intent === first.intent) &&
      this.speaksForAsMuch(text, second.proposals[0].intent, first.intent)
    )
      return second;
    // What the first network only offers, the second reads as no command at all ("the canteen queue was endless this
    // morning": the reminders on "morning"): the two agree on nothing asked for, so the help card is shown, with the
    // first's offers as the closest commands. Not when the first offers a change first (offersChangeFirst): it is
    // carried out only once the person presses its button, and requests for changes name tasks and steps in words the
    // second learnt few sentences about; a task change naming no task is only a verb, which the second knows as well.
    // Nor when the only task words name another track's tasks: the first read them as words ("health check on the
    // project" asks for the status), where the second may not have.
    if (
      first.kind === 'choose' &&
      second.kind === 'help' &&
      !this.offersChangeFirst(text, first) &&
      !this.namesOtherTrackOnly(text, context)
    )
      return {
        kind: 'help',
        closest: [...new Set([...first.proposals.map((proposal) => proposal.intent), ...second.closest])].slice(
          0,
          MAX_CHOICES,
        ),
      };
    if (second.kind !== 'act') return first;
    if (first.kind === 'help' && this.negatesOrWeighs(text)) return first;
    return { kind: 'choose', proposals: firstThen(second.proposal, first.kind === 'choose' ? first.proposals : []) };
  }

  /**
   * Whether the first offer is a change the second network may have missed: a plan-wide change (starting over, the
   * questionnaire, sharing, restoring), or a task change for a task or step the message names. A task change with no
   * task named is a verb alone, which the second network would know as well.
   */
  private offersChangeFirst(text: string, first: Interpretation): boolean {
    const intent = intentRead(first) ?? 'help';
    if (!CHANGES_STATE.has(intent)) return false;
    return !TASK_INTENTS.has(intent) || this.prepared(text).taskMentions.length > 0;
  }

  /**
   * Whether the message has as many words `intent` learnt as words `other` learnt (learntWordCounts, the thesaurus's
   * guesses aside): between two readings the networks disagree on, the words decide, and a tie goes to `intent`.
   */
  private speaksForAsMuch(text: string, intent: IntentName, other: IntentName): boolean {
    const counts = this.model.learntWordCounts(this.prepared(text).masked);
    return (counts.get(intent) ?? 0) >= (counts.get(other) ?? 0);
  }

  /**
   * The task change whose plain verb stands right before a task the message names, an article apart at most, or right
   * before a pronoun after it.
   */
  private changeVerbedBeforeTask(prepared: Prepared): IntentName | undefined {
    for (const mention of prepared.taskMentions) {
      let at = mention.start - 1;
      if (at > 0 && this.articles.has(prepared.tokens[at])) at -= 1;
      const verbed = at >= 0 ? this.taskVerbs.get(prepared.tokens[at]) : undefined;
      if (verbed !== undefined) return verbed;
    }
    // Or before "it" standing for the one task the message names ("I ticked task 4 by mistake, can you reopen it?").
    if (prepared.taskMentions.length !== 1) return undefined;
    const { tokens } = prepared;
    const at = tokens.findIndex(
      (token, i) =>
        i > prepared.taskMentions[0].end && REFERRING_PRONOUNS.has(token) && this.taskVerbs.has(tokens[i - 1]),
    );
    return at > 0 ? this.taskVerbs.get(tokens[at - 1]) : undefined;
  }

  /**
   * A task and its new owner with only an arrow or "to" between them ("#4 -> me", "t5 → @Ravi", "task 2 to me"): the
   * terse form of an assignment. Offered, never carried out, as the words that would say so are missing.
   */
  private handedToOwner(text: string, context: UnderstandingContext): Interpretation | undefined {
    const prepared = this.prepared(text);
    const { tokens, taskMentions } = prepared;
    if (taskMentions.length !== 1 || taskMentions[0].start !== 0) return undefined;
    const rest = tokens.slice(taskMentions[0].end);
    const owner = rest.at(-1) ?? '';
    if (owner !== PERSON_TOKEN && !this.ownerMe.has(owner)) return undefined;
    const arrow = ARROWS.some((written) => text.includes(written));
    if (!(rest.length === 1 && arrow) && !(rest.length === 2 && this.ownerMarkers.has(rest[0]))) return undefined;
    const reading = this.read('assign', { ...prepared, tokens: [...tokens.slice(0, -1), 'to', owner] }, context);
    return reading.kind === 'complete' ? { kind: 'choose', proposals: [reading.proposal] } : undefined;
  }

  /** The day a message's words name, holidays included ("due on christmas eve"). */
  private dueDay(text: string, now: Date): string | undefined {
    return recognizeDueDay(text, now, undefined, this.holidays);
  }

  /** Whether the message negates something or weighs it as a hypothetical. */
  private negatesOrWeighs(text: string): boolean {
    const prepared = this.prepared(text);
    return Boolean(negationOf(prepared.tokens, this.negation)) || this.isConditional(prepared);
  }

  private interpretAlone(text: string, context: UnderstandingContext): Interpretation {
    const read = this.interpretWhole(text, context);
    const opening = this.openingChange(text, context, read);
    const whole: Interpretation = opening ?? read;
    if (whole.kind === 'help' || whole.kind === 'noAnswer') {
      const asked = this.politelyAsked(text, context);
      if (asked) return asked;
    }
    if (whole.kind !== 'help') return whole;
    const handed = this.handedToOwner(text, context);
    if (handed) return handed;
    // A long message often gives its context first and its request last ("Having wrapped up the tool choice last week,
    // I'd like to know what we should focus on now"): when the whole reads as nothing, its last sentence or clause is
    // read alone, and what it asks is offered, never carried out. Not when the message negates or weighs something: the
    // clause could then be the very change it refused or made hypothetical. Nor when it opens by addressing someone: it
    // asks them.
    const last = lastClause(text);
    if (last === undefined) return whole;
    const prepared = this.prepared(text);
    const tokens = prepared.tokens;
    if (tokens[0] === PERSON_TOKEN || negationOf(tokens, this.negation) || this.isConditional(prepared)) return whole;
    if (tokens.some((token) => this.indirectQuestions.has(token))) return whole;
    const clause = this.interpretWhole(last, context);
    if (clause.kind === 'act') return { kind: 'choose', proposals: [clause.proposal] };
    if (clause.kind === 'choose') return clause;
    return whole;
  }

  /**
   * A message that opens with a task change's plain verb and the task ("skip task 2; the prerequisites were validated
   * during the previous rollout", "skip 5, @Ana's team verifies with their own tooling") gives its order first and its
   * reason after: when the whole reads as something else (the reason's words read as a question, an assignment or
   * nothing), that change is offered first, never carried out. Not in a question, a negation or a hypothetical, nor
   * where the whole reads as the task's due date ("finish the prereqs by friday"), nor in a message that corrects itself.
   */
  private openingChange(
    text: string,
    context: UnderstandingContext,
    whole: Interpretation,
  ): Interpretation | undefined {
    const prepared = this.prepared(text);
    const { tokens } = prepared;
    const intent = this.taskVerbs.get(tokens[0] ?? '');
    if (intent === undefined || !context.tasks || text.trimEnd().endsWith('?')) return undefined;
    const at = this.articles.has(tokens[1] ?? '') ? 2 : 1;
    const mention = prepared.taskMentions.find((found) => found.start === at);
    const numbers =
      mention?.ref.kind === 'number'
        ? [mention.ref.number]
        : mention?.ref.kind === 'words'
          ? context.tasks
              .filter((task) => mention.ref.kind === 'words' && mention.ref.taskIds.includes(task.id))
              .map((task) => task.number)
          : prepared.taskMentions.length === 0 && /^\d{1,2}$/.test(tokens[1] ?? '')
            ? [Number(tokens[1])]
            : [];
    if (numbers.length !== 1) return undefined;
    // Nor when the message takes its opening back ("skip the prereqs, my mistake, skip the verification").
    if (
      negationOf(tokens, this.negation) ||
      this.isConditional(prepared) ||
      this.corrections.findAll(tokens).length > 0
    )
      return undefined;
    const change = { intent, taskNumber: numbers[0] } as Proposal;
    const current =
      whole.kind === 'act'
        ? [whole.proposal]
        : whole.kind === 'choose' || whole.kind === 'whichTask'
          ? whole.proposals
          : [];
    const first = current[0];
    if (first?.intent === 'due') return undefined;
    if (first?.intent === intent && 'taskNumber' in first && first.taskNumber === numbers[0]) return undefined;
    return {
      kind: 'choose',
      proposals: [change, ...current.filter((proposal) => proposal.intent !== intent)].slice(0, MAX_CHOICES),
    };
  }

  /**
   * A request in a polite frame ("would it be possible to discard this plan and start afresh?", "I wonder if you could
   * share this plan with the channel") that reads as nothing whole: the frame made it a question or a hypothetical
   * ("if"), and the guide has nothing on it. What the frame asks for is read alone; a change or a setting turned on is
   * offered, never carried out, since the frame can also ask whether it could be done.
   */
  private politelyAsked(text: string, context: UnderstandingContext): Interpretation | undefined {
    const rest = afterPoliteFrame(text, this.politeFrames);
    if (rest === undefined) return undefined;
    const asked = this.interpretWhole(rest, context);
    if (asked.kind === 'act') {
      const { intent } = asked.proposal;
      const changes =
        CHANGES_STATE.has(intent) ||
        (SETTINGS.has(intent) && !turnsOff({ kind: 'complete', proposal: asked.proposal }));
      return changes ? { kind: 'choose', proposals: [asked.proposal] } : asked;
    }
    return asked.kind === 'choose' || asked.kind === 'whichTask' || asked.kind === 'clarify' ? asked : undefined;
  }

  private interpretWhole(text: string, context: UnderstandingContext): Interpretation {
    const classified = this.classifyInPlan(text, context);
    const corrected = this.corrected(classified, context.now);
    const prepared = corrected.prepared;
    // Asked for each task with an attribute, the task list comes first unless the message asks a question of the guide,
    // a change to a setting, or a change it can be about: one of the whole plan, or one of a task it names.
    const ranked = taskListFirst(
      corrected.ranked,
      prepared.tokens,
      this.eachTask,
      this.model.learntWordCounts(prepared.masked, true),
      (intent) =>
        intent !== 'question' &&
        (intent === 'None' ||
          (SETTINGS.has(intent)
            ? showsSetting(this.read(intent, prepared, context))
            : TASK_INTENTS.has(intent)
              ? !this.namesPlanTask(prepared, context)
              : !CHANGES_STATE.has(intent))),
      (ACT_SCORE + SUGGEST_SCORE) / 2,
    );
    const top = ranked[0];
    const candidates = ranked.filter((entry): entry is IntentScore & { intent: IntentName } => entry.intent !== 'None');
    const questionShaped = looksLikeQuestion(text, prepared.tokens);
    const negation = negationOf(prepared.tokens, this.negation, (at) =>
      prepared.taskMentions.some((mention) => mention.start === at),
    );
    // A cadence with no word that stops it ("don't send a weekly digest", not "stop the daily digest") turns one on.
    const cadences = this.cadences.findAll(this.settingTokens(prepared.tokens)).map((found) => found.meanings[0]);
    const asks: Asks = {
      undo: this.undoWords.findAll(prepared.tokens).length > 0,
      turnOn:
        this.turnOnWords.findAll(prepared.tokens).length > 0 ||
        this.splitTurnOn.some(([verb, particle]) => splitAround(prepared.tokens, verb, particle)) ||
        (cadences.length > 0 && !cadences.includes('off')),
      keep: this.keepsSetting(this.settingTokens(prepared.tokens)),
    };
    // Asked to leave a setting as it is ("nobody should touch the watch setting until the SOC signs off"), the message
    // changes no setting, whatever word of it reads as turning one off; it may still be shown.
    if (
      asks.keep &&
      top.intent !== 'None' &&
      SETTINGS.has(top.intent) &&
      !showsSetting(this.read(top.intent, prepared, context))
    )
      return { kind: 'help', closest: closestIntents(candidates) };
    if (negation && top.intent !== 'None' && refuses(top.intent, negation, asks))
      return { kind: 'help', closest: closestIntents(candidates) };
    // A negation right before the very word of a task change ("we're not skipping verification", "won't skip it")
    // refuses it, where one the corpus says before that word for the change ("not needed" for a skip) asks for it.
    if (
      negation &&
      top.intent !== 'None' &&
      TASK_INTENTS.has(top.intent) &&
      !asks.undo &&
      prepared.correctedFrom === undefined &&
      this.negatesItsWord(prepared.masked, top.intent)
    )
      return { kind: 'help', closest: closestIntents(candidates) };

    // A yes/no question about something the message describes ("…nothing is syncing, is that expected?", "is it normal
    // for the agent to show as inactive?") asks for a judgement the guide may give, however strongly its other words
    // speak for a command ("show… after" for next): it is answered or said to be uncovered, never acted on.
    if (asksAboutIt(prepared.masked.split(' '))) {
      const answer = this.answerQuestion(text, context);
      return answer.kind === 'answer' ? answer : { kind: 'noAnswer' };
    }
    if (
      (top.intent === 'question' && top.score >= SUGGEST_SCORE) ||
      (questionShaped && top.score < ACT_SCORE) ||
      (questionShaped && top.intent === 'None')
    ) {
      // A question that opens by addressing someone and asks "you" ("@Meera are you free at 3?", "@Ravi did you get my
      // mail about the server?") is for that person, not for the guide.
      if (
        prepared.tokens[0] === PERSON_TOKEN &&
        prepared.tokens.some((token) => this.secondPerson.has(token)) &&
        (top.intent === 'question' || top.intent === 'None' || top.score < SUGGEST_SCORE)
      )
        return { kind: 'help', closest: closestIntents(candidates) };
      const answer = this.answerQuestion(text, context);
      if (answer.kind === 'answer') return answer;
      // A question the guide cannot answer that asks the bot to change a task ("I clicked done on the wrong card, can you
      // reopen task 1?") is a request: the change is offered, never carried out.
      const topIntent = top.intent;
      if (
        topIntent !== 'None' &&
        TASK_INTENTS.has(topIntent) &&
        top.score >= SUGGEST_SCORE &&
        this.asksYouTo(prepared.tokens)
      ) {
        // The plain verb right before the task says which change ("can you reopen task 1?" after "I clicked done").
        const asked = this.read(this.changeVerbedBeforeTask(prepared) ?? topIntent, prepared, context);
        if (asked.kind === 'complete') return { kind: 'choose', proposals: [asked.proposal] };
      }
      // A question the guide cannot answer is said to be one, unless it may be asking for a plain command ("how are we
      // doing?"), or it is small talk: a word only chatter has ("anyone up for lunch?", "did you catch the game?") makes
      // it no question for the guide, and the help card is shown as for other chatter.
      if (
        top.intent === 'question' ||
        top.intent === 'None' ||
        top.score < SUGGEST_SCORE ||
        TASK_INTENTS.has(top.intent)
      )
        return this.model.chatterWords(prepared.masked) > 0
          ? { kind: 'help', closest: closestIntents(candidates) }
          : { kind: 'noAnswer' };
    }
    // With no command read, a task named with a date still says when it is due ("pencil in the 22nd for the agent
    // install", "step 5 cutoff: 2026-12-18"), whatever the verb: offered, never acted on.
    const helpOrDate = (): Interpretation => {
      const dated = negation || questionShaped ? undefined : this.datedTask(prepared, context);
      return dated ? { kind: 'choose', proposals: [dated] } : { kind: 'help', closest: closestIntents(candidates) };
    };
    if (top.intent === 'None' || top.score < SUGGEST_SCORE) return helpOrDate();
    // Chatter shares a word with some command ("ugh teams keeps crashing on my laptop" the "teams" of share): when words
    // that neither the model nor the thesaurus knows outnumber those that speak for the top command, learnt or related
    // to its words by the thesaurus, the message is about something else, and nothing is offered. Words only small talk
    // has count with them ("cheers for the help this afternoon, nice work": cheers and nice against the help of help): the
    // network can still rank a command first on the one word they share with it.
    const ownWords = this.model.learntWordCounts(prepared.masked, true).get(top.intent) ?? 0;
    const chatter = this.model.chatterWords(prepared.masked);
    if (this.model.unrelatedWords(prepared.masked) + chatter > ownWords) return helpOrDate();
    // When the network is unsure of it too, a word the thesaurus relates to some corpus word is no better evidence that
    // the message is a command than one it relates to nothing ("the traffic was a nightmare this morning": the network
    // half reads the reminders in "morning"): words the model never learnt, and small talk's, outnumbering the top
    // command's make the message about something else. Not when it names one of the plan's tasks: that is what it is
    // about.
    if (
      top.score < ACT_SCORE &&
      !this.namesPlanTask(prepared, context) &&
      this.model.unknownWords(prepared.masked) + chatter > ownWords
    )
      return helpOrDate();

    // A task change weighed rather than asked for ("what happens if we skip the verify step?", "should I mark task 2 as
    // done before the firewall change?", "if we finish the prereqs today can we start the agent") is no request for it:
    // a question gets the guide's answer or the honest "not covered", a hypothetical statement the help card.
    const conditional = this.isConditional(prepared);
    // So is any other change weighed in a hypothetical statement ("once the firewall rules are in we could start the
    // questions", "if the audit goes badly we may wipe the plan"): the help card, not an offer to do it now.
    // A setting turned on in a hypothetical about one of the plan's tasks ("if we finish the agent install tomorrow
    // I'll let you know") says what the person will do once the task is done, not what the bot should watch.
    const turningOn =
      SETTINGS.has(top.intent) &&
      !turnsOff(this.read(top.intent, prepared, context)) &&
      this.namesPlanTask(prepared, context);
    if (conditional && !questionShaped && (CHANGES_STATE.has(top.intent) || turningOn))
      return { kind: 'help', closest: closestIntents(candidates) };
    if (TASK_INTENTS.has(top.intent) && (conditional || (questionShaped && weighsAChange(prepared.tokens)))) {
      if (!questionShaped) return { kind: 'help', closest: closestIntents(candidates) };
      const answer = this.answerQuestion(text, context);
      return answer.kind === 'answer' ? answer : { kind: 'noAnswer' };
    }

    const intent = top.intent;
    const positional = negation || conditional ? undefined : this.changeOfPosition(prepared, intent, context);
    if (positional) {
      const others = this.offers(
        candidates,
        intent,
        this.read(intent, prepared, context),
        prepared,
        context,
        negation,
        asks,
      );
      return {
        kind: 'choose',
        proposals: [positional, ...others.filter((proposal) => proposal.intent !== positional.intent)].slice(
          0,
          MAX_CHOICES,
        ),
      };
    }
    const reading = this.settingAsked(this.read(intent, prepared, context), prepared, questionShaped);
    // A named task given a day still to come reads as its deadline, whatever the model made of the other words: the date
    // is no word it learnt, so "no verification, 2026-12-18 at the latest" had scored as a skip and "the agent install,
    // next friday at the latest" as a start. The due date is offered first and the model's readings after it, none
    // acted on. A day already here ("taking up the configuration today") says when, not by when.
    // A due date said with an owner for the task ("give the prereqs to me, due dec 20") asks for both: read as the date
    // alone, the owner was dropped. Both are offered, the assignment carrying the day first, and neither carried out.
    const owned =
      intent === 'due' && !negation && !questionShaped ? this.ownerWithDeadline(reading, prepared, context) : undefined;
    if (owned) return { kind: 'choose', proposals: owned };
    const deadline =
      intent === 'due' || negation || questionShaped ? undefined : this.datedTask(prepared, context, 'toCome');
    if (deadline) {
      const others = this.offers(candidates, intent, reading, prepared, context, negation, asks).filter(
        (proposal) => proposal.intent !== 'due',
      );
      // A task change the model is sure of, on two or more words of its own ("wrapped up on friday, mark it done", "on
      // leave until january, remove him from the config"), comes before the deadline: the day says when it happened or
      // for how long, and is still offered after it.
      const ownWords = this.model.learntWordCounts(prepared.masked).get(intent) ?? 0;
      const sure = TASK_INTENTS.has(intent) && top.score >= ACT_SCORE && ownWords >= 2 && others[0]?.intent === intent;
      // An owner and a deadline for the same task ("@Priya can you own config, by the 18th"): the day is the one the
      // owner is asked to meet, so the assignment comes first and carries it, and the due date is offered after it.
      const day = deadline.intent === 'due' && deadline.date !== null ? deadline.date : undefined;
      const task = 'taskNumber' in deadline ? deadline.taskNumber : undefined;
      const owner = others.find((proposal) => proposal.intent === 'assign' && proposal.taskNumber === task);
      if (owner?.intent === 'assign' && day !== undefined)
        return {
          kind: 'choose',
          proposals: [{ ...owner, date: day }, deadline, ...others.filter((other) => other !== owner)].slice(
            0,
            MAX_CHOICES,
          ),
        };
      return {
        kind: 'choose',
        proposals: (sure ? [others[0], deadline, ...others.slice(1)] : [deadline, ...others]).slice(0, MAX_CHOICES),
      };
    }
    // A question about a task ("who closed task 2?") is never taken as an order to change it.
    // Nor is a negated or conditional one ("we don't need task 5, skip it", "if we finish task 3 can we start 4"), and
    // nothing changes on a message with words the model never learnt ("verification passed"): those are offered.
    // A message that corrects itself ("mark 3 done, sorry I mean 4") is read as corrected, and offered: the slip says
    // it was typed in a hurry.
    // A change said beside an indirect question ("let me know whether we should start over", "mark the prereqs done
    // whether or not the audit signs off") is weighed or hedged: offered, not carried out.
    const indirect =
      prepared.tokens.some((token) => this.indirectQuestions.has(token)) &&
      (CHANGES_STATE.has(intent) || SETTINGS.has(intent));
    // Small talk that shares words with a command ("cheers for the help earlier", "great work everyone on the change
    // last night", "can someone order pizza for the night shift") is no request to the bot. When the words only small
    // talk has outnumber the ones the model learnt for the command (the thesaurus's guesses aside), it is read as
    // chatter. When they match them, or the message opens as small talk ("good night folks, logging off"), the command
    // is offered, never carried out, unless the message asks something ("thanks a lot, what is next") or names a task
    // ("cheers, mark task 3 done").
    const ownLearnt = this.model.learntWordCounts(prepared.masked).get(intent) ?? 0;
    if (chatter > ownLearnt) return helpOrDate();
    const smallTalk =
      ((chatter > 0 && chatter >= ownLearnt) || this.model.opensWithChatter(prepared.masked)) &&
      !prepared.tokens.some((token) => ASKING_WORDS.has(token)) &&
      !this.namesPlanTask(prepared, context) &&
      !this.politeRequest(text, intent);
    const mayAct =
      !smallTalk &&
      prepared.correctedFrom === undefined &&
      !classified.reread &&
      !indirect &&
      !((questionShaped || negation || conditional) && TASK_INTENTS.has(intent));
    // Nor is a setting for the whole plan turned on from a message about one of its tasks ("when the verification
    // passes I'll let the team know" is no request to watch the tenant): offered.
    const turnsOnSetting = SETTINGS.has(intent) && !turnsOff(reading);
    // A command word read from its typo ("skp task 3") is a guess: the change it names is offered, never carried out.
    // So is a change read on a word whose first letter the correction changed ("comit" read as "omit"), command word
    // or not.
    const unsure =
      (CHANGES_STATE.has(intent) || turnsOnSetting) &&
      (this.model.unknownWords(prepared.masked) > 0 ||
        prepared.guessedCommandWords > 0 ||
        (this.model.learntWordCounts(prepared.guessedWords.join(' ')).get(intent) ?? 0) > 0 ||
        (turnsOnSetting && this.namesPlanTask(prepared, context)));
    // The network can favour a reading on one word of the message when another command accounts for several more of
    // them ("what percentage of this rollout is actually done" scored as help, on "what" and the "this" of "what can
    // this bot do", over the status that "percentage", "rollout" and "done" speak for): that reading is offered, not
    // acted on, after the one that accounts for more.
    const outweighing = this.outweighing(prepared.masked, intent);
    // A message that opens with another command's training sentence, and with none of this one's, is not acted on
    // either: that command is offered first.
    // A reading for the whole plan leaves out a task the message names ("working on task 2 from now" read as next, on
    // "working" and "now"): when a change to that task is a likely reading too, the message may be about the task, so
    // both are offered and neither carried out.
    if (!TASK_INTENTS.has(intent) && !SETTINGS.has(intent) && this.namesPlanTask(prepared, context)) {
      const taskReading = candidates.find(
        (candidate) => TASK_INTENTS.has(candidate.intent) && candidate.score >= SUGGEST_SCORE / 2,
      );
      if (taskReading && !outweighing.includes(taskReading.intent)) outweighing.push(taskReading.intent);
    }
    // The plain verb of another task change right before the task ("skip task 4, another team did it", read as a
    // reopen on "another") says which change is meant: it is offered first, and neither is carried out.
    // Not for a due date: finishing a task by a day sets its date ("aim to finish the prereqs by dec 10").
    if (TASK_INTENTS.has(intent) && intent !== 'due') {
      const verbed = this.changeVerbedBeforeTask(prepared);
      if (verbed !== undefined && verbed !== intent && !outweighing.includes(verbed)) outweighing.unshift(verbed);
    }
    // Going on to a task ("move on to the agent install") starts it. Read as another change of it (on "move … to", the
    // words of moving a task back), the start is offered first, and neither carried out.
    if (TASK_INTENTS.has(intent) && !ONWARD_READINGS_KEPT.has(intent) && !outweighing.includes('taskStart')) {
      const onward = this.goneOnTo(prepared);
      const pointed = this.positions.findAll(prepared.tokens).length > 0;
      if (!pointed && prepared.taskMentions.length > 0 && prepared.taskMentions.every(onward))
        outweighing.unshift('taskStart');
    }
    const said = this.model.trainedSentencesIn(prepared.masked);
    if (!said.has(intent))
      for (const other of [...said].reverse())
        if (other !== 'None' && other !== 'question' && !outweighing.includes(other)) outweighing.unshift(other);
    // Only thesaurus words speak for it, nothing the model learnt ("eve" read as "day"): offered if complete, never
    // acted on or asked about, even when it changes nothing.
    if (top.score >= ACT_SCORE && mayAct && !top.guessed && outweighing.length === 0) {
      if (reading.kind === 'complete') {
        if (!unsure && !reading.guessed)
          return {
            kind: 'act',
            proposal: reading.proposal,
            ...(reading.named ? { named: reading.named } : {}),
            score: top.score,
          };
      } else if (reading.kind === 'ambiguous')
        return { kind: 'whichTask', words: reading.words, proposals: reading.proposals };
      else
        return {
          kind: 'clarify',
          intent,
          missing: reading.missing,
          ...(reading.taskNumber !== undefined ? { taskNumber: reading.taskNumber } : {}),
        };
    }
    // In between: offer the likely readings that can be written as a command.
    const proposals = this.offers(candidates, intent, reading, prepared, context, negation, asks);
    // The commands that account for more of the message are offered first, however low the network scored them.
    const fuller = outweighing.flatMap((other) => {
      if (proposals.some((proposal) => proposal.intent === other) || (negation && refuses(other, negation, asks)))
        return [];
      const option = this.read(other, prepared, context);
      return option.kind === 'complete' ? [option.proposal] : [];
    });
    proposals.unshift(...fuller);
    if (proposals.length > 0) return { kind: 'choose', proposals: proposals.slice(0, MAX_CHOICES) };
    // Unsure of the command and missing a part of it too: too little to ask a precise question about.
    return helpOrDate();
  }

  /**
   * Whether the message is a short greeting or thanks clause ("thanks,", "morning all -", "hi there.") and then a clause
   * that on its own reads clearly as `intent`, a command that only shows something ("thanks, show me the status"). The
   * opener is politeness, so the request is answered. Chatter after the opener ("cheers, great work everyone") or a
   * change ("thanks, start over") is not let through: a wrong answer only costs a card, a wrong change costs the plan.
   */
  private politeRequest(text: string, intent: IntentName): boolean {
    if (CHANGES_STATE.has(intent) || SETTINGS.has(intent)) return false;
    const cleaned = cleanText(text).text;
    const mark = CLAUSE_MARK.exec(cleaned);
    if (!mark) return false;
    const opener = tokenize(cleaned.slice(0, mark.index));
    if (opener.length === 0 || opener.length > MAX_OPENER_WORDS || !opener.every((word) => this.openers.has(word)))
      return false;
    const rest = this.classify(cleaned.slice(mark.index + mark[0].length));
    const [top] = rest.ranked;
    return (
      top.intent === intent &&
      top.score >= ACT_SCORE &&
      this.model.chatterWords(rest.prepared.masked) === 0 &&
      this.model.unrelatedWords(rest.prepared.masked) === 0
    );
  }

  /**
   * Whether the message asks to keep a setting as it is: a negation before a word that turns one off or changes it
   * ("don't switch anything off", "nobody should touch the reminders"), or words for leaving it as it is ("leave the
   * watch alone").
   */
  private keepsSetting(tokens: readonly string[]): boolean {
    if (this.negatesTurningOff(tokens) || this.asIs.findAll(tokens).length > 0) return true;
    return this.changeWords
      .findAll(tokens)
      .some(({ start }) =>
        tokens.slice(Math.max(0, start - NEGATED_WITHIN), start).some((token) => this.negation.words.includes(token)),
      );
  }

  /**
   * Whether a negation stands just before a word that turns a setting off ("leave the reminders, don't switch anything
   * off", "never pause the digest"): the message asks to keep the setting as it is. "don't remind us" is no such case:
   * "remind" turns nothing off, the negation does.
   */
  private negatesTurningOff(tokens: readonly string[]): boolean {
    // "nobody should touch the watch" keeps it as it is too.
    const offs = [
      ...this.cadences.findAll(tokens).filter((found) => found.meanings[0] === 'off'),
      ...this.watchOff.findAll(tokens),
      ...this.changeVerbs.findAll(tokens),
    ].map((found) => found.start);
    // "switch anything off": the order starts at its verb.
    tokens.forEach((token, i) => {
      if (this.splitTurnOff.some(([verb, particle]) => token === verb && splitAround(tokens.slice(i), verb, particle)))
        offs.push(i);
    });
    return offs.some((start) =>
      tokens.slice(Math.max(0, start - NEGATED_WITHIN), start).some((token) => this.negation.words.includes(token)),
    );
  }

  /** Whether a negation word stands right before a word of `intent`'s own that the corpus never negates for it. */
  private negatesItsWord(masked: string, intent: IntentName): boolean {
    const words = masked.split(' ');
    return words.some(
      (word, i) =>
        this.negation.words.includes(word) &&
        i + 1 < words.length &&
        this.model.speaksAloneAfter(word, words[i + 1], intent),
    );
  }

  /** "don't watch…" and "we don't need sync warnings" turn the watch off; "is the watch (not) on?" asks for the setting. */
  private watchSetting(prepared: Prepared): 'on' | 'off' | 'show' {
    const tokens = this.settingTokens(prepared.tokens);
    if (asksWhich(tokens)) return 'show';
    if (this.watchOff.findAll(tokens).length > 0) return 'off';
    const negation = negationOf(tokens, this.negation);
    if (negation === 'imperative') return 'off';
    if (this.watchShow.has(tokens[0] ?? '')) return 'show';
    // A negation far from an order to turn it on belongs to another clause ("nobody noticed until Monday, so please
    // turn on the watch"); one just before it still refuses ("we don't need to turn on the watch").
    const turnsOn = this.turnOnWords
      .findAll(tokens)
      .some(({ start }) =>
        tokens
          .slice(Math.max(0, start - NEGATED_ORDER_WITHIN), start)
          .every((token) => !this.negation.words.includes(token)),
      );
    return negation && !turnsOn ? 'off' : 'on';
  }

  /**
   * The watch named alone in a question ("watch?", "tenant watch on?") asks how it is set, as "reminders?" does: no word
   * says to turn it on.
   */
  private settingAsked(reading: Reading, prepared: Prepared, questionShaped: boolean): Reading {
    if (reading.kind !== 'complete' || reading.proposal.intent !== 'watch' || reading.proposal.setting !== 'on')
      return reading;
    if (!questionShaped || prepared.tokens.length > TERSE_QUESTION_WORDS) return reading;
    if (this.turnOnWords.findAll(prepared.tokens).length > 0) return reading;
    return { kind: 'complete', proposal: { intent: 'watch', setting: 'show' } };
  }

  /** The message's tokens with other verbs' "off" and "stop" blanked ("until the SOC signs off"), for reading a setting. */
  private settingTokens(tokens: readonly string[]): readonly string[] {
    const others = this.otherVerbs.findAll(tokens);
    if (others.length === 0) return tokens;
    const blanked = [...tokens];
    for (const { start, end } of others) blanked.fill('', start, end);
    return blanked;
  }

  /**
   * When `intent` rests on one meaningful word of the message at most: the commands that share at least
   * OUTWEIGHING_WORDS more of them, most first, whatever the network scored them (which can be nothing). When it rests
   * on more, only commands that share twice as many count, and only against a command that names no task.
   */
  private outweighing(masked: string, intent: IntentName): IntentName[] {
    const counts = this.model.learntWordCounts(masked);
    const own = counts.get(intent) ?? 0;
    const more = (other: IntentName) => (counts.get(other) ?? 0) - own;
    // A reading several words speak for stands against one a few more words speak for: a second command sharing more of
    // a long message is common there. Not against one twice as many speak for ("what's the next bit of work on this" had
    // acted on the history, on "work" and "this"-like words, over next's five). A task change is exempt: its task is no
    // word it is counted for, so a verb and the task ("tick it off") are all it ever has.
    if (own > 1 && TASK_INTENTS.has(intent)) return [];
    const enough = (other: IntentName) =>
      more(other) >= OUTWEIGHING_WORDS && (own <= 1 || (counts.get(other) ?? 0) >= 2 * own);
    return [...counts.keys()]
      .filter(
        (other): other is IntentName => other !== 'None' && other !== 'question' && other !== intent && enough(other),
      )
      .sort((a, b) => more(b) - more(a));
  }

  /**
   * A task named by its position ("hand the next task to @Aisha", "put my name on the next task") in a message read as a
   * command for the whole plan on the position's words alone: "next task" is also how people ask what's next. Read with
   * the position as a task, the message is a change the model is sure of, on more words of its own than speak for the
   * plan's command: that change to the task is offered first, neither carried out.
   */
  private changeOfPosition(
    prepared: Prepared,
    intent: IntentName,
    context: UnderstandingContext,
  ): Proposal | undefined {
    if (TASK_INTENTS.has(intent) || SETTINGS.has(intent) || prepared.taskMentions.length > 0) return undefined;
    const position = this.positions.findAll(prepared.tokens)[0];
    if (position === undefined) return undefined;
    // Without a task mention, the masked words stand where the tokens do.
    const words = prepared.masked.split(' ');
    const before = words.slice(0, position.start);
    if (this.articles.has(before.at(-1) ?? '')) before.pop();
    const masked = [...before, TASK_TOKEN, ...words.slice(position.end)].join(' ');
    const [change] = this.model.classify(masked);
    const changed = change.intent;
    if (changed === 'None' || !TASK_INTENTS.has(changed) || change.score < ACT_SCORE || change.guessed)
      return undefined;
    const counts = this.model.learntWordCounts(masked);
    if ((counts.get(changed) ?? 0) <= (counts.get(intent) ?? 0)) return undefined;
    const reading = this.read(changed, prepared, context);
    return reading.kind === 'complete' ? reading.proposal : undefined;
  }

  /** The likely readings that can be written as a command, most likely first; `reading` is the top intent's. */
  private offers(
    candidates: ReadonlyArray<IntentScore & { intent: IntentName }>,
    intent: IntentName,
    reading: Reading,
    prepared: Prepared,
    context: UnderstandingContext,
    negation: Negation | undefined,
    asks: Asks,
  ): Proposal[] {
    const proposals: Proposal[] = [];
    for (const candidate of candidates) {
      if (candidate.score < SUGGEST_SCORE / 2 || candidate.intent === 'question' || proposals.length >= MAX_CHOICES)
        continue;
      // "don't obliterate the plan" offers no start over, whichever reading came first.
      if (negation && refuses(candidate.intent, negation, asks)) continue;
      const option = candidate.intent === intent ? reading : this.read(candidate.intent, prepared, context);
      if (option.kind === 'complete')
        proposals.push(option.proposal, ...(option.alternatives ?? []).slice(0, MAX_CHOICES - proposals.length - 1));
      if (option.kind === 'ambiguous') proposals.push(...option.proposals.slice(0, MAX_CHOICES - proposals.length));
    }
    return proposals;
  }

  /**
   * The due date a message gives a task it names, when it does; never in a hypothetical. With `toCome`, only a day
   * after today.
   */
  private datedTask(prepared: Prepared, context: UnderstandingContext, days?: 'toCome'): Proposal | undefined {
    if (prepared.taskMentions.length === 0 || this.isConditional(prepared)) return undefined;
    // "@Tomasz is on leave until january, remove him from configure": the day ends his leave, it is no deadline.
    const { tokens } = prepared;
    if (tokens.some((token, i) => this.spanEnds.has(token) && looksLikeDate(tokens[i + 1] ?? ''))) return undefined;
    const reading = this.read('due', prepared, context);
    if (reading.kind !== 'complete' || reading.proposal.intent !== 'due' || reading.proposal.date === null)
      return undefined;
    return days === 'toCome' && reading.proposal.date <= context.now.toISOString().slice(0, 10)
      ? undefined
      : reading.proposal;
  }

  /** Whether the message's only task words name tasks of another track than the plan's. */
  private namesOtherTrackOnly(text: string, context: UnderstandingContext): boolean {
    const prepared = this.prepared(text);
    return prepared.taskMentions.length > 0 && !this.namesPlanTask(prepared, context);
  }

  /** Whether the message names a task of the plan, by number or by words (another track's task words name none). */
  private namesPlanTask(prepared: Prepared, context: UnderstandingContext): boolean {
    const tasks = context.tasks ?? [];
    return prepared.taskMentions.some(
      (mention) =>
        mention.ref.kind === 'number' ||
        tasks.some((task) => mention.ref.kind === 'words' && mention.ref.taskIds.includes(task.id)),
    );
  }

  /**
   * Whether a word makes the message hypothetical ("if", "once", "when": "ping me when the prereqs are done" asks to be
   * told, and marks nothing done). One that also asks a question ("when") asks it when it opens the message before a
   * verb that asks ("when is task 3 due", "when did we start"), and is politeness before "you" ("mark task 3 done when
   * you get a chance": the bot is never the one to do the work). A hedge counts before the task the message names. So
   * does a change once meant and not made ("I was going to skip task 2 but…").
   */
  private isConditional(prepared: PreparedText): boolean {
    const { tokens } = prepared;
    if (this.pastIntentions.findAll(tokens).length > 0) return true;
    const firstTask = Math.min(tokens.length, ...prepared.taskMentions.map((mention) => mention.start));
    return tokens.some((token, i) => {
      if (this.hedges.has(token)) return i < firstTask;
      if (!this.conditionals.has(token)) return false;
      if (!QUESTION_OPENERS.has(token)) return true;
      const after = tokens[i + 1] ?? '';
      return !(i === 0 && QUESTION_OPENERS.has(after)) && !this.secondPerson.has(after);
    });
  }

  /**
   * A message that takes back a task or a date it named ("assign the config to me, no wait, the verify step", "the
   * 10th, actually make it the 11th"): the words of the correction are read as no part of the command, and the task or
   * date after the last one is the one meant. One without a task or date after it ("is sync actually running?") is no
   * correction.
   */
  private corrected(
    classified: { prepared: PreparedText; ranked: IntentScore[] },
    now: Date,
  ): { prepared: Prepared; ranked: IntentScore[] } {
    const { prepared } = classified;
    const last = this.corrections.findAll(prepared.tokens).at(-1);
    if (
      last === undefined ||
      !(
        prepared.taskMentions.some((mention) => mention.start >= last.end) ||
        this.dueDay(prepared.tokens.slice(last.end).join(' '), now)
      )
    )
      return classified;
    const words = prepared.masked.split(' ');
    const dropped = new Set(
      this.corrections.findAll(words).flatMap(({ start, end }) => words.slice(start, end).map((_, i) => start + i)),
    );
    const masked = words.filter((_, i) => !dropped.has(i)).join(' ');
    return {
      prepared: { ...prepared, masked, correctedFrom: last.end },
      ranked: this.model.classify(masked),
    };
  }

  /** The command an intent makes of this message, or what is missing to make one. */
  private read(intent: IntentName, prepared: Prepared, context: UnderstandingContext): Reading {
    if (intent === 'remind') {
      const tokens = this.settingTokens(prepared.tokens);
      const cadence = asksWhich(tokens) ? undefined : this.cadences.findAll(tokens)[0]?.meanings[0];
      return { kind: 'complete', proposal: { intent, cadence: cadence ?? 'show' } };
    }
    if (intent === 'watch') return { kind: 'complete', proposal: { intent, setting: this.watchSetting(prepared) } };
    if (intent === 'question') return { kind: 'missing', missing: 'task' };
    if (!TASK_INTENTS.has(intent)) return { kind: 'complete', proposal: { intent: intent as PlainIntent } };
    if (!context.tasks) return { kind: 'missing', missing: 'plan' };

    const task = this.findTask(prepared, context, intent === 'due');
    if (task.kind === 'none') {
      const finished = intent === 'taskDone' ? this.finishedTask(prepared, context) : undefined;
      return finished
        ? {
            kind: 'complete',
            proposal: { intent: 'taskDone', taskNumber: finished.number },
            named: finished,
            guessed: true,
          }
        : { kind: 'missing', missing: 'task' };
    }
    if (task.kind === 'several') {
      const proposals = task.numbers.flatMap((number) => {
        const one = this.complete(intent as TaskIntent, number, prepared, context);
        return one.kind === 'complete' ? [one.proposal] : [];
      });
      return proposals.length > 0
        ? { kind: 'ambiguous', words: task.words, proposals }
        : { kind: 'missing', missing: 'task' };
    }
    const complete = this.complete(intent as TaskIntent, task.number, prepared, context);
    const doubtful =
      complete.kind === 'complete' && (task.guessed || this.doubtfulDay(complete.proposal, prepared, context));
    const other =
      doubtful && complete.kind === 'complete' ? this.dayTheOtherWay(complete.proposal, prepared, context) : undefined;
    const reading: Reading = doubtful
      ? { ...complete, guessed: true, ...(other ? { alternatives: [other] } : {}) }
      : complete;
    if (reading.kind !== 'complete' || !task.byWords) return reading;
    const named = context.tasks.find((candidate) => candidate.number === task.number);
    return named ? { ...reading, named } : reading;
  }

  /**
   * The one task of the plan whose name a word of the message gives in the past tense ("verified, users are syncing
   * fine"): a message that says something is done and names no task. The word could also be about something else
   * ("verified the firewall rules"), so the change is offered, never carried out.
   */
  private finishedTask(prepared: Prepared, context: UnderstandingContext): PlanTaskInfo | undefined {
    const tasks = context.tasks ?? [];
    const found = new Set<PlanTaskInfo>();
    for (const token of prepared.tokens) {
      const name = Object.hasOwn(this.doneTaskWords, token) ? this.doneTaskWords[token] : undefined;
      const ids = name === undefined ? [] : (this.taskNames.matchAt([name], 0)?.meanings ?? []);
      for (const task of tasks) if (ids.includes(task.id)) found.add(task);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  private complete(intent: TaskIntent, taskNumber: number, prepared: Prepared, context: UnderstandingContext): Reading {
    switch (intent) {
      case 'assign': {
        // The person named right after "to" is the owner, whoever else the message mentions or says "I" about.
        const named = this.ownerNamed(prepared.tokens);
        if (named !== undefined)
          return {
            kind: 'complete',
            proposal: { intent, taskNumber, to: named === PERSON_TOKEN ? 'mentioned' : 'me' },
          };
        if (prepared.mentionCount > 0) return { kind: 'complete', proposal: { intent, taskNumber, to: 'mentioned' } };
        if (prepared.tokens.some((token) => this.firstPerson.has(token)) || this.takenBySpeaker(prepared))
          return { kind: 'complete', proposal: { intent, taskNumber, to: 'me' } };
        return { kind: 'missing', missing: 'person', taskNumber };
      }
      case 'due': {
        if (this.clearDate.findAll(prepared.tokens).length > 0)
          return { kind: 'complete', proposal: { intent, taskNumber, date: null } };
        const withoutTask = prepared.tokens.filter((_, i) => !inTask(prepared, i));
        const from = prepared.correctedFrom;
        const corrected =
          from === undefined
            ? undefined
            : this.dueDay(prepared.tokens.filter((_, i) => i >= from && !inTask(prepared, i)).join(' '), context.now);
        const date = corrected ?? this.dueDay(withoutTask.join(' '), context.now);
        if (date) return { kind: 'complete', proposal: { intent, taskNumber, date } };
        return this.takesDateAway(withoutTask)
          ? { kind: 'complete', proposal: { intent, taskNumber, date: null } }
          : { kind: 'missing', missing: 'date', taskNumber };
      }
      default:
        return { kind: 'complete', proposal: { intent, taskNumber } };
    }
  }

  /** The person named right after an owner marker ("to me", "to @Priya"), the last such; undefined when none is. */
  private ownerNamed(tokens: readonly string[]): string | undefined {
    return tokens
      .filter((_, i) => i > 0 && this.ownerMarkers.has(tokens[i - 1]))
      .filter((token) => token === PERSON_TOKEN || this.ownerMe.has(token))
      .at(-1);
  }

  /**
   * A due date read with an owner named for the same task ("hand the config to me, due friday"): the assignment carrying
   * the day, then the due date alone, so that neither half of the message is dropped. Undefined otherwise.
   */
  private ownerWithDeadline(
    reading: Reading,
    prepared: Prepared,
    context: UnderstandingContext,
  ): Proposal[] | undefined {
    if (reading.kind !== 'complete' || reading.proposal.intent !== 'due' || reading.proposal.date === null)
      return undefined;
    if (this.ownerNamed(prepared.tokens) === undefined) return undefined;
    const owner = this.read('assign', prepared, context);
    if (owner.kind !== 'complete' || owner.proposal.intent !== 'assign') return undefined;
    if (owner.proposal.taskNumber !== reading.proposal.taskNumber) return undefined;
    return [{ ...owner.proposal, date: reading.proposal.date }, reading.proposal];
  }

  /**
   * A verb of taking right before the task, an article apart at most ("take 4", "grab the config", "claiming task 2"):
   * with nobody named, whoever says it takes the task. "take a look at 4" has other words between, and names no owner.
   */
  private takenBySpeaker(prepared: Prepared): boolean {
    const { tokens } = prepared;
    const starts = [
      ...prepared.taskMentions.map((mention) => mention.start),
      ...tokens.flatMap((token, i) => (prepared.taskMentions.length === 0 && /^\d{1,2}$/.test(token) ? [i] : [])),
    ];
    const positions = this.positions.findAll(tokens).map((found) => found.start);
    return [...starts, ...positions].some((start) => {
      const at = start > 0 && this.articles.has(tokens[start - 1]) ? start - 2 : start - 1;
      return at >= 0 && this.takers.has(tokens[at]);
    });
  }

  /** A verb that takes something away with a due-date word at most two words after it ("scrap the target date"). */
  private takesDateAway(tokens: readonly string[]): boolean {
    return tokens.some(
      (token, i) => this.clearVerbs.has(token) && tokens.slice(i + 1, i + 4).some((next) => this.dateNouns.has(next)),
    );
  }

  /**
   * The message's one small number when the words give the same day without it ("due 3 friday", "deadline for 4:
   * thursday"): the task that day is for. Not when the day needs it ("due 15 december").
   */
  private taskBeforeDate(tokens: readonly string[], now: Date): { number: number; named: boolean } | undefined {
    const at = tokens.findIndex((token) => /^\d{1,2}$/.test(token));
    if (at < 0 || tokens.slice(at + 1).some((token) => /^\d{1,2}$/.test(token))) return undefined;
    const day = this.dueDay([...tokens.slice(0, at), ...tokens.slice(at + 1)].join(' '), now);
    if (day === undefined || day !== this.dueDay(tokens.join(' '), now)) return undefined;
    return { number: Number(tokens[at]), named: this.dueTaskMarkers.has(tokens[at - 1] ?? '') };
  }

  /**
   * A due date the words do not pin down: a day already past ("due 12/18/2020"), or a slashed date whose two numbers
   * could each be the month ("5/12" is 12 May to some readers and 5 December to others). Shown as the day it is read
   * as, to confirm, rather than set.
   */
  private doubtfulDay(proposal: Proposal, prepared: Prepared, context: UnderstandingContext): boolean {
    if (proposal.intent !== 'due' || !proposal.date) return false;
    if (proposal.date < context.now.toISOString().slice(0, 10)) return true;
    return prepared.tokens.some(readsEitherWayRound);
  }

  /**
   * The due date read the other way round from a slashed date whose two numbers could each be the month ("5/12" as 5
   * December, after 12 May), when it gives another day: offered as a second button.
   */
  private dayTheOtherWay(proposal: Proposal, prepared: Prepared, context: UnderstandingContext): Proposal | undefined {
    if (proposal.intent !== 'due' || !proposal.date) return undefined;
    const at = prepared.tokens.findIndex(readsEitherWayRound);
    if (at < 0) return undefined;
    const [first, second, ...year] = prepared.tokens[at].split('/');
    const tokens = prepared.tokens.map((token, i) => (i === at ? [second, first, ...year].join('/') : token));
    const swapped = this.complete('due', proposal.taskNumber, { ...prepared, tokens }, context);
    return swapped.kind === 'complete' && swapped.proposal.intent === 'due' && swapped.proposal.date !== proposal.date
      ? swapped.proposal
      : undefined;
  }

  /** Whether the message asks "you" to do something: "can you", "could you", "will you" (REQUEST_OPENERS). */
  private asksYouTo(tokens: readonly string[]): boolean {
    return tokens.some((token, i) => REQUEST_OPENERS.has(token) && this.secondPerson.has(tokens[i + 1] ?? ''));
  }

  /** Whether a task mention comes right after words of going on to it ("move on to the agent"), an article apart. */
  private goneOnTo(prepared: PreparedText): (mention: TaskMention) => boolean {
    const ends = new Set(this.onwardWords.findAll(prepared.tokens).map((found) => found.end));
    return (mention) =>
      ends.has(mention.start) || (ends.has(mention.start - 1) && this.articles.has(prepared.tokens[mention.start - 1]));
  }

  /** The task a message names: by number, by its words (only tasks of this plan), or by position. */
  private findTask(prepared: Prepared, context: UnderstandingContext, dateExpected: boolean): TaskFound {
    const tasks = context.tasks ?? [];
    const numbers = new Set<number>();
    const from = prepared.correctedFrom;
    const after = prepared.taskMentions.filter((mention) => from !== undefined && mention.start >= from);
    // A correction of the date only ("the 10th, actually the 11th") leaves the task named before it.
    const named = after.length > 0 ? after : prepared.taskMentions;
    // The task the work goes on to is not the one changed, when another is named or pointed at.
    const onward = this.goneOnTo(prepared);
    const staying = named.filter((mention) => !onward(mention));
    const pointed = this.positions.findAll(prepared.tokens).length > 0;
    const meant = staying.length < named.length && (staying.length > 0 || pointed) ? staying : named;
    let byWords = false;
    let words = '';
    for (const mention of meant) {
      if (mention.ref.kind === 'number') {
        numbers.add(mention.ref.number);
        continue;
      }
      const ids = mention.ref.taskIds;
      const inPlan = tasks.filter((task) => ids.includes(task.id));
      if (inPlan.length === 0) continue;
      byWords = true;
      words = mention.ref.words;
      for (const task of inPlan) numbers.add(task.number);
    }
    if (numbers.size === 0) {
      const position = this.positions.findAll(prepared.tokens)[0]?.meanings[0];
      const number =
        position === 'next' ? context.nextNumber : position === undefined ? undefined : context.currentNumber;
      if (number !== undefined)
        return { kind: 'one', number, byWords: true, ...(position === 'referred' ? { guessed: true } : {}) };
      // A lone number ("mark 4 finished") names a task. In a due date numbers belong to the date unless the rest
      // still gives the whole day ("due 3 friday", "deadline for 4: thursday"; not "due 15 december"); and a number
      // that follows no word naming a task ("done with 3 of them by friday", "2 more servers by monday") may count
      // anything else: that task is a guess, offered and never changed.
      if (dateExpected) {
        const bare = this.taskBeforeDate(prepared.tokens, context.now);
        return bare ? { kind: 'one', number: bare.number, byWords: false, guessed: !bare.named } : { kind: 'none' };
      }
      const bare = prepared.tokens.filter((token) => /^\d{1,2}$/.test(token));
      if (bare.length === 1) return { kind: 'one', number: Number(bare[0]), byWords: false };
      return { kind: 'none' };
    }
    if (numbers.size > 1) return { kind: 'several', numbers: [...numbers].sort((a, b) => a - b), words };
    return { kind: 'one', number: [...numbers][0], byWords };
  }
}

/** A prepared message, with where the part it corrected to starts when it corrects itself (Understanding.corrected). */
type Prepared = PreparedText & { readonly correctedFrom?: number };

function inTask(prepared: PreparedText, at: number): boolean {
  return prepared.taskMentions.some((mention) => at >= mention.start && at < mention.end);
}

type Reading =
  | {
      readonly kind: 'complete';
      readonly proposal: Proposal;
      readonly named?: PlanTaskInfo;
      /** The task, or the day, is a guess the words allow but do not say: offered, never carried out. */
      readonly guessed?: boolean;
      /** Other readings of a guessed day ("5/12" read the other way round), offered after the proposal. */
      readonly alternatives?: readonly Proposal[];
    }
  | { readonly kind: 'ambiguous'; readonly words: string; readonly proposals: readonly Proposal[] }
  | { readonly kind: 'missing'; readonly missing: Missing; readonly taskNumber?: number };

type TaskFound =
  /**
   * `guessed`: a task the words allow but do not name (one pointed back at, "that one", which the conversation may have
   * meant otherwise; a stray number in a due date): offered, never changed.
   */
  | { kind: 'one'; number: number; byWords: boolean; guessed?: boolean }
  | { kind: 'several'; numbers: number[]; words: string }
  | { kind: 'none' };

/** Month names, which a typo becomes only beside a day's number (textPrep). */
const MONTHS: ReadonlySet<string> = new Set(MONTH_NAMES.map((name) => name.toLowerCase()));

/** Readings of a message that goes on to a task which stand as they are: starting it, an owner or a due date for it. */
const ONWARD_READINGS_KEPT: ReadonlySet<IntentName> = new Set<IntentName>(['taskStart', 'assign', 'unassign', 'due']);

/** Fewest words a message's last clause needs to be read alone, and the fewest its opening must have before it. */
const MIN_CLAUSE_WORDS = 4;

/**
 * The last sentence or clause of a message (after its last comma, full stop, semicolon, "!" or "?" followed by a space),
 * when both it and what comes before it have a few words; otherwise undefined.
 */
function lastClause(text: string): string | undefined {
  const bounded = text.slice(0, MAX_UNDERSTOOD_CHARS);
  let cut = -1;
  for (let i = 0; i < bounded.length - 1; i += 1)
    if (',.;!?'.includes(bounded[i]) && bounded[i + 1] === ' ') cut = i + 1;
  if (cut < 0) return undefined;
  const words = (part: string) => part.split(' ').filter((word) => word !== '').length;
  const last = bounded.slice(cut).trim();
  return words(last) >= MIN_CLAUSE_WORDS && words(bounded.slice(0, cut)) >= MIN_CLAUSE_WORDS ? last : undefined;
}

function looksLikeQuestion(text: string, tokens: readonly string[]): boolean {
  // "do not…" (a spelled-out "don't") opens an order, not a question.
  return text.trimEnd().endsWith('?') || (tokens.length > 2 && QUESTION_OPENERS.has(tokens[0]) && tokens[1] !== 'not');
}

/** Verbs that open a yes/no question, and the pronouns that stand for what the message said before. */
const YES_NO_VERBS: ReadonlySet<string> = new Set(['is', 'was', 'does', 'did', 'will', 'would']);
const REFERRING_PRONOUNS: ReadonlySet<string> = new Set(['it', 'that']);
const WH_WORDS: ReadonlySet<string> = new Set(['what', 'who', 'when', 'where', 'why', 'how', 'which']);
/** What ends a clause: a comma, a full stop, "!", ";", ":" or a dash between spaces. One character class or a fixed
 * run: linear on any text. */
const CLAUSE_MARK = /[,.!;:]| [-\u2013\u2014]+ /;
/** How many words a greeting or thanks before a request may have ("thanks a lot mate,"). */
const MAX_OPENER_WORDS = 4;
/** Question words, also with "is" run on ("what's next"): a message with one asks something. */
const ASKING_WORDS: ReadonlySet<string> = new Set([
  ...WH_WORDS,
  "what's",
  'whats',
  "how's",
  'hows',
  "where's",
  "who's",
]);

/**
 * Whether the message asks whether "it" or "that" is so ("is that a sync problem", "does it need its own box"). Not
 * after a question word ("what commands does it understand", "who did it", "what answers was that decision based
 * on": those ask for something the bot shows), nor for a capability ("is it possible to download the plan": a polite
 * request), nor where "that" points at a task ("is that install done").
 */
function asksAboutIt(masked: readonly string[]): boolean {
  const questionWord = masked.findIndex((word) => WH_WORDS.has(word));
  return masked.some(
    (word, i) =>
      YES_NO_VERBS.has(word) &&
      REFERRING_PRONOUNS.has(masked[i + 1]) &&
      (questionWord === -1 || questionWord > i) &&
      masked[i + 2] !== undefined &&
      masked[i + 2] !== TASK_TOKEN &&
      masked[i + 2] !== 'possible',
  );
}

/**
 * Question words that open a request when they ask someone to do something ("can you skip step 1?", "could you assign
 * the prereqs to me?"); every other question word asks about the change ("should we…?", "what happens if…?").
 */
const REQUEST_OPENERS: ReadonlySet<string> = new Set(['can', 'could', 'will', 'may']);

/** Whether a question about a task change asks about it rather than for it: opened by a question word not a request's. */
function weighsAChange(tokens: readonly string[]): boolean {
  const first = tokens[0] ?? '';
  return QUESTION_OPENERS.has(first) && !REQUEST_OPENERS.has(first);
}

/** Commands whose negation means "leave it as it is": no command to offer at all. */
const REFUSED_WHEN_NEGATED: ReadonlySet<IntentName> = new Set<IntentName>([
  'taskDone',
  'taskStart',
  'assign',
  'startOver',
  'share',
  'restore',
]);
/** Commands that change something. */
const CHANGES_STATE: ReadonlySet<IntentName> = new Set<IntentName>([
  ...TASK_INTENTS,
  'startOver',
  'share',
  'start',
  'restore',
]);

/**
 * Settings that change what the bot posts (reminders, the tenant watch). Unlike CHANGES_STATE, a negative order does
 * not refuse them ("don't remind us" turns reminders off). Words the model never learnt make turning one on an offer
 * ("<script>alert(1)</script>" is no request to watch the tenant); turning one off only makes the bot quieter.
 */
const SETTINGS: ReadonlySet<IntentName> = new Set<IntentName>(['remind', 'watch']);

/** Whether a setting's reading only shows it ("how are reminders set up"), changing nothing. */
function showsSetting(reading: Reading): boolean {
  if (reading.kind !== 'complete') return false;
  const { proposal } = reading;
  return (
    (proposal.intent === 'remind' && proposal.cadence === 'show') ||
    (proposal.intent === 'watch' && proposal.setting === 'show')
  );
}

function turnsOff(reading: Reading): boolean {
  if (reading.kind !== 'complete') return false;
  const { proposal } = reading;
  return (
    (proposal.intent === 'remind' && proposal.cadence === 'off') ||
    (proposal.intent === 'watch' && proposal.setting === 'off')
  );
}

/** Both ways a setting can be, named together as alternatives ("on or off"). */
const ONE_OR_OTHER: ReadonlySet<string> = new Set(['on', 'off']);

/** "is the watch on or off?", "are reminders off or on": naming both, the message asks which. */
function asksWhich(tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) => token === 'or' && ONE_OR_OTHER.has(tokens[i - 1] ?? '') && ONE_OR_OTHER.has(tokens[i + 1] ?? ''),
  );
}

/** How many words a question naming a setting alone has at most ("sync watch on?"). */
const TERSE_QUESTION_WORDS = 3;

/** How chat writes "goes to" between a task and its owner. */
const ARROWS = ['->', '→', '=>', '➡'];

/** How many words may stand between a verb and its particle ("switch the daily reminders on"). */
const SPLIT_OBJECT_WORDS = 3;

/** Whether `verb` is followed by `particle` a few words on, around an object. */
function splitAround(tokens: readonly string[], verb: string, particle: string): boolean {
  return tokens.some(
    (token, i) => token === verb && tokens.slice(i + 2, i + 2 + SPLIT_OBJECT_WORDS).includes(particle),
  );
}

/** What a message asks besides its command: to undo something ("by mistake", "reopen"), to turn a setting on. */
interface Asks {
  readonly undo: boolean;
  /** Words that turn a setting on ("switch on", "enable") or a reminder cadence ("daily"). */
  readonly turnOn: boolean;
  /** A negated word that turns a setting off ("don't switch anything off"): keep it as it is. */
  readonly keep: boolean;
}

/** How many words before a word that turns a setting off a negation still negates it ("not switch anything off"). */
const NEGATED_WITHIN = 2;
/** How many words before an order to turn a setting on a negation still refuses it ("we don't need to turn on"). */
const NEGATED_ORDER_WITHIN = 4;

/**
 * Whether a negation turns the intent into "do nothing": "don't skip task 5", "task 3 isn't finished yet", "we
 * haven't started the agent install". "don't remind us" is not refused: it is how reminders are turned off.
 */
function refuses(intent: IntentName, negation: Negation, asks: Asks): boolean {
  if (SETTINGS.has(intent) && asks.keep) return true;
  switch (negation) {
    // A negative order asks for nothing, whatever command it names ("don't obliterate the plan" had offered the
    // status, the only reading left once start over was refused). Settings are the exception, as turning one off is
    // what it asks, and so are questions ("don't we need a gMSA?").
    // A negative order to turn one on ("don't switch on reminders", "do not enable the daily reminders") leaves it as it
    // is, whatever else the message says ("people will mute the channel" had read as turning reminders off).
    case 'imperative':
      return SETTINGS.has(intent) ? asks.turnOn || asks.keep : intent !== 'question';
    // "isn't done yet, reopen it" asks for a reopen (offered, not acted on); "task 3 isn't done yet" only describes the
    // task, which is no reason to reopen it.
    case 'pending':
      return TASK_INTENTS.has(intent) && (intent !== 'taskReopen' || !asks.undo);
    case 'statement':
      return REFUSED_WHEN_NEGATED.has(intent) || (intent === 'taskReopen' && !asks.undo);
  }
}

/** The command a reading acts on, offers first or asks about; 'question' for the guide's answers, none for help. */
export function intentRead(reading: Interpretation): IntentName | undefined {
  switch (reading.kind) {
    case 'act':
      return reading.proposal.intent;
    case 'choose':
    case 'whichTask':
      return reading.proposals[0]?.intent;
    case 'clarify':
      return reading.intent;
    case 'answer':
    case 'noAnswer':
      return 'question';
    case 'help':
      return undefined;
  }
}

/** `lead`, then the other proposals without its command, as many as a reply offers. */
function firstThen(lead: Proposal, others: readonly Proposal[]): Proposal[] {
  return [lead, ...others.filter((proposal) => proposal.intent !== lead.intent)].slice(0, MAX_CHOICES);
}

function closestIntents(candidates: ReadonlyArray<{ intent: IntentName }>): IntentName[] {
  return candidates
    .filter((entry) => entry.intent !== 'question')
    .slice(0, MAX_CHOICES)
    .map((entry) => entry.intent);
}

let shared: Understanding | undefined;

/** One model per process: training costs a few hundred milliseconds, and every conversation can share it. */
export function sharedUnderstanding(): Understanding {
  shared ??= new Understanding(loadCorpus('en'));
  return shared;
}
