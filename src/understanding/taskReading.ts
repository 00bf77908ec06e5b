/**
 * Reading a task change from a message: which task it names (by number, by its words, by position), and what the
 * change needs besides the task (the owner of an assignment, the day of a due date), or what is missing.
 */
import type { IntentName } from './corpus';
import { isConditional } from './clauses';
import {
  countsFromToday,
  looksLikeDate,
  monthOf,
  readsEitherWayRound,
  recognizeDueDay,
  resolveCommonDay,
} from './dueDates';
import type { ReaderWords } from './readerWords';
import {
  inTask,
  TASK_INTENTS,
  type PlainIntent,
  type PlanTaskInfo,
  type Prepared,
  type Proposal,
  type Reading,
  type TaskFound,
  type TaskIntent,
  type UnderstandingContext,
} from './readings';
import { asksWhich, settingTokens, splitObjects, watchSetting } from './settingReading';
import { PERSON_TOKEN, type PreparedText, type TaskMention } from './textPrep';

/** What an order to stop points back with ("stop them", "mute it"). */
const STOPPED_ONES: ReadonlySet<string> = new Set(['them', 'it', 'those', 'these', 'that']);

/** The word before a cadence that is being left: "from daily", "instead of daily", "rather than weekly". */
const LEAVING_WORDS: ReadonlySet<string> = new Set(['from', 'of', 'than']);

/** The command an intent makes of this message, or what is missing to make one. */
export function read(
  words: ReaderWords,
  intent: IntentName,
  prepared: Prepared,
  context: UnderstandingContext,
): Reading {
  if (intent === 'remind') {
    const tokens = settingTokens(words, prepared.tokens);
    // A cadence said inside an order to turn something off ("switch the daily nudges off") is the one turned off;
    // an order to turn another thing off ("… and switch the watch off") says nothing of the reminders, and one beside
    // a cadence kept ("keep daily reminders but turn the weekly digest off") leaves the one kept.
    const inOffOrders = words.splitTurnOff
      .flatMap(([verb, particle]) => splitObjects(tokens, verb, particle))
      .reduce((count, object) => count + words.cadences.findAll(object).length, 0);
    // A cadence left behind ("from daily to weekly", "weekly instead of daily", "weekly rather than daily") is not the
    // one asked for, when the message names another.
    const cadences = words.cadences.findAll(tokens);
    const left = (start: number) => LEAVING_WORDS.has(tokens[start - 1] ?? '');
    const kept = cadences.filter((found) => !left(found.start));
    // A cadence named, then an order that stops it by a pronoun ("these daily pings are too much, stop them", "the
    // weekly digest, mute it"), turns the reminders off.
    const last = cadences.at(-1);
    const stoppedLast = cadences.length > 1 && last?.meanings[0] === 'off' && STOPPED_ONES.has(tokens[last.end] ?? '');
    const cadence = asksWhich(words, tokens)
      ? undefined
      : (inOffOrders > 0 && inOffOrders === cadences.length) || stoppedLast
        ? 'off'
        : (kept.length > 0 ? kept : cadences)[0]?.meanings[0];
    return { kind: 'complete', proposal: { intent, cadence: cadence ?? 'show' } };
  }
  if (intent === 'watch') return { kind: 'complete', proposal: { intent, setting: watchSetting(words, prepared) } };
  if (intent === 'question') return { kind: 'missing', missing: 'task' };
  if (intent === 'history') return historyReading(words, prepared, context);
  if (!TASK_INTENTS.has(intent)) return { kind: 'complete', proposal: { intent: intent as PlainIntent } };
  if (!context.tasks) return { kind: 'missing', missing: 'plan' };

  // A due date taken away leaves no day for a number to belong to: "clear the due date on 5" names task 5.
  const dateExpected =
    intent === 'due' && words.clearDate.findAll(prepared.tokens).length === 0 && !takesDateAway(words, prepared.tokens);
  const task = findTask(words, prepared, context, dateExpected);
  if (task.kind === 'none') {
    const finished = intent === 'taskDone' ? finishedTask(words, prepared, context) : undefined;
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
      const one = completeReading(words, intent as TaskIntent, number, prepared, context);
      return one.kind === 'complete' ? [one.proposal] : [];
    });
    return proposals.length > 0
      ? { kind: 'ambiguous', words: task.words, proposals }
      : { kind: 'missing', missing: 'task' };
  }
  const complete = completeReading(words, intent as TaskIntent, task.number, prepared, context);
  // Another change of a task the message gives to someone is a guess: the message is about its owner, so the
  // assignment is offered first and the change after it.
  const handed =
    intent !== 'assign' && intent !== 'due' && handsToSomeone(words, prepared)
      ? completeReading(words, 'assign', task.number, prepared, context)
      : undefined;
  if (handed?.kind === 'complete' && complete.kind === 'complete')
    return { ...handed, guessed: true, alternatives: [complete.proposal] };
  // Praise for work on a task ("well done with the verification") thanks someone for it: whatever change it reads
  // as, the words ask for none.
  const doubtful =
    complete.kind === 'complete' &&
    (task.guessed ||
      praises(words, prepared) ||
      doubtfulDay(words, complete.proposal, prepared, context) ||
      happenedOn(words, complete.proposal, prepared));
  const other =
    doubtful && complete.kind === 'complete' ? dayTheOtherWay(words, complete.proposal, prepared, context) : undefined;
  const reading: Reading = doubtful
    ? { ...complete, guessed: true, ...(other ? { alternatives: [other] } : {}) }
    : complete;
  if (reading.kind !== 'complete' || !task.byWords) return reading;
  const named = context.tasks.find((candidate) => candidate.number === task.number);
  return named ? { ...reading, named } : reading;
}

