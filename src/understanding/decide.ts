/**
 * The decision for a whole message, read by one network: act, offer "did you mean…?", ask which task, answer from the
 * guide, say honestly that the guide has no answer, or show help. A change of plan is acted on only when the network is
 * confident and every part of it was read without guessing; the rules below say when a reading is only offered.
 */
import type { IntentName } from './corpus';
import { taskListFirst } from './eachTask';
import type { IntentScore } from './intentModel';
import { disbelief, negationOf, openingEnd } from './negation';
import {
  asksAColleague,
  asksAboutIt,
  asksYouTo,
  closingClause,
  doubtsIt,
  isConditional,
  looksLikeQuestion,
  refuses,
  takesBack,
  talksOfLater,
  turnsOnInHypothetical,
  weighsAChange,
} from './clauses';
import { answerQuestion, classifyInPlan, correctedReading, preparedOf, type Reader } from './reader';
import {
  ACT_SCORE,
  CHANGES_STATE,
  closestIntents,
  MAX_CHOICES,
  SETTINGS,
  showsSetting,
  SUGGEST_SCORE,
  TASK_INTENTS,
  turnsOff,
  type Interpretation,
  type Prepared,
  type Proposal,
  type Reading,
  type UnderstandingContext,
} from './readings';
import {
  asksOf,
  asksWhich,
  namesSetting,
  saysOff,
  settingAsked,
  settingTokens,
  turnsOffSomethingElse,
  turnsSomethingOff,
} from './settingReading';
import type { ReaderWords } from './readerWords';
import {
  assignmentThenDeadline,
  changeVerbedBeforeTask,
  datedTask,
  goneOnTo,
  isPastForm,
  namesPlanTask,
  ownerWithDeadline,
  read,
  stateAfterTask,
  recallsOwnDoing,
  toldOfADay,
} from './taskReading';
import { changeOfPosition, negatesItsWord, offers, outweighingCommands, politeRequest } from './weighing';
import { MAX_UNDERSTOOD_CHARS, PERSON_TOKEN, tokenize, type PreparedText } from './textPrep';

/** Readings of a message that goes on to a task which stand as they are: starting it, an owner or a due date for it. */
const ONWARD_READINGS_KEPT: ReadonlySet<IntentName> = new Set<IntentName>(['taskStart', 'assign', 'unassign', 'due']);

/** Whether the masked message has a word of letters and digits together ("t3", "2w") that the model never learnt. */
function hasUnknownCode(reader: Reader, masked: string): boolean {
  return masked.split(' ').some((word) => LETTER.test(word) && DIGIT.test(word) && !reader.model.vocabulary.has(word));
}

const LETTER = /[a-z]/;
const DIGIT = /\d/;

/**
 * Whether a message read as `intent`, a command that changes nothing, only tells of the past: a word of the past tense
 * ("was", "had"; not a form in "-ed", which is as often a state: "finished or still open"), no task of the plan named,
 * no question word, and no request ("please", "can you").
 */
export function onlyTellsOfThePast(
  reader: Reader,
  prepared: Prepared,
  context: UnderstandingContext,
  intent: IntentName,
): boolean {
  return (
    !CHANGES_STATE.has(intent) &&
    !SETTINGS.has(intent) &&
    !namesPlanTask(prepared, context) &&
    !prepared.tokens.some((token) => reader.words.askingWords.has(token) || reader.words.requestWords.has(token)) &&
    !asksYouTo(reader.words, prepared.tokens) &&
    prepared.tokens.some((token) => reader.words.pastWords.has(token))
  );
}

/** Moves the proposal at `at` to the front, keeping the others' order; nothing when `at` is not past the first. */
function toFront(proposals: Proposal[], at: number): void {
  if (at > 0) proposals.unshift(...proposals.splice(at, 1));
}

/** How a message puts the change it reads: the words around it rather than the change itself. */
interface Framing {
  /** Shaped as a question: a question mark, a question word first, a tag, or the writer's own "no". */
  readonly asked: boolean;
  /** Ended with a tag or answered no by its writer (doubtsIt). */
  readonly doubted: boolean;
  readonly negated: boolean;
  /** Words of disbelief deny it ("enable the watch, yeah right"). */
  readonly denied: boolean;
  readonly conditional: boolean;
  /** A later clause opens with a correction, taking back what came before ("…, no wait keep it on"). */
  readonly takenBack: boolean;
  /** A setting turned on inside a hypothetical ("if we turn on daily reminders then what"). */
  readonly hypothetical: boolean;
  /** The writer tells what they did ("we started over last week"; recallsOwnDoing). */
  readonly recalled: boolean;
  /** Opened by a question word that weighs rather than requests ("should we start over"; weighsAChange). */
  readonly weighed: boolean;
  /** Suggests it, or finds it too much ("you could turn on the watch", "weekly reminders would be too much"). */
  readonly opined: boolean;
}

