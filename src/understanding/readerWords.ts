/**
 * The word tables the readers of a message share, built once from the corpus (nlu/<locale>.json): every word a rule
 * looks for comes from here, so another language is data, not code.
 */
import { STATED_TASK_CHANGES, type Corpus, type Cadence, type IntentName } from './corpus';
import { holidayTable, type Holidays } from './dueDates';
import { eachTaskWords, type EachTaskWords } from './eachTask';
import type { NegationWords } from './negation';
import { taskWordsOf } from './taskWords';
import type { PhraseTable } from '../domain/sentenceTokens';
import { phraseTable, taskOrdinalTable, tokenize, type TaskOrdinals } from './textPrep';

export interface ReaderWords {
  readonly taskNames: PhraseTable<string>;
  readonly positions: PhraseTable<'next' | 'current' | 'referred'>;
  readonly firstPerson: ReadonlySet<string>;
  readonly doers: ReadonlySet<string>;
  readonly secondPerson: ReadonlySet<string>;
  readonly cadences: PhraseTable<Cadence>;
  readonly clearDate: PhraseTable<true>;
  readonly clearVerbs: ReadonlySet<string>;
  readonly dateNouns: ReadonlySet<string>;
  readonly spanEnds: ReadonlySet<string>;
  readonly dueTaskMarkers: ReadonlySet<string>;
  /** Words an admin tier is written before ("t1 admins"): "t1" there is the tier, no task (textPrep). */
  readonly tierNouns: ReadonlySet<string>;
  /** A task by its place in the list ("the third step", "the 3rd task"; textPrep). */
  readonly taskOrdinals: TaskOrdinals;
  /** Words that put a message in the past tense, and word endings that do (corpus pastDays). */
  readonly pastWords: ReadonlySet<string>;
  readonly pastEndings: readonly string[];
  /** Words with a past form's ending that are none ("proceed", "hundred"). */
  readonly notPast: ReadonlySet<string>;
  /** Words that make a day one to meet, even in a message about the past ("it was due by friday"). */
  readonly deadlineWords: ReadonlySet<string>;
  /** Words that praise someone for work ("great job on task 4"): no request for an owner. */
  readonly praise: PhraseTable<true>;
  /** Words that make what follows them a request ("please"). */
  readonly requestWords: ReadonlySet<string>;
  /** A part of a month or week said without its day ("early january"; corpus vagueDays). */
  readonly vagueParts: PhraseTable<true>;
  readonly vagueBetween: ReadonlySet<string>;
  readonly vaguePeriods: ReadonlySet<string>;
  /** Words right before a day that make it the one a task was moved to ("pushed to friday"), not when it happened. */
  readonly movedTo: ReadonlySet<string>;
  /** Words before a lone number that make it a time, a count or a measure, no task (corpus countedNumbers.before). */
  readonly countingBefore: ReadonlySet<string>;
  /** Words ending like a plural that count nothing after a number ("4 thanks"). */
  readonly notCounted: ReadonlySet<string>;
  readonly watchOff: PhraseTable<true>;
  readonly watchShow: ReadonlySet<string>;
  /**
   * Words that open the object of a verb ("the", "your") and the nouns of the bot's own settings: "turn off your
   * camera" turns off something the bot does not have.
   */
  readonly objectOpeners: ReadonlySet<string>;
  readonly settingNouns: ReadonlySet<string>;
  /** Phrases whose "off" or "stop" belongs to another verb ("signs off"): masked before a setting is read. */
  readonly otherVerbs: PhraseTable<true>;
  readonly holidays: Holidays;
  readonly changeVerbs: PhraseTable<true>;
  readonly negation: NegationWords;
  readonly undoWords: PhraseTable<true>;
  readonly turnOnWords: PhraseTable<true>;
  /** Words that change a setting and, negated, ask to keep it; words that ask to leave it as it is. */
  readonly changeWords: PhraseTable<true>;
  readonly asIs: PhraseTable<true>;
  /** The two-word ones ("switch on"), also said around their object ("switch the reminders on"). */
  readonly splitTurnOn: ReadonlyArray<readonly [string, string]>;
  /** The same for turning one off ("switch the reminders off"). */
  readonly splitTurnOff: ReadonlyArray<readonly [string, string]>;
  readonly conditionals: ReadonlySet<string>;
  readonly hedges: ReadonlySet<string>;
  readonly pastIntentions: PhraseTable<true>;
  readonly laterTalk: PhraseTable<true>;
  /** People other than the writer and the bot (corpus othersWho). */
  readonly othersWho: ReadonlySet<string>;
  /** Words that put a verb in the future (corpus futureWords). */
  readonly futureWords: PhraseTable<true>;
  /** Words that put something at a time to come (corpus laterTimes). */
  readonly laterTimes: ReadonlySet<string>;
  /** Words that present a command as something to type (corpus sayFrames). */
  readonly sayFrames: PhraseTable<true>;
  /** Words that undo what they name (corpus reversals). */
  readonly reversals: PhraseTable<true>;
  /** Words that ask who made a change the message tells of (corpus whoDidIt). */
  readonly whoDidIt: PhraseTable<true>;
  /** Words that ask how to use the bot itself (corpus usageAsks). */
  readonly usageAsks: PhraseTable<true>;
  /** Verbs that present what follows as something to type when they open the message (corpus sayOpeners). */
  readonly sayOpeners: ReadonlySet<string>;
  readonly eachTask: EachTaskWords;
  readonly indirectQuestions: ReadonlySet<string>;
  readonly ownerMarkers: ReadonlySet<string>;
  readonly ownerMe: ReadonlySet<string>;
  readonly takers: ReadonlySet<string>;
  /** Words for no one as a task's owner ("to nobody", "none"). */
  readonly nobody: PhraseTable<true>;
  readonly doneTaskWords: Readonly<Record<string, string>>;
  readonly onwardWords: PhraseTable<true>;
  readonly openers: ReadonlySet<string>;
  /** A task change's plain verb ("skip", "skipping") → that change. */
  readonly taskVerbs: ReadonlyMap<string, IntentName>;
  /** What stands between a task and the state it is moved to ("to", "as"), and the states, each with its change. */
  readonly stateMarkers: ReadonlySet<string>;
  readonly taskStates: PhraseTable<IntentName>;
  readonly articles: ReadonlySet<string>;
  readonly corrections: PhraseTable<true>;
  readonly politeFrames: PhraseTable<true>;
  readonly corpusIntents: Corpus['intents'];
  /** Opening words of a question; with a question mark they send a message to the guide's search first. */
  readonly questionOpeners: ReadonlySet<string>;
  /** What ends a statement as a question ("…, right", "… or not"), each as its words (corpus questionWords.tags). */
  readonly questionTags: ReadonlyArray<readonly string[]>;
  /** Words that suggest rather than ask (corpus suggestions). */
  readonly suggestions: PhraseTable<true>;
  /** Words that find a setting too much (corpus excess). */
  readonly excess: PhraseTable<true>;
  /** Words that refuse, at a message's end, what it said before (corpus closingRefusals), as typed. */
  readonly closingRefusals: ReadonlyArray<readonly string[]>;
  /** A setting's word in another sense (corpus otherSenses). */
  readonly otherSenses: PhraseTable<true>;
  /** Verbs that ask a person to do a task rather than own it (corpus workVerbs). */
  readonly workVerbs: ReadonlySet<string>;
  /** Words that tell of another workplace (corpus otherWorkplaces). */
  readonly otherWorkplaces: PhraseTable<true>;
  /** Words that open a reply with a yes ("yes, mark it done"). */
  readonly answeredYes: ReadonlySet<string>;
  /** Words that open a "no" the writer gives their own question ("…? no"). */
  readonly answeredNo: ReadonlySet<string>;
  /** Verbs that open a yes/no question, and the pronouns that stand for what the message said before. */
  readonly yesNoVerbs: ReadonlySet<string>;
  readonly referringPronouns: ReadonlySet<string>;
  readonly whWords: ReadonlySet<string>;
  /** Question words, also with "is" run on ("what's next"): a message with one asks something. */
  readonly askingWords: ReadonlySet<string>;
  /**
   * Question words that open a request when they ask someone to do something ("can you skip step 1?", "could you assign
   * the prereqs to me?"); every other question word asks about the change ("should we…?", "what happens if…?").
   */
  readonly requestOpeners: ReadonlySet<string>;
  /** Both ways a setting can be, named together as alternatives ("on or off"). */
  readonly oneOrOther: ReadonlySet<string>;
  /** How chat writes "goes to" between a task and its owner. */
  readonly arrows: readonly string[];
}