/**
 * The history, of one task when the message names one of the plan's by number or words ("who marked the agent install
 * done?", "what happened to task 3"); the whole plan's when it names none, or several, or only points at one.
 */
function historyReading(words: ReaderWords, prepared: Prepared, context: UnderstandingContext): Reading {
  const whole: Reading = { kind: 'complete', proposal: { intent: 'history' } };
  if (!context.tasks || prepared.taskMentions.length === 0) return whole;
  const task = findTask(words, prepared, context, false);
  return task.kind === 'one' && !task.guessed
    ? { kind: 'complete', proposal: { intent: 'history', taskNumber: task.number } }
    : whole;
}

export function completeReading(
  words: ReaderWords,
  intent: TaskIntent,
  taskNumber: number,
  prepared: Prepared,
  context: UnderstandingContext,
): Reading {
  switch (intent) {
    case 'assign': {
      // The person named right after "to" is the owner, whoever else the message mentions or says "I" about.
      const named = ownerNamed(words, prepared.tokens);
      if (named !== undefined)
        return {
          kind: 'complete',
          proposal: { intent, taskNumber, to: named === PERSON_TOKEN ? 'mentioned' : 'me' },
        };
      // An owner read from whom the message speaks to or of, with no word giving the task to them, is a guess when the
      // message praises work or tells of the past ("@Priya great job on task 4", "@Ana was assigned task 3 last year"):
      // it thanks or recalls, and asks for nothing.
      const told = praisesOrRecalls(words, prepared) ? { guessed: true } : {};
      if (prepared.mentionCount > 0)
        return { kind: 'complete', proposal: { intent, taskNumber, to: 'mentioned' }, ...told };
      if (prepared.tokens.some((token) => words.firstPerson.has(token)) || takenBySpeaker(words, prepared))
        return { kind: 'complete', proposal: { intent, taskNumber, to: 'me' }, ...told };
      // An owner said to be no one ("assign t4 to nobody", "chown t4 --none") takes the owner off; offered, never done,
      // as the words may also say that nobody has taken it yet.
      if (ownedByNobody(words, prepared.tokens))
        return { kind: 'complete', proposal: { intent: 'unassign', taskNumber }, guessed: true };
      return { kind: 'missing', missing: 'person', taskNumber };
    }
    case 'due': {
      if (words.clearDate.findAll(prepared.tokens).length > 0)
        return { kind: 'complete', proposal: { intent, taskNumber, date: null } };
      const withoutTask = prepared.tokens.filter((_, i) => !inTask(prepared, i));
      const from = prepared.correctedFrom;
      const corrected =
        from === undefined
          ? undefined
          : dueDay(words, prepared.tokens.filter((_, i) => i >= from && !inTask(prepared, i)).join(' '), context.now);
      const date = corrected ?? dueDay(words, withoutTask.join(' '), context.now);
      if (date) return { kind: 'complete', proposal: { intent, taskNumber, date } };
      return takesDateAway(words, withoutTask)
        ? { kind: 'complete', proposal: { intent, taskNumber, date: null } }
        : { kind: 'missing', missing: 'date', taskNumber };
    }
    default:
      return { kind: 'complete', proposal: { intent, taskNumber } };
  }
}