/**
 * Whether the way a message puts a change makes it no plain order, to offer rather than carry out. A task change is
 * one in any question, negation or hypothetical. A change of the whole plan (starting the questions, sharing, starting
 * over, restoring) is one when a tag or the writer's own "no" doubts it ("share the plan? no", "start over or not"),
 * or beside a negation ("we won't start the questions") or a hypothetical; a request put as a question still asks for
 * it ("can we start over please", "start over?"), where one that weighs it does not ("should we start over"). A setting turned on or off is one when doubted so or beside
 * disbelief ("turn on the tenant watch? no", "enable the watch, yeah right"). Either is one when a later clause takes
 * it back ("turn the reminders off, wait no, leave them"), and a setting beside an opinion or a suggestion. For a setting, a negation is how one is turned off ("don't
 * remind us"), or refuses it where it stands before the order (Asks.keepOff), and a condition says what the watch is
 * to watch for ("alert us if sync stops").
 */
function guardedChange(intent: IntentName, reading: Reading, framing: Framing): boolean {
  if (TASK_INTENTS.has(intent)) return framing.asked || framing.negated || framing.conditional;
  if (CHANGES_STATE.has(intent))
    return (
      framing.doubted ||
      framing.negated ||
      framing.conditional ||
      framing.takenBack ||
      framing.recalled ||
      (framing.asked && framing.weighed)
    );
  if (SETTINGS.has(intent) && !showsSetting(reading))
    return framing.doubted || framing.denied || framing.takenBack || framing.hypothetical || framing.opined;
  return false;
}

/**
 * Whether the task change read would undo where a task stands: starting or skipping a task that is done, or starting
 * one that was skipped ("kindly start the assessment for choosing the tool" names the first task, done long ago, where
 * the questionnaire was meant). Someone may mean it, so it is offered, never carried out on words alone.
 */
function undoesAFinish(intent: IntentName, reading: Reading, context: UnderstandingContext): boolean {
  if (reading.kind !== 'complete' || !('taskNumber' in reading.proposal)) return false;
  const { taskNumber } = reading.proposal;
  const status = context.tasks?.find((task) => task.number === taskNumber)?.status;
  return (
    (intent === 'taskStart' && (status === 'done' || status === 'skipped')) ||
    (intent === 'taskSkip' && status === 'done')
  );
}

/**
 * Whether a report of a day backs finishing its task at least as much as the task change `intent` read ("back on the
 * 3rd we did task 3" read as a reopen on "back"): telling when a task was done is the common report.
 */
function finishingBacked(reader: Reader, masked: string, intent: IntentName): boolean {
  if (!TASK_INTENTS.has(intent) || intent === 'taskDone' || intent === 'due') return false;
  const learnt = reader.model.learntWordCounts(masked);
  const done = learnt.get('taskDone') ?? 0;
  return done > 0 && done >= (learnt.get(intent) ?? 0);
}

/** The readings of a report of a day, finishing its task first where the words back it (finishingBacked). */
function finishedFirst(
  reader: Reader,
  prepared: PreparedText,
  context: UnderstandingContext,
  readings: readonly Proposal[],
): readonly Proposal[] {
  if (!finishingBacked(reader, prepared.masked, readings[0].intent)) return readings;
  const done = read(reader.words, 'taskDone', prepared, context);
  return done.kind === 'complete'
    ? [done.proposal, ...readings.filter((proposal) => proposal.intent !== 'taskDone')]
    : readings;
}

/**
 * Whether the words that read as the change `intent` are said of something else, so that it is offered at most: a task
 * change read where the message turns something off ("switch off the agent server" is no finished install), a setting
 * turned off from a message that names a task and none of the settings ("stop task 3"), a setting turned on where the
 * message tells of one that is off ("the daily standup reminder is off today"), a setting's word in another sense
 * ("stop reminding me of that joke"), an assignment read from asking someone to do some work on a task ("@Priya
 * can you check the verification": the request is to the person). A change asked of a colleague never gets here: it is
 * theirs to make, and interpretWhole shows the help card for it before.
 */
function saidOfSomethingElse(
  words: ReaderWords,
  prepared: PreparedText,
  typed: readonly string[],
  context: UnderstandingContext,
  intent: IntentName,
  reading: Reading,
): boolean {
  const tokens = settingTokens(words, prepared.tokens);
  if (TASK_INTENTS.has(intent) && turnsSomethingOff(words, tokens)) return true;
  if (intent === 'assign' && asksForWork(words, prepared.tokens)) return true;
  if (!SETTINGS.has(intent) || showsSetting(reading)) return false;
  // As typed too: respelling folds some of them ("reminds me of" → "is like") so that the model never reads the setting
  // in them, and the rest of the message can still read as one ("that reminds me of the DirSync days, stop").
  if (words.otherSenses.findAll(prepared.tokens).length > 0 || words.otherSenses.findAll(typed).length > 0) return true;
  return turnsOff(reading)
    ? namesPlanTask(prepared, context) && !namesSetting(words, prepared.tokens)
    : saysOff(words, tokens);
}