export function readerWords(corpus: Corpus): ReaderWords {
  return {
    taskNames: phraseTable(
      Object.entries(taskWordsOf(corpus)).flatMap(([id, names]) => names.map((name) => [name, id] as const)),
    ),
    positions: phraseTable(
      (['next', 'current', 'referred'] as const).flatMap((key) =>
        corpus.positions[key].map((phrase) => [phrase, key] as const),
      ),
    ),
    firstPerson: new Set(corpus.firstPerson),
    doers: new Set(corpus.doers),
    secondPerson: new Set(corpus.secondPerson),
    cadences: phraseTable(
      (['daily', 'weekly', 'off'] as const).flatMap((key) =>
        corpus.cadences[key].map((phrase) => [phrase, key] as const),
      ),
    ),
    clearDate: phraseTable(corpus.clearDate.map((phrase) => [phrase, true] as const)),
    clearVerbs: new Set(corpus.clearDateWords.verbs),
    dateNouns: new Set(corpus.clearDateWords.nouns),
    spanEnds: new Set(corpus.clearDateWords.spanEnds),
    dueTaskMarkers: new Set(corpus.dueTaskMarkers),
    tierNouns: new Set(corpus.tierNouns),
    taskOrdinals: taskOrdinalTable(corpus.taskOrdinals),
    pastWords: new Set(corpus.pastDays.pastWords),
    pastEndings: corpus.pastDays.pastEndings,
    notPast: new Set(corpus.pastDays.notPast),
    deadlineWords: new Set(corpus.pastDays.deadlines),
    praise: phraseTable(corpus.praise.map((phrase) => [phrase, true] as const)),
    requestWords: new Set(corpus.requestWords),
    vagueParts: phraseTable(corpus.vagueDays.parts.map((phrase) => [phrase, true] as const)),
    vagueBetween: new Set(corpus.vagueDays.between),
    vaguePeriods: new Set(corpus.vagueDays.periods),
    movedTo: new Set(corpus.pastDays.movedTo),
    countingBefore: new Set(corpus.countedNumbers.before),
    notCounted: new Set(corpus.countedNumbers.notCounted),
    watchOff: phraseTable(corpus.watchSettings.off.map((phrase) => [phrase, true] as const)),
    watchShow: new Set(corpus.watchSettings.show),
    objectOpeners: new Set(corpus.watchSettings.objectOpeners),
    settingNouns: new Set(corpus.watchSettings.ownNouns),
    holidays: holidayTable(corpus.holidays, corpus.holidayCountedFrom),
    otherVerbs: phraseTable(corpus.watchSettings.otherVerbs.map((phrase) => [phrase, true] as const)),
    changeVerbs: phraseTable(corpus.watchSettings.changeVerbs.map((phrase) => [phrase, true] as const)),
    negation: corpus.negation,
    undoWords: phraseTable(corpus.negation.undo.map((phrase) => [phrase, true] as const)),
    turnOnWords: phraseTable(corpus.negation.turnOn.map((phrase) => [phrase, true] as const)),
    changeWords: phraseTable(corpus.negation.changes.map((phrase) => [phrase, true] as const)),
    asIs: phraseTable(corpus.negation.asIs.map((phrase) => [phrase, true] as const)),
    splitTurnOn: corpus.negation.turnOn
      .map((phrase) => phrase.split(' '))
      .filter((words): words is [string, string] => words.length === 2),
    splitTurnOff: [...corpus.cadences.off, ...corpus.watchSettings.off]
      .map((phrase) => phrase.split(' '))
      .filter((words): words is [string, string] => words.length === 2 && words[1] === 'off'),
    conditionals: new Set(corpus.conditionals),
    hedges: new Set(corpus.hedges),
    pastIntentions: phraseTable(corpus.pastIntentions.map((phrase) => [phrase, true] as const)),
    laterTalk: phraseTable(corpus.laterTalk.map((phrase) => [phrase, true] as const)),
    othersWho: new Set(corpus.othersWho),
    futureWords: phraseTable(corpus.futureWords.map((phrase) => [phrase, true] as const)),
    laterTimes: new Set(corpus.laterTimes),
    sayFrames: phraseTable(corpus.sayFrames.map((phrase) => [phrase, true] as const)),
    usageAsks: phraseTable(corpus.usageAsks.map((phrase) => [phrase, true] as const)),
    whoDidIt: phraseTable(corpus.whoDidIt.map((phrase) => [phrase, true] as const)),
    reversals: phraseTable(corpus.reversals.map((phrase) => [phrase, true] as const)),
    sayOpeners: new Set(corpus.sayOpeners),
    eachTask: eachTaskWords(corpus.eachTask),
    indirectQuestions: new Set(corpus.indirectQuestions),
    ownerMarkers: new Set(corpus.owners.markers),
    ownerMe: new Set(corpus.owners.me),
    takers: new Set(corpus.owners.takers),
    nobody: phraseTable(corpus.owners.nobody.map((phrase) => [phrase, true] as const)),
    doneTaskWords: corpus.doneTaskWords,
    onwardWords: phraseTable(corpus.onwardWords.map((phrase) => [phrase, true] as const)),
    openers: new Set(corpus.openers),
    taskVerbs: new Map(
      Object.entries(corpus.taskVerbs).flatMap(([intent, verbs]) =>
        verbs.map((verb) => [verb, intent as IntentName] as const),
      ),
    ),
    stateMarkers: new Set(corpus.taskStates.markers),
    taskStates: phraseTable(
      STATED_TASK_CHANGES.flatMap((intent) => corpus.taskStates[intent].map((phrase) => [phrase, intent] as const)),
    ),
    articles: new Set(corpus.functionWords),
    corrections: phraseTable(corpus.corrections.map((phrase) => [phrase, true] as const)),
    politeFrames: phraseTable(corpus.politeFrames.map((phrase) => [phrase, true] as const)),
    corpusIntents: corpus.intents,
    questionOpeners: new Set(corpus.questionWords.openers),
    questionTags: corpus.questionWords.tags.map((tag) => tokenize(tag.toLowerCase())),
    suggestions: phraseTable(corpus.suggestions.map((phrase) => [phrase, true] as const)),
    excess: phraseTable(corpus.excess.map((phrase) => [phrase, true] as const)),
    closingRefusals: corpus.closingRefusals.map((phrase) => tokenize(phrase.toLowerCase())),
    otherSenses: phraseTable(corpus.otherSenses.map((phrase) => [phrase, true] as const)),
    workVerbs: new Set(corpus.workVerbs),
    otherWorkplaces: phraseTable(corpus.otherWorkplaces.map((phrase) => [phrase, true] as const)),
    answeredYes: new Set(corpus.questionWords.answeredYes),
    answeredNo: new Set(corpus.questionWords.answeredNo),
    yesNoVerbs: new Set(corpus.questionWords.yesNo),
    referringPronouns: new Set(corpus.questionWords.referring),
    whWords: new Set(corpus.questionWords.wh),
    askingWords: new Set([...corpus.questionWords.wh, ...corpus.questionWords.whContracted]),
    requestOpeners: new Set(corpus.questionWords.requests),
    oneOrOther: new Set(corpus.settingStates),
    arrows: corpus.owners.arrows,
  };
}