/** The task a message names: by number, by its words (only tasks of this plan), or by position. */
export function findTask(
  words: ReaderWords,
  prepared: Prepared,
  context: UnderstandingContext,
  dateExpected: boolean,
): TaskFound {
  const tasks = context.tasks ?? [];
  const numbers = new Set<number>();
  const from = prepared.correctedFrom;
  const after = prepared.taskMentions.filter((mention) => from !== undefined && mention.start >= from);
  // A correction of the date only ("the 10th, actually the 11th") leaves the task named before it.
  const named = after.length > 0 ? after : prepared.taskMentions;
  // The task the work goes on to is not the one changed, when another is named or pointed at.
  const onward = goneOnTo(words, prepared);
  const staying = named.filter((mention) => !onward(mention));
  const pointed = words.positions.findAll(prepared.tokens).length > 0;
  const meant = staying.length < named.length && (staying.length > 0 || pointed) ? staying : named;
  let byWords = false;
  let taskWords = '';
  for (const mention of meant) {
    if (mention.ref.kind === 'number') {
      numbers.add(mention.ref.number);
      continue;
    }
    const ids = mention.ref.taskIds;
    const inPlan = tasks.filter((task) => ids.includes(task.id));
    if (inPlan.length === 0) continue;
    byWords = true;
    taskWords = mention.ref.words;
    for (const task of inPlan) numbers.add(task.number);
  }
  if (numbers.size === 0) {
    const position = words.positions.findAll(prepared.tokens)[0]?.meanings[0];
    const number =
      position === 'next' ? context.nextNumber : position === undefined ? undefined : context.currentNumber;
    if (number !== undefined)
      return { kind: 'one', number, byWords: true, ...(position === 'referred' ? { guessed: true } : {}) };
    // A lone number ("mark 4 finished") names a task. In a due date numbers belong to the date unless the rest
    // still gives the whole day ("due 3 friday", "deadline for 4: thursday"; not "due 15 december"); and a number
    // that follows no word naming a task ("done with 3 of them by friday", "2 more servers by monday") may count
    // anything else: that task is a guess, offered and never changed.
    if (dateExpected) {
      const bare = taskBeforeDate(words, prepared.tokens, context.now);
      return bare ? { kind: 'one', number: bare.number, byWords: false, guessed: !bare.named } : { kind: 'none' };
    }
    const bare = prepared.tokens.flatMap((token, i) => (/^\d{1,2}$/.test(token) ? [i] : []));
    if (bare.length !== 1) return { kind: 'none' };
    const at = bare[0];
    const lone = Number(prepared.tokens[at]);
    return countsSomething(words, prepared.tokens, at)
      ? { kind: 'one', number: lone, byWords: false, guessed: true }
      : { kind: 'one', number: lone, byWords: false };
  }
  if (numbers.size > 1) return { kind: 'several', numbers: [...numbers].sort((a, b) => a - b), words: taskWords };
  return { kind: 'one', number: [...numbers][0], byWords };
}

/**
 * Whether the lone number at `at` may time or count something else: after a word such as "at", "in" or "about"
 * ("done at 3", "start in 5"), or before a word that ends like a plural ("4 agents installed", "5 users done"). The
 * task it names is then a guess, offered and never changed.
 */
export function countsSomething(words: ReaderWords, tokens: readonly string[], at: number): boolean {
  if (at > 0 && words.countingBefore.has(tokens[at - 1])) return true;
  const next = tokens[at + 1] ?? '';
  return next.length > 3 && next.endsWith('s') && !next.endsWith('ss') && !words.notCounted.has(next);
}

/**
 * The one task of the plan whose name a word of the message gives in the past tense ("verified, users are syncing
 * fine"): a message that says something is done and names no task. The word could also be about something else
 * ("verified the firewall rules"), so the change is offered, never carried out.
 */