/**
 * Whether the message asks who made a change to a task it names ("who reopened t4??", "wait, who skipped task 2?"):
 * "who" first, openers aside, then a verb in the past. Or who made a change it tells of ("someone reopened something
 * yesterday, who was it?"): a verb in the past, then words of whoDidIt. The history tells, the task's where the message
 * names one, so that is what it asks for, however much the verb reads as the change itself (the first had reopened the
 * task).
 */
function asksWhoChanged(words: ReaderWords, prepared: PreparedText): boolean {
  const { tokens } = prepared;
  const start = openingEnd(tokens, words.negation);
  if (tokens[start] === 'who' && isPastForm(words, tokens[start + 1] ?? '') && prepared.taskMentions.length > 0)
    return true;
  const asked = words.whoDidIt.findAll(tokens)[0]?.start;
  return asked !== undefined && tokens.slice(0, asked).some((token) => isPastForm(words, token));
}

/**
 * A command offered or read from a request addressed to a colleague ("@Ines can you reopen task 3", "@Thabo can you
 * check the proxy logs"): theirs to do, so the help card with those commands first, unless it names them the owner
 * ("@Omar can you own the verification"). interpretWhole already shows the help card where it reads the request; this
 * catches the paths that offer a command after it (a question the guide cannot answer, a polite request), so that
 * whatever path offered it, the channel sees no button.
 */
export function leftToTheColleague(reader: Reader, text: string, reading: Interpretation): Interpretation {
  const offered = reading.kind === 'act' ? [reading.proposal] : reading.kind === 'choose' ? reading.proposals : [];
  const first = offered[0];
  if (first === undefined || (first.intent === 'assign' && first.to === 'mentioned')) return reading;
  if (!asksAColleague(reader.words, preparedOf(reader, text).tokens)) return reading;
  return { kind: 'help', closest: [...new Set(offered.map((proposal) => proposal.intent))] };
}

/**
 * Among offers of commands that change nothing, the one the message calls by its own name leads ("produce the project
 * report for the steering group" offered the status first, on "project"): a person who names the report wants the
 * report. Only where the first offer's own name is not said too ("the status report" stays as read).
 */
export function namedCommandFirst(text: string, reading: Interpretation): Interpretation {
  if (reading.kind !== 'choose' || reading.proposals.length < 2) return reading;
  // As typed: a slip read as the name ("progess reprot", "repost the recommendation") is no name said.
  const tokens = tokenize(text.slice(0, MAX_UNDERSTOOD_CHARS).toLowerCase());
  const says = (intent: IntentName) => {
    const name = COMMAND_NAMES.get(intent);
    return name !== undefined && tokens.some((token) => token === name || token === `${name}s`);
  };
  const [first, ...rest] = reading.proposals;
  if (CHANGES_STATE.has(first.intent) || says(first.intent)) return reading;
  const named = rest.find((proposal) => !CHANGES_STATE.has(proposal.intent) && says(proposal.intent));
  return named === undefined
    ? reading
    : { kind: 'choose', proposals: [named, ...reading.proposals.filter((proposal) => proposal !== named)] };
}

/** The read-only commands whose name is a word people use for what they ask ("the report", "the history"). */
const COMMAND_NAMES: ReadonlyMap<IntentName, string> = new Map<IntentName, string>([
  ['report', 'report'],
  ['history', 'history'],
]);

/** Whether the reading gives a task to the person picked with @. */
function givesToTheMentioned(reading: Reading): boolean {
  return reading.kind === 'complete' && reading.proposal.intent === 'assign' && reading.proposal.to === 'mentioned';
}

/**
 * Whether a question weighs whether its writer or others should make the change ("should we start over", "do I
 * restart the questions", "does everyone share the plan"): a question word that requests nothing, then who would do
 * it. "do a fresh start" opens an order with the same word.
 */
function weighsItsDoing(words: ReaderWords, tokens: readonly string[]): boolean {
  const doer = tokens[1] ?? '';
  return weighsAChange(words, tokens) && (words.doers.has(doer) || words.firstPerson.has(doer));
}

/** Whether the message asks "you" to do some work ("can you check…", "could you look at…") rather than to own it. */
function asksForWork(words: ReaderWords, tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) =>
      words.requestOpeners.has(token) &&
      words.secondPerson.has(tokens[i + 1] ?? '') &&
      words.workVerbs.has(tokens[i + 2] ?? ''),
  );
}