export function finishedTask(
  words: ReaderWords,
  prepared: Prepared,
  context: UnderstandingContext,
): PlanTaskInfo | undefined {
  const tasks = context.tasks ?? [];
  const found = new Set<PlanTaskInfo>();
  for (const token of prepared.tokens) {
    const name = Object.hasOwn(words.doneTaskWords, token) ? words.doneTaskWords[token] : undefined;
    const ids = name === undefined ? [] : (words.taskNames.matchAt([name], 0)?.meanings ?? []);
    for (const task of tasks) if (ids.includes(task.id)) found.add(task);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** The person named right after an owner marker ("to me", "to @Priya"), the last such; undefined when none is. */
export function ownerNamed(words: ReaderWords, tokens: readonly string[]): string | undefined {
  return tokens
    .filter((_, i) => i > 0 && words.ownerMarkers.has(tokens[i - 1]))
    .filter((token) => token === PERSON_TOKEN || words.ownerMe.has(token))
    .at(-1);
}

/**
 * A due date read with an owner named for the same task ("hand the config to me, due friday"): the assignment, then the
 * due date, so that neither half of the message is dropped. Undefined otherwise.
 */
export function ownerWithDeadline(
  words: ReaderWords,
  reading: Reading,
  prepared: Prepared,
  context: UnderstandingContext,
): Proposal[] | undefined {
  if (reading.kind !== 'complete' || reading.proposal.intent !== 'due' || reading.proposal.date === null)
    return undefined;
  if (ownerNamed(words, prepared.tokens) === undefined) return undefined;
  const owner = read(words, 'assign', prepared, context);
  return owner.kind === 'complete' ? assignmentThenDeadline(owner.proposal, reading.proposal) : undefined;
}

/**
 * An assignment and a due date for the same task, offered together as two buttons: the assignment first, then the due
 * date (the day the new owner is asked to meet). Undefined unless `assignment` assigns the task `deadline` gives a day.
 */
export function assignmentThenDeadline(assignment: Proposal, deadline: Proposal): Proposal[] | undefined {
  if (assignment.intent !== 'assign' || deadline.intent !== 'due' || deadline.date === null) return undefined;
  if (assignment.taskNumber !== deadline.taskNumber) return undefined;
  return [assignment, deadline];
}

/**
 * Whether the message gives a task to someone ("to me", "to @Ana", "@Ana, assigning it to you"): read as another
 * change of that task, it is a guess, as the message is about its owner.
 */
function handsToSomeone(words: ReaderWords, prepared: Prepared): boolean {
  if (ownerNamed(words, prepared.tokens) !== undefined) return true;
  const { tokens } = prepared;
  return (
    prepared.mentionCount > 0 &&
    tokens.some((token, i) => i > 0 && words.ownerMarkers.has(tokens[i - 1]) && words.secondPerson.has(token))
  );
}

/** A word for no one right after an owner marker ("to nobody") or closing the message ("assign t4 none"). */
function ownedByNobody(words: ReaderWords, tokens: readonly string[]): boolean {
  return words.nobody
    .findAll(tokens)
    .some(({ start, end }) => end === tokens.length || (start > 0 && words.ownerMarkers.has(tokens[start - 1])));
}

/**
 * A verb of taking right before the task, an article apart at most ("take 4", "grab the config", "claiming task 2"):
 * with nobody named, whoever says it takes the task. "take a look at 4" has other words between, and names no owner.
 */
export function takenBySpeaker(words: ReaderWords, prepared: Prepared): boolean {
  const { tokens } = prepared;
  const starts = [
    ...prepared.taskMentions.map((mention) => mention.start),
    ...tokens.flatMap((token, i) => (prepared.taskMentions.length === 0 && /^\d{1,2}$/.test(token) ? [i] : [])),
  ];
  const positions = words.positions.findAll(tokens).map((found) => found.start);
  return [...starts, ...positions].some((start) => {
    const at = start > 0 && words.articles.has(tokens[start - 1]) ? start - 2 : start - 1;
    return at >= 0 && words.takers.has(tokens[at]);
  });
}

/**
 * Whether the message praises work ("great job", "thanks for") or tells of the past: a word of the past tense ("was",
 * "had"), or a past form right after the person it names ("@Ana owned the config", "I handled task 5").
 */
export function praisesOrRecalls(words: ReaderWords, prepared: Prepared): boolean {
  const { tokens } = prepared;
  if (praises(words, prepared)) return true;
  return tokens.some(
    (token, i) =>
      words.pastWords.has(token) ||
      ((tokens[i - 1] === PERSON_TOKEN || words.firstPerson.has(tokens[i - 1] ?? '')) && isPastForm(words, token)),
  );
}

/**
 * Whether the message opens (at `start`, after "ok", "so"…) with the writer or someone they name telling what they did:
 * a past form right after the person ("we started over last week", "@Ana restarted it"), a report of then rather than
 * an order for now. A past form later on most often describes the object ("bring back the plan we discarded").
 */
export function recallsOwnDoing(words: ReaderWords, tokens: readonly string[], start: number): boolean {
  const person = tokens[start];
  if (person === undefined || tokens[start + 1] === undefined) return false;
  const named = person === PERSON_TOKEN || words.firstPerson.has(person) || words.doers.has(person);
  return named && isPastForm(words, tokens[start + 1]);
}

/**
 * Whether a word ends like a past form ("owned", "finished"), long enough that the ending is not the whole word, and
 * is not one of the words that only end so ("proceed", "speed", "hundred").
 */
export function isPastForm(words: ReaderWords, token: string): boolean {
  return (
    !words.notPast.has(token) &&
    words.pastEndings.some((ending) => token.length > ending.length + 2 && token.endsWith(ending))
  );
}

/**
 * Whether the message praises work ("great job", "thanks for", "well done") and asks for nothing after it. A request
 * after the praise ("please", "can you") that goes on to name a task asks for that task's change ("great job @Omar,
 * please take task 4 too"); one that names no task ("well done with the config, please keep it up") leaves the praise
 * as it was.
 */
function praises(words: ReaderWords, prepared: Prepared): boolean {
  const praised = words.praise.findAll(prepared.tokens).at(-1);
  if (praised === undefined) return false;
  const { tokens } = prepared;
  const asked = tokens.findIndex(
    (token, i) =>
      i >= praised.end &&
      (words.requestWords.has(token) ||
        (words.requestOpeners.has(token) && words.secondPerson.has(tokens[i + 1] ?? ''))),
  );
  return asked < 0 || !prepared.taskMentions.some((mention) => mention.start > asked);
}

/** A verb that takes something away with a due-date word at most two words after it ("scrap the target date"). */
export function takesDateAway(words: ReaderWords, tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) => words.clearVerbs.has(token) && tokens.slice(i + 1, i + 4).some((next) => words.dateNouns.has(next)),
  );
}

/**
 * The message's one small number when the words give the same day without it ("due 3 friday", "deadline for 4:
 * thursday"): the task that day is for. Not when the day needs it ("due 15 december").
 */
export function taskBeforeDate(
  words: ReaderWords,
  tokens: readonly string[],
  now: Date,
): { number: number; named: boolean } | undefined {
  const at = tokens.findIndex((token) => /^\d{1,2}$/.test(token));
  if (at < 0 || tokens.slice(at + 1).some((token) => /^\d{1,2}$/.test(token))) return undefined;
  const day = dueDay(words, [...tokens.slice(0, at), ...tokens.slice(at + 1)].join(' '), now);
  if (day === undefined || day !== dueDay(words, tokens.join(' '), now)) return undefined;
  return { number: Number(tokens[at]), named: words.dueTaskMarkers.has(tokens[at - 1] ?? '') };
}

/**
 * A due date the words do not pin down: a day already past ("due 12/18/2020") or more than half a year ahead
 * (SETTLED_DAYS_AHEAD), a slashed date whose two numbers could each be the month ("5/12" is 12 May to some readers
 * and 5 December to others), a count written with a plus
 * ("+2w"), read from today where it may count from the day the task is due already, or a part of a month or week
 * ("early january", "late next week"), which the resolvers read as one day of it. Shown as the day it is read as, to
 * confirm, rather than set.
 */
export function doubtfulDay(
  words: ReaderWords,
  proposal: Proposal,
  prepared: Prepared,
  context: UnderstandingContext,
): boolean {
  if (proposal.intent !== 'due' || !proposal.date) return false;
  if (proposal.date < context.now.toISOString().slice(0, 10)) return true;
  if (proposal.date > daysAhead(context.now, SETTLED_DAYS_AHEAD)) return true;
  return (
    prepared.tokens.some((token) => readsEitherWayRound(token) || countsFromToday(token)) ||
    partOfPeriod(words, prepared.tokens)
  );
}

/**
 * How far ahead a due date read from words is still set without asking: half a year. A deployment's tasks are due
 * within weeks or a few months; a day further out is most likely a slip, such as a day without its year that has just
 * passed ("due nov 30" said on 1 December reads as next year's) or a year typed wrong ("2036-01-15"), and is offered.
 */