export function interpretWhole(reader: Reader, text: string, context: UnderstandingContext): Interpretation {
  const classified = classifyInPlan(reader, text, context);
  const corrected = correctedReading(reader, classified, context.now);
  const prepared = corrected.prepared;
  // Asked for each task with an attribute, the task list comes first unless the message asks a question of the guide,
  // a change to a setting, or a change it can be about: one of the whole plan, or one of a task it names.
  const ranked = taskListFirst(
    corrected.ranked,
    prepared.tokens,
    reader.words.eachTask,
    reader.model.learntWordCounts(prepared.masked, true),
    (intent) =>
      intent !== 'question' &&
      (intent === 'None' ||
        (SETTINGS.has(intent)
          ? showsSetting(read(reader.words, intent, prepared, context))
          : TASK_INTENTS.has(intent)
            ? !namesPlanTask(prepared, context)
            : !CHANGES_STATE.has(intent))),
    (ACT_SCORE + SUGGEST_SCORE) / 2,
  );
  const top = ranked[0];
  const candidates = ranked.filter((entry): entry is IntentScore & { intent: IntentName } => entry.intent !== 'None');
  const questionShaped = looksLikeQuestion(reader.words, text, prepared.tokens);
  // The words as typed, before respelling folds some ("yeah" → "yes", "command" → "commands"), within the same bound
  // as every other reading of the message.
  const typed = tokenize(text.slice(0, MAX_UNDERSTOOD_CHARS).toLowerCase());
  const denied = disbelief(typed, reader.words.negation);
  const negation =
    negationOf(prepared.tokens, reader.words.negation, (at) =>
      prepared.taskMentions.some((mention) => mention.start === at),
    ) ?? denied;
  const asks = asksOf(reader.words, prepared.tokens);
  if (asksWhoChanged(reader.words, prepared)) {
    const history = read(reader.words, 'history', prepared, context);
    if (history.kind === 'complete') return { kind: 'act', proposal: history.proposal, score: top.score };
  }
  // Asked to leave a setting as it is ("nobody should touch the watch setting until the SOC signs off"), the message
  // changes no setting, whatever word of it reads as turning one off; it may still be shown. Nor does it change a task
  // ("forget I said skip, leave it as it is", "nobody should touch the config task").
  if (
    asks.keep &&
    top.intent !== 'None' &&
    (TASK_INTENTS.has(top.intent) ||
      (SETTINGS.has(top.intent) && !showsSetting(read(reader.words, top.intent, prepared, context))))
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
    negatesItsWord(reader, prepared.masked, top.intent)
  )
    return { kind: 'help', closest: closestIntents(candidates) };

  // A question how to use the bot itself ("what's the syntax for assigning a task?", "how do I hand a task to a colleague
  // through you?", "what date format do you want?") asks for the help card, which shows how each command is written;
  // the command its words name is not what it asks for, nor is the guide. Not when it names one of the plan's tasks:
  // then it may ask for that task's change.
  if (
    questionShaped &&
    typed.slice(0, 2).some((token) => reader.words.questionOpeners.has(token)) &&
    reader.words.usageAsks.findAll(typed).length > 0 &&
    !namesPlanTask(prepared, context)
  )
    return { kind: 'act', proposal: { intent: 'help' }, score: top.score };

  // A yes/no question about something the message describes ("…nothing is syncing, is that expected?", "is it normal
  // for the agent to show as inactive?") asks for a judgement the guide may give, however strongly its other words
  // speak for a command ("show… after" for next): it is answered or said to be uncovered, never acted on. Not when it
  // names both ways a setting can be ("sync monitoring, is it switched on or off now?"): it asks how one is set.
  if (
    asksAboutIt(reader.words, prepared.masked.split(' ')) &&
    !asksWhich(reader.words, settingTokens(reader.words, prepared.tokens))
  ) {
    const answer = answerQuestion(reader, text, context);
    return answer.kind === 'answer' ? answer : { kind: 'noAnswer' };
  }
  // A request to "you" for a command the model reads, if unsure ("could you share the plan", at 0.68), is no question
  // for the guide: the command is weighed as any other.
  const requested =
    top.intent !== 'question' &&
    top.intent !== 'None' &&
    top.score >= SUGGEST_SCORE &&
    asksYouTo(reader.words, prepared.tokens);
  if (
    (top.intent === 'question' && top.score >= SUGGEST_SCORE) ||
    (questionShaped && top.score < ACT_SCORE && !requested) ||
    (questionShaped && top.intent === 'None')
  ) {
    // A question that opens by addressing someone and asks "you" ("@Meera are you free at 3?", "@Ravi did you get my
    // mail about the server?") is for that person, not for the guide.
    if (
      prepared.tokens[0] === PERSON_TOKEN &&
      prepared.tokens.some((token) => reader.words.secondPerson.has(token)) &&
      (top.intent === 'question' || top.intent === 'None' || top.score < SUGGEST_SCORE)
    )
      return { kind: 'help', closest: closestIntents(candidates) };
    const answer = answerQuestion(reader, text, context);
    if (answer.kind === 'answer') return answer;
    // A question the guide cannot answer that asks the bot to change a task ("I clicked done on the wrong card, can you
    // reopen task 1?") is a request: the change is offered, never carried out.
    const topIntent = top.intent;
    if (
      topIntent !== 'None' &&
      TASK_INTENTS.has(topIntent) &&
      top.score >= SUGGEST_SCORE &&
      asksYouTo(reader.words, prepared.tokens)
    ) {
      // The plain verb right before the task says which change ("can you reopen task 1?" after "I clicked done").
      const asked = read(reader.words, changeVerbedBeforeTask(reader.words, prepared) ?? topIntent, prepared, context);
      if (asked.kind === 'complete') return { kind: 'choose', proposals: [asked.proposal] };
    }
    // A question the guide cannot answer is said to be one, unless it may be asking for a plain command ("how are we
    // doing?"), or it is small talk: a word only chatter has ("anyone up for lunch?", "did you catch the game?") makes
    // it no question for the guide, and the help card is shown as for other chatter.
    if (top.intent === 'question' || top.intent === 'None' || top.score < SUGGEST_SCORE || TASK_INTENTS.has(top.intent))
      return reader.model.chatterWords(prepared.masked) > 0
        ? { kind: 'help', closest: closestIntents(candidates) }
        : { kind: 'noAnswer' };
  }
  // With no command read, a task named with a date still says when it is due ("pencil in the 22nd for the agent
  // install", "step 5 cutoff: 2026-12-18"), whatever the verb: offered, never acted on.
  const helpOrDate = (): Interpretation => {
    const dated = negation || questionShaped ? undefined : datedTask(reader.words, prepared, context);
    return dated ? { kind: 'choose', proposals: [dated] } : { kind: 'help', closest: closestIntents(candidates) };
  };
  if (top.intent === 'None' || top.score < SUGGEST_SCORE) return helpOrDate();
  // Chatter shares a word with some command ("ugh teams keeps crashing on my laptop" the "teams" of share): when words
  // that neither the model nor the thesaurus knows outnumber those that speak for the top command, learnt or related
  // to its words by the thesaurus, the message is about something else, and nothing is offered. Words only small talk
  // has count with them ("cheers for the help this afternoon, nice work": cheers and nice against the help of help): the
  // network can still rank a command first on the one word they share with it.
  const ownWords = reader.model.learntWordCounts(prepared.masked, true).get(top.intent) ?? 0;
  // Of them, the words the model learnt for it itself, the thesaurus's relations aside.
  const ownLearnt = reader.model.learntWordCounts(prepared.masked).get(top.intent) ?? 0;
  const chatter = reader.model.chatterWords(prepared.masked);
  if (reader.model.unrelatedWords(prepared.masked) + chatter > ownWords) return helpOrDate();
  // When the network is unsure of it too, a word the thesaurus relates to some corpus word is no better evidence that
  // the message is a command than one it relates to nothing ("the traffic was a nightmare this morning": the network
  // half reads the reminders in "morning"): words the model never learnt, and small talk's, outnumbering the top
  // command's make the message about something else. Not when it names one of the plan's tasks: that is what it is
  // about.
  if (
    top.score < ACT_SCORE &&
    !namesPlanTask(prepared, context) &&
    reader.model.unknownWords(prepared.masked) + chatter > ownWords
  )
    return helpOrDate();

  // A task change weighed rather than asked for ("what happens if we skip the verify step?", "should I mark task 2 as
  // done before the firewall change?", "if we finish the prereqs today can we start the agent") is no request for it:
  // a question gets the guide's answer or the honest "not covered", a hypothetical statement the help card.
  const conditional = isConditional(reader.words, prepared);
  // A statement that puts what it says off to later or only weighs it ("we could export a report at some point",
  // "we'll probably want alerts on once we go live") asks for nothing now, not even a read-only command: the help card.
  // A request to a colleague for later ("@Gethin could you assign yourself task 5 when you are back?") is as much news
  // of a plan when put as a question.
  if ((!questionShaped || asksAColleague(reader.words, prepared.tokens)) && talksOfLater(reader.words, prepared))
    return { kind: 'help', closest: closestIntents(candidates) };
  // So is any other change weighed in a hypothetical statement ("once the firewall rules are in we could start the
  // questions", "if the audit goes badly we may wipe the plan"): the help card, not an offer to do it now.
  // A setting turned on in a hypothetical about one of the plan's tasks ("if we finish the agent install tomorrow
  // I'll let you know") says what the person will do once the task is done, not what the bot should watch.
  const turningOn =
    SETTINGS.has(top.intent) &&
    !turnsOff(read(reader.words, top.intent, prepared, context)) &&
    namesPlanTask(prepared, context);
  if (conditional && !questionShaped && (CHANGES_STATE.has(top.intent) || turningOn))
    return { kind: 'help', closest: closestIntents(candidates) };
  if (
    TASK_INTENTS.has(top.intent) &&
    (conditional || (questionShaped && weighsAChange(reader.words, prepared.tokens)))
  ) {
    if (!questionShaped) return { kind: 'help', closest: closestIntents(candidates) };
    const answer = answerQuestion(reader, text, context);
    return answer.kind === 'answer' ? answer : { kind: 'noAnswer' };
  }

  // Turning a setting on weighed in a question ("should we turn on daily reminders", "do we want the watch on?") asks
  // whether to, not for the setting: the help card, which shows how to turn it on. The guide is about sync, not the
  // bot's settings, and had answered such a question with a passage about another switch.
  if (
    SETTINGS.has(top.intent) &&
    questionShaped &&
    asks.turnOn &&
    weighsAChange(reader.words, prepared.tokens) &&
    !showsSetting(read(reader.words, top.intent, prepared, context))
  )
    return { kind: 'help', closest: closestIntents(candidates) };

  const intent = top.intent;
  const positional = negation || conditional ? undefined : changeOfPosition(reader, prepared, intent, context);
  if (positional) {
    const others = offers(
      reader,
      candidates,
      intent,
      read(reader.words, intent, prepared, context),
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
  const reading = settingAsked(reader.words, read(reader.words, intent, prepared, context), prepared, questionShaped);
  // A request addressed to a colleague ("@Thabo can you check the proxy logs", "@Aisha please mark step two as
  // complete") asks them, not the bot: the help card, its closest commands first, unless it names them the task's owner
  // ("@Omar can you own the verification"). Offered as a button, the command was noise to everyone else in the channel.
  if (asksAColleague(reader.words, prepared.tokens) && !givesToTheMentioned(reading))
    return { kind: 'help', closest: closestIntents(candidates) };
  // Something else turned off ("turn off your camera please", "I switched off the lights") is none of the bot's
  // settings, however much "turn off" reads as one.
  const offElsewhere = () =>
    turnsOffSomethingElse(reader.words, settingTokens(reader.words, prepared.tokens), (token) =>
      [...SETTINGS].some((setting) => (reader.model.learntWordCounts(token).get(setting) ?? 0) > 0),
    );
  if (SETTINGS.has(intent) && turnsOff(reading) && offElsewhere())
    return { kind: 'help', closest: closestIntents(candidates) };
  // A named task given a day still to come reads as its deadline, whatever the model made of the other words: the date
  // is no word it learnt, so "no verification, 2026-12-18 at the latest" had scored as a skip and "the agent install,
  // next friday at the latest" as a start. The due date is offered first and the model's readings after it, none
  // acted on. A day already here ("taking up the configuration today") says when, not by when.
  // A due date said with an owner for the task ("give the prereqs to me, due dec 20") asks for both: read as the date
  // alone, the owner was dropped. Both are offered, the assignment first, and neither carried out.
  const owned =
    intent === 'due' && !negation && !questionShaped
      ? ownerWithDeadline(reader.words, reading, prepared, context)
      : undefined;
  if (owned) return { kind: 'choose', proposals: owned };
  const deadline =
    intent === 'due' || negation || questionShaped ? undefined : datedTask(reader.words, prepared, context, 'toCome');
  if (deadline) {
    const others = offers(reader, candidates, intent, reading, prepared, context, negation, asks).filter(
      (proposal) => proposal.intent !== 'due',
    );
    // A task change the model is sure of, on two or more words of its own ("wrapped up on friday, mark it done", "on
    // leave until january, remove him from the config"), comes before the deadline: the day says when it happened or
    // for how long, and is still offered after it.
    const sure = TASK_INTENTS.has(intent) && top.score >= ACT_SCORE && ownLearnt >= 2 && others[0]?.intent === intent;
    // An owner and a deadline for the same task ("@Priya can you own config, by the 18th"): the day is the one the
    // owner is asked to meet, so the assignment comes first and the due date is offered right after it.
    const owner = others.find((proposal) => assignmentThenDeadline(proposal, deadline) !== undefined);
    const both = owner && assignmentThenDeadline(owner, deadline);
    if (both)
      return {
        kind: 'choose',
        proposals: [...both, ...others.filter((other) => other !== owner)].slice(0, MAX_CHOICES),
      };
    // Told in the past tense of a day ("we finished the config on monday"), the day is most likely when it happened:
    // the coming one is offered after the model's readings. Finishing the task leads them where the words back it as
    // much as the change read ("the verification was finished on the 2nd" had offered a reopen first).
    const told = others.length > 0 && toldOfADay(reader.words, prepared, context.now);
    const ordered = told ? finishedFirst(reader, prepared, context, others) : others;
    const after = sure || told;
    return {
      kind: 'choose',
      proposals: (after ? [ordered[0], deadline, ...ordered.slice(1)] : [deadline, ...ordered]).slice(0, MAX_CHOICES),
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
    prepared.tokens.some((token) => reader.words.indirectQuestions.has(token)) &&
    (CHANGES_STATE.has(intent) || SETTINGS.has(intent));
  // Small talk that shares words with a command ("cheers for the help earlier", "great work everyone on the change
  // last night", "can someone order pizza for the night shift") is no request to the bot. When the words only small
  // talk has outnumber the ones the model learnt for the command (the thesaurus's guesses aside), it is read as
  // chatter. So it is when they match them ("my kid is sick so I'm working from home today", "anyone watching the match
  // tonight?"), unless the message asks something ("thanks a lot, what is next"), names a task ("cheers, mark task 3
  // done") or turns a setting on ("a weekly nudge would be great for this lot"); then, or when the message opens as
  // small talk ("good night folks, logging off"), the command is offered, never carried out.
  if (chatter > ownLearnt) return helpOrDate();
  const mayBeChatter =
    !prepared.tokens.some((token) => reader.words.askingWords.has(token)) &&
    !namesPlanTask(prepared, context) &&
    !politeRequest(reader, text, intent);
  if (chatter > 0 && chatter === ownLearnt && !asks.turnOn && mayBeChatter) return helpOrDate();
  const smallTalk =
    ((chatter > 0 && chatter >= ownLearnt) || reader.model.opensWithChatter(prepared.masked)) && mayBeChatter;
  // A message that tells someone what to type ("you can say assign 3 to me") asks the bot for nothing: offered at most.
  // So does one opened by a verb of typing ("type skip task 4 in the chat").
  const quoted =
    reader.words.sayFrames.findAll(typed).length > 0 ||
    reader.words.sayOpeners.has(typed[openingEnd(typed, reader.words.negation)] ?? '');
  // Told to a colleague by name ("@Liam you can just type done 3 when you're finished"), it is theirs to type: offering
  // it as a button put the command in front of everyone else.
  if (quoted && prepared.tokens.includes(PERSON_TOKEN)) return { kind: 'help', closest: closestIntents(candidates) };
  // A task change read from a report of what happened on a day ("the agent install was finished on 2026-11-20") is
  // offered, never carried out: the words tell of then, and read as a reopen as readily as a finish. Finishing the
  // task is what such a report most often says ("we did task 3 on the 2nd"), and is still carried out.
  const reported = TASK_INTENTS.has(intent) && toldOfADay(reader.words, prepared, context.now);
  // A story of another workplace ("Connect Sync was a nightmare at my last job") tells of there, not of this plan.
  const elsewhere = reader.words.otherWorkplaces.findAll(prepared.tokens).length > 0;
  const mayAct =
    !smallTalk &&
    !elsewhere &&
    !quoted &&
    prepared.correctedFrom === undefined &&
    !classified.reread &&
    !indirect &&
    !guardedChange(intent, reading, {
      asked: questionShaped,
      doubted: doubtsIt(reader.words, text),
      negated: negation !== undefined,
      denied: denied !== undefined,
      conditional,
      takenBack: takesBack(reader.words, text),
      hypothetical: turnsOnInHypothetical(reader.words, text),
      // Only in a message of one clause: a later one may ask for the change ("we picked the wrong tool, start again").
      recalled:
        closingClause(text) === undefined &&
        recallsOwnDoing(reader.words, prepared.tokens, openingEnd(prepared.tokens, reader.words.negation)),
      weighed: weighsItsDoing(reader.words, prepared.tokens),
      opined:
        reader.words.suggestions.findAll(prepared.tokens).length > 0 ||
        (!turnsOff(reading) && reader.words.excess.findAll(prepared.tokens).length > 0),
    }) &&
    !saidOfSomethingElse(reader.words, prepared, typed, context, intent, reading) &&
    !undoesAFinish(intent, reading, context);
  // Nor is a setting for the whole plan turned on from a message about one of its tasks ("when the verification
  // passes I'll let the team know" is no request to watch the tenant): offered.
  const turnsOnSetting = SETTINGS.has(intent) && !turnsOff(reading);
  // A command word read from its typo ("skp task 3") is a guess: the change it names is offered, never carried out; so
  // is a task number read from a word that sounds like it ("task for"). So is a change read on a word whose first
  // letter the correction changed ("comit" read as "omit"), command word or not. And where a plan exists, a change of the whole plan said with a code of letters and digits the model never
  // learnt ("start t3", "set due t4 +2w"): such a code names something, most likely a task or a date, and the words
  // around it read as starting the questions anew only because the code was not understood.
  const unsure =
    (CHANGES_STATE.has(intent) || turnsOnSetting) &&
    (reader.model.unknownWords(prepared.masked) > 0 ||
      prepared.guessedCommandWords > 0 ||
      prepared.taskMentions.some((mention) => mention.ref.kind === 'number' && mention.ref.heard === true) ||
      (reader.model.learntWordCounts(prepared.guessedWords.join(' ')).get(intent) ?? 0) > 0 ||
      (turnsOnSetting && namesPlanTask(prepared, context)) ||
      (CHANGES_STATE.has(intent) &&
        !TASK_INTENTS.has(intent) &&
        context.tasks !== undefined &&
        hasUnknownCode(reader, prepared.masked)));
  // The network can favour a reading on one word of the message when another command accounts for several more of
  // them ("what percentage of this rollout is actually done" scored as help, on "what" and the "this" of "what can
  // this bot do", over the status that "percentage", "rollout" and "done" speak for): that reading is offered, not
  // acted on, after the one that accounts for more.
  const outweighing = outweighingCommands(reader, prepared.masked, intent);
  // A message that opens with another command's training sentence, and with none of this one's, is not acted on
  // either: that command is offered first.
  // A reading for the whole plan leaves out a task the message names ("working on task 2 from now" read as next, on
  // "working" and "now"): when a change to that task is a likely reading too, the message may be about the task, so
  // both are offered and neither carried out.
  if (!TASK_INTENTS.has(intent) && !SETTINGS.has(intent) && namesPlanTask(prepared, context)) {
    const taskReading = candidates.find(
      (candidate) => TASK_INTENTS.has(candidate.intent) && candidate.score >= SUGGEST_SCORE / 2,
    );
    if (taskReading && !outweighing.includes(taskReading.intent)) outweighing.push(taskReading.intent);
  }
  // The plain verb of another task change right before the task ("skip task 4, another team did it", read as a
  // reopen on "another") says which change is meant: it is offered first, and neither is carried out.
  // Not for a due date: finishing a task by a day sets its date ("aim to finish the prereqs by dec 10").
  if (TASK_INTENTS.has(intent) && intent !== 'due') {
    const verbed = changeVerbedBeforeTask(reader.words, prepared);
    if (verbed !== undefined && verbed !== intent && !outweighing.includes(verbed)) outweighing.unshift(verbed);
  }
  // Going on to a task ("move on to the agent install") starts it. Read as another change of it (on "move … to", the
  // words of moving a task back), the start is offered first, and neither carried out.
  if (TASK_INTENTS.has(intent) && !ONWARD_READINGS_KEPT.has(intent) && !outweighing.includes('taskStart')) {
    const onward = goneOnTo(reader.words, prepared);
    const pointed = reader.words.positions.findAll(prepared.tokens).length > 0;
    if (!pointed && prepared.taskMentions.length > 0 && prepared.taskMentions.every(onward))
      outweighing.unshift('taskStart');
  }
  // In such a report, finishing the task comes first where the words back it as much as the change read: telling when
  // a task was done is the common report ("back on the 3rd we did task 3" had read as a reopen on "back").
  if (reported && !outweighing.includes('taskDone') && finishingBacked(reader, prepared.masked, intent))
    outweighing.unshift('taskDone');
  // Starting over named with a word that undoes it ("make the start over undone", "reverse the restart") asks for the
  // plan it discarded back: the restore is offered first, and nothing carried out.
  if (intent === 'startOver' && reader.words.reversals.findAll(typed).length > 0 && !outweighing.includes('restore'))
    outweighing.unshift('restore');
  const said = reader.model.trainedSentencesIn(prepared.masked);
  if (!said.has(intent))
    for (const other of [...said].reverse())
      if (other !== 'None' && other !== 'question' && !outweighing.includes(other)) outweighing.unshift(other);
  // Only thesaurus words speak for it, nothing the model learnt ("eve" read as "day"): offered if complete, never
  // acted on or asked about, even when it changes nothing.
  if (top.score >= ACT_SCORE && mayAct && !top.guessed && outweighing.length === 0) {
    if (reading.kind === 'complete') {
      if (!unsure && !reading.guessed && !(reported && intent !== 'taskDone'))
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
  const proposals = offers(reader, candidates, intent, reading, prepared, context, negation, asks);
  // The commands that account for more of the message are offered first, however low the network scored them.
  const fuller = outweighing.flatMap((other) => {
    if (proposals.some((proposal) => proposal.intent === other) || (negation && refuses(other, negation, asks)))
      return [];
    const option = read(reader.words, other, prepared, context);
    return option.kind === 'complete' ? [option.proposal] : [];
  });
  proposals.unshift(...fuller);
  // A board's state named after the task ("move the prereqs to done") leads, however the model ranked it; not where a
  // task verb says another change ("I marked task 2 as done by mistake, could you reopen it?").
  const verbedHere =
    TASK_INTENTS.has(intent) && intent !== 'due' ? changeVerbedBeforeTask(reader.words, prepared) : undefined;
  const stated = verbedHere === stateAfterTask(reader.words, prepared) ? verbedHere : undefined;
  const statedAt = proposals.findIndex((proposal) => proposal.intent === stated);
  toFront(proposals, statedAt);
  // A due date read from a report of a day ("we finished the config on monday") is most likely the day it happened,
  // read as the coming one: another reading of the task comes first.
  const other = reported && intent === 'due' ? proposals.findIndex((proposal) => proposal.intent !== 'due') : -1;
  toFront(proposals, other);
  // Nor is a setting turned off offered beside another reading when what is turned off is none of the bot's ("turn
  // off the server", read first as finishing a task, had offered the reminders off).
  const offered =
    proposals.some((proposal) => turnsOff({ kind: 'complete', proposal })) && offElsewhere()
      ? proposals.filter((proposal) => !(SETTINGS.has(proposal.intent) && turnsOff({ kind: 'complete', proposal })))
      : proposals;
  // A statement that tells of the past and asks nothing ("our Exchange migration ended last year, so that's one less
  // thing", "this reminded me of the DirSync days") is no request for a command the model is unsure of: the help card.
  // Not one that names a task, asks, or asks for something ("please", "can you").
  if (offered.length > 0 && !questionShaped && onlyTellsOfThePast(reader, prepared, context, offered[0].intent))
    return { kind: 'help', closest: closestIntents(candidates) };
  if (offered.length > 0) return { kind: 'choose', proposals: offered.slice(0, MAX_CHOICES) };
  // Unsure of the command and missing a part of it too: too little to ask a precise question about.
  return helpOrDate();
}