const SETTLED_DAYS_AHEAD = 183;

/** The day `days` after `now`'s, as YYYY-MM-DD. */
function daysAhead(now: Date, days: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return day.toISOString().slice(0, 10);
}

/**
 * Whether the words name a part of a month or week and no day of it ("early january", "mid-feb", "the start of next
 * month", "late next week"; not "early january 5"). One pass over the tokens, a hyphenated one read as its parts.
 */
export function partOfPeriod(words: ReaderWords, tokens: readonly string[]): boolean {
  const split = tokens.flatMap((token) => token.split('-'));
  for (let i = 0; i < split.length; i += 1) {
    const part = words.vagueParts.matchAt(split, i);
    if (!part) continue;
    let at = part.end;
    while (at < split.length && words.vagueBetween.has(split[at])) at += 1;
    const period = split[at] ?? '';
    if (words.vaguePeriods.has(period)) return true;
    if (monthOf(period) !== undefined && !/^\d/.test(split[at + 1] ?? '')) return true;
  }
  return false;
}

/**
 * A day in a message about the past, with no word that makes it a deadline ("we finished the config on monday", "task 2
 * got started friday"): the day it happened, quite likely already gone, which the resolver read as the coming one.
 * Offered, never set.
 */
export function happenedOn(words: ReaderWords, proposal: Proposal, prepared: Prepared): boolean {
  if (proposal.intent !== 'due' || !proposal.date) return false;
  return toldInThePast(words, prepared.tokens);
}

/** Whether the words are in the past tense, with none that makes a day one to meet ("due", "by", "until"). */
function toldInThePast(words: ReaderWords, tokens: readonly string[]): boolean {
  const past = tokens.some((token) => words.pastWords.has(token) || isPastForm(words, token));
  return past && !tokens.some((token) => words.deadlineWords.has(token));
}

/**
 * Whether the message tells, in the past tense, what happened on a day it names ("the agent install was finished on
 * 2026-11-20", "back on the 3rd we did task 3"): a report of then, not an order for now, whatever change the model
 * reads in it.
 */
export function toldOfADay(words: ReaderWords, prepared: Prepared, now: Date): boolean {
  // With two tasks named, the past may be one's and the day the other's ("finished task 2, task 3 on wednesday").
  if (prepared.taskMentions.length > 1 || !toldInThePast(words, prepared.tokens)) return false;
  // Any word of a day other than today's counts, "the 3rd" before "we did" too, which is no deadline; not one a task
  // was moved to ("the config slipped to the 10th").
  const { tokens } = prepared;
  const today = now.toISOString().slice(0, 10);
  return tokens.some(
    (token, i) =>
      !inTask(prepared, i) &&
      looksLikeDate(token) &&
      resolveCommonDay([token], today) !== today &&
      !words.movedTo.has(tokens[i - 1] ?? '') &&
      !words.movedTo.has(tokens[i - 2] ?? ''),
  );
}

/**
 * The due date read the other way round from a slashed date whose two numbers could each be the month ("5/12" as 5
 * December, after 12 May), when it gives another day: offered as a second button.
 */
export function dayTheOtherWay(
  words: ReaderWords,
  proposal: Proposal,
  prepared: Prepared,
  context: UnderstandingContext,
): Proposal | undefined {
  if (proposal.intent !== 'due' || !proposal.date) return undefined;
  const at = prepared.tokens.findIndex(readsEitherWayRound);
  if (at < 0) return undefined;
  const [first, second, ...year] = prepared.tokens[at].split('/');
  const tokens = prepared.tokens.map((token, i) => (i === at ? [second, first, ...year].join('/') : token));
  const swapped = completeReading(words, 'due', proposal.taskNumber, { ...prepared, tokens }, context);
  return swapped.kind === 'complete' && swapped.proposal.intent === 'due' && swapped.proposal.date !== proposal.date
    ? swapped.proposal
    : undefined;
}

/**
 * The due date a message gives a task it names, when it does; never in a hypothetical. With `toCome`, only a day
 * after today.
 */
export function datedTask(
  words: ReaderWords,
  prepared: Prepared,
  context: UnderstandingContext,
  days?: 'toCome',
): Proposal | undefined {
  if (prepared.taskMentions.length === 0 || isConditional(words, prepared)) return undefined;
  // "@Tomasz is on leave until january, remove him from configure": the day ends his leave, it is no deadline.
  const { tokens } = prepared;
  if (tokens.some((token, i) => words.spanEnds.has(token) && looksLikeDate(tokens[i + 1] ?? ''))) return undefined;
  const reading = read(words, 'due', prepared, context);
  if (reading.kind !== 'complete' || reading.proposal.intent !== 'due' || reading.proposal.date === null)
    return undefined;
  return days === 'toCome' && reading.proposal.date <= context.now.toISOString().slice(0, 10)
    ? undefined
    : reading.proposal;
}

/** Whether the message names a task of the plan, by number or by words (another track's task words name none). */
export function namesPlanTask(prepared: Prepared, context: UnderstandingContext): boolean {
  const tasks = context.tasks ?? [];
  return prepared.taskMentions.some(
    (mention) =>
      mention.ref.kind === 'number' ||
      tasks.some((task) => mention.ref.kind === 'words' && mention.ref.taskIds.includes(task.id)),
  );
}

/**
 * The task change whose plain verb stands right before a task the message names, an article apart at most, or right
 * before a pronoun after it; otherwise the one a board's state after the task names (stateAfterTask).
 */
export function changeVerbedBeforeTask(words: ReaderWords, prepared: Prepared): IntentName | undefined {
  for (const mention of prepared.taskMentions) {
    let at = mention.start - 1;
    if (at > 0 && words.articles.has(prepared.tokens[at])) at -= 1;
    const verbed = at >= 0 ? words.taskVerbs.get(prepared.tokens[at]) : undefined;
    if (verbed !== undefined) return verbed;
  }
  // Or before "it" standing for the one task the message names ("I ticked task 4 by mistake, can you reopen it?").
  // Else the board's state the task is moved to ("move task 3 to done").
  if (prepared.taskMentions.length !== 1) return stateAfterTask(words, prepared);
  const { tokens } = prepared;
  const at = tokens.findIndex(
    (token, i) =>
      i > prepared.taskMentions[0].end && words.referringPronouns.has(token) && words.taskVerbs.has(tokens[i - 1]),
  );
  return at > 0 ? words.taskVerbs.get(tokens[at - 1]) : stateAfterTask(words, prepared);
}

/**
 * The change a board's state names right after a task ("move task 3 to done", "set the config as ongoing", "put the
 * prereqs into completed"): the task, a marker, an article at most, then the state. Not a state gone back to ("set task
 * 3 back to in progress" reopens it), which the model reads.
 */
export function stateAfterTask(words: ReaderWords, prepared: Prepared): IntentName | undefined {
  const { tokens } = prepared;
  // Told of the past ("I marked task 2 as done by mistake", "it was set to done"), or said with the words of setting
  // a task's state again or taking it back ("set", "mark", "back", "undo"), which the model learnt with their states,
  // the state is left to the model. A past form after the task is a state itself ("to skipped").
  const before = tokens.slice(0, prepared.taskMentions[0]?.start ?? 0);
  if (
    words.undoWords.findAll(tokens).length > 0 ||
    tokens.some((token) => words.pastWords.has(token)) ||
    before.some((token) => isPastForm(words, token))
  )
    return undefined;
  for (const mention of prepared.taskMentions) {
    let at = mention.end;
    if (tokens[at] === 'over') at += 1;
    if (!words.stateMarkers.has(tokens[at] ?? '')) continue;
    at += 1;
    if (words.articles.has(tokens[at] ?? '') && !words.taskStates.matchAt(tokens, at)) at += 1;
    const state = words.taskStates.matchAt(tokens, at);
    if (state !== undefined) return state.meanings[0];
  }
  return undefined;
}

/** Whether a task mention comes right after words of going on to it ("move on to the agent"), an article apart. */
export function goneOnTo(words: ReaderWords, prepared: PreparedText): (mention: TaskMention) => boolean {
  const ends = new Set(words.onwardWords.findAll(prepared.tokens).map((found) => found.end));
  return (mention) =>
    ends.has(mention.start) || (ends.has(mention.start - 1) && words.articles.has(prepared.tokens[mention.start - 1]));
}

/** The day a message's words name, holidays included ("due on christmas eve"). */
export function dueDay(words: ReaderWords, text: string, now: Date): string | undefined {
  return recognizeDueDay(text, now, undefined, words.holidays);
}
