/**
 * Natural dates ("next friday", "dec 15", "in two weeks", "end of the month", "tomorrow") to the calendar
 * day a due date means, in UTC like every due date of the plan.
 *
 * Microsoft's recognizer parses a sentence in 5–20 ms of CPU, far over the budget of reading one message, so
 * it is the last resort: a message without a date-like word never reaches it, and the common forms are
 * resolved here by a small pure resolver, to the day the recognizer gives them ("12/15", "8 january 2027", "end of
 * next week" included). Only the rarer phrasings ("the start of next week", "by end of this week") go to it.
 */
import { MONTH_NAMES } from '../domain/planDates';

interface Resolution {
  readonly type?: string;
  readonly value?: string;
  readonly start?: string;
  readonly end?: string;
  readonly Mod?: string;
}

/** The slow, general parser; injectable so tests can see whether it ran. */
export type DateFallback = (text: string, today: string) => string | undefined;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());
/** Monday first, as weeks are counted for "next friday". */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const SHORT_MONTHS = MONTHS.map((name) => name.slice(0, 3));
const SHORT_WEEKDAYS = WEEKDAYS.map((name) => name.slice(0, 3));
const COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
/** Words that make a message worth a date parse at all; everything else is answered "no date" at once. */
const DATE_WORDS = new Set([
  'today',
  'tonight',
  'tomorrow',
  'tmrw',
  'tmr',
  'eod',
  'eow',
  'eom',
  'week',
  'weeks',
  'month',
  'months',
  'days',
  'weekend',
  'fortnight',
]);
const MAX_DATE_TEXT = 200;
/**
 * Words that may follow an ordinal that names a day ("the 22nd for the agent install", "the 10th, actually the 11th").
 * Any other word after it makes the ordinal a count of things ("the 2nd server failed", "the 3rd floor"), no day.
 */
const AFTER_ORDINAL_DAY = new Set([
  'for',
  'at',
  'latest',
  'please',
  'pls',
  'plz',
  'thanks',
  'thx',
  'then',
  'so',
  'if',
  'actually',
  'morning',
  'afternoon',
  'evening',
  'cob',
  'until',
  'till',
]);

/**
 * The day `text` names, as YYYY-MM-DD, or undefined when it names none. `now` decides "tomorrow" and which
 * year "dec 15" means (the next one that has not passed). A range ("end of the month", "in two weeks") means its last
 * day, but "next week" its Monday; "by monday" means that monday.
 */
export function recognizeDueDay(
  text: string,
  now: Date,
  fallback: DateFallback = recognizerDay,
  holidays: Holidays = NO_HOLIDAYS,
): string | undefined {
  const today = now.toISOString().slice(0, 10);
  const tokens = text
    .toLowerCase()
    .slice(0, MAX_DATE_TEXT)
    .split(/[\s,!?;:()]+|\.(?!\d)/)
    .filter(Boolean)
    .flatMap((token) => monthAndDay(token) ?? [token])
    .filter(
      (token, i, all) =>
        !countsThings(token, all[i + 1], all[i + 2]) &&
        !measuresTime(all, i) &&
        !countsRange(token, all[i + 1]) &&
        !countsRange(all[i - 1] ?? '', token),
    );
  const holiday = holidayDay(tokens, today, holidays);
  if (holiday === COUNTED_FROM) return tokens.some(looksLikeDate) ? resolveCommonDay(tokens, today) : undefined;
  if (!tokens.some(looksLikeDate)) return holiday;
  return resolveCommonDay(tokens, today) ?? holiday ?? fallback(nearDateWords(tokens).join(' '), today);
}

/** How far from a word that looks like a date the recognizer is shown the words around it. */
const DATE_REACH = 4;
/** The most words the recognizer is shown: its time grows much faster than the count of numbers it is given. */
const MAX_RECOGNIZED_WORDS = 16;

/**
 * The words within reach of one that looks like a date, in order, at most MAX_RECOGNIZED_WORDS: a day is said in a
 * few words beside its date word, and the recognizer took half a minute over a long run of numbers before one
 * ("1 1 1 … weekend").
 */
function nearDateWords(tokens: readonly string[]): string[] {
  const dated = tokens.map(looksLikeDate);
  const near = (i: number) => {
    for (let at = Math.max(0, i - DATE_REACH); at <= i + DATE_REACH && at < tokens.length; at++)
      if (dated[at]) return true;
    return false;
  };
  return tokens.filter((_, i) => near(i)).slice(0, MAX_RECOGNIZED_WORDS);
}

/** Holidays on the same day every year, by their words ("christmas eve" → [11, 24], month from 0). */
export interface Holidays {
  readonly days: ReadonlyMap<string, readonly [month: number, day: number]>;
  /** The first word of each, so a message without one costs a set lookup a word. */
  readonly firstWords: ReadonlySet<string>;
  /** Words that, shortly before a holiday's name, count another day from it ("the day after", "a week before"). */
  readonly countedFrom: ReadonlySet<string>;
}
const NO_HOLIDAYS: Holidays = { days: new Map(), firstWords: new Set(), countedFrom: new Set() };
/** The most words a holiday's name has, as a prepared message reads it ("new year is day"). */
const HOLIDAY_WORDS = 4;
/** How far before a holiday's name a word counting from it reaches ("two days before christmas eve"). */
const COUNTED_FROM_REACH = 3;
/** A holiday a day is counted from: no day the resolvers can read, the recognizer included. */
const COUNTED_FROM = 'counted from';

/** The corpus's holidays ("christmas eve": "12-24") as the resolver looks them up. */
export function holidayTable(
  holidays: Readonly<Record<string, string>>,
  countedFrom: readonly string[] = [],
): Holidays {
  // Each name also as a message reads once prepared, where a possessive is spelled out ("new year's day" reads "new
  // year is day"): the dates of a message are read from its prepared text.
  const days = new Map(
    Object.entries(holidays).flatMap(([phrase, day]) => {
      const [month, date] = day.split('-').map(Number);
      const name = phrase.toLowerCase();
      const spelled = name.replace(/'s\b/g, ' is');
      return [name, spelled].map((words) => [words, [month - 1, date] as const] as const);
    }),
  );
  return {
    days,
    firstWords: new Set([...days.keys()].map((phrase) => phrase.split(' ')[0])),
    countedFrom: new Set(countedFrom),
  };
}

/**
 * The next day a holiday the text names falls on, today included, as the recognizer reads it; the longest name wins.
 * With a year right after it ("christmas eve 2027"), that year's. COUNTED_FROM when a day is counted from it ("the day
 * after boxing day"): the recognizer reads such a day as the holiday itself, so it is no day at all.
 */
function holidayDay(tokens: readonly string[], today: string, holidays: Holidays): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!holidays.firstWords.has(tokens[i])) continue;
    for (let length = HOLIDAY_WORDS; length > 0; length--) {
      const day = holidays.days.get(tokens.slice(i, i + length).join(' '));
      if (!day) continue;
      if (tokens.slice(Math.max(0, i - COUNTED_FROM_REACH), i).some((word) => holidays.countedFrom.has(word)))
        return COUNTED_FROM;
      const year = tokens[i + length] ?? '';
      if (/^\d{4}$/.test(year)) return exactDay(Number(year), day[0], day[1]);
      return nextMonthDay(new Date(`${today}T00:00:00Z`), day[0], day[1]);
    }
  }
  return undefined;
}

/** A cheap test per word: month or weekday names, relative words, ISO or slashed dates, ordinals like 22nd. */
export function looksLikeDate(token: string): boolean {
  if (DATE_WORDS.has(token)) return true;
  if (monthOf(token) !== undefined || weekdayOf(token) !== undefined) return true;
  return (
    /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(token) ||
    /^\d{1,2}(st|nd|rd|th)$/.test(token) ||
    OFFSET.test(token) ||
    DOTTED.test(token) ||
    dayFirstDotted(token) !== undefined ||
    monthAndDay(token) !== undefined
  );
}

/**
 * "dec-18", "18-dec", "18-dec-2026": a month's name and its day joined by hyphens, as the day's words one by one
 * ("dec 18"); undefined for any other token.
 */
export function monthAndDay(token: string): string[] | undefined {
  const monthFirst = /^([a-z]{3,9})-(\d{1,2}(?:st|nd|rd|th)?)$/.exec(token);
  if (monthFirst && monthOf(monthFirst[1]) !== undefined) return [monthFirst[1], monthFirst[2]];
  const dayFirst = /^(\d{1,2}(?:st|nd|rd|th)?)-([a-z]{3,9})(?:-(\d{4}))?$/.exec(token);
  if (!dayFirst || monthOf(dayFirst[2]) === undefined) return undefined;
  return dayFirst[3] === undefined ? [dayFirst[1], dayFirst[2]] : [dayFirst[1], dayFirst[2], dayFirst[3]];
}

/**
 * "15.12", "15.12.26": day and month with dots, a two-digit year at most, as [year or undefined, month from 0, day].
 * Only where the first number cannot be a month, so no version of Connect Sync ("2.4", "2.5.79") reads as a day.
 */
function dayFirstDotted(token: string): [number | undefined, number, number] | undefined {
  const found = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2}))?$/.exec(token);
  if (!found) return undefined;
  const [day, month] = [Number(found[1]), Number(found[2])];
  if (day <= 12 || day > 31 || month < 1 || month > 12) return undefined;
  return [found[3] === undefined ? undefined : 2000 + Number(found[3]), month - 1, day];
}

/**
 * "15.12.2026": day, month and year with dots, as much of Europe writes a date. Without its four-digit year only where
 * the day cannot be a month (dayFirstDotted): "2.4" or "2.5.79" is as likely a version of Connect Sync.
 */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * A range of counts before what it counts ("in 1-2 weeks", "2-3 days of testing"): how long something takes, no day.
 * Dropped with what it counts before any date is looked for, as the recognizer reads "1-2" as a day of January and "in
 * weeks" as the end of this one.
 */
function countsRange(token: string, next: string | undefined): boolean {
  return /^\d{1,2}-\d{1,2}$/.test(token) && next !== undefined && (isWeek(next) || DAYS_OR_MONTHS.has(next));
}

const DAYS_OR_MONTHS: ReadonlySet<string> = new Set(['day', 'days', 'month', 'months', 'fortnight', 'fortnights']);

/** "+3d", "+2w": that many days or weeks from today, as command lines write it. */
const OFFSET = /^\+(\d{1,2})([dw])$/;

/**
 * A count of days or weeks written with a plus ("+2w"): read from today, though a command line may count it from the
 * day the task is already due ("push t3 +1w"), so the day it gives is offered, never set.
 */
export function countsFromToday(token: string): boolean {
  return OFFSET.test(token);
}

/**
 * An ordinal before a word that is neither part of a date nor one that may follow a day ("the 2nd server", "the 3rd
 * floor") counts things: it is dropped before any date is looked for, so neither resolver reads it as a day.
 */
function countsThings(token: string, next: string | undefined, afterNext: string | undefined): boolean {
  if (!/^\d{1,2}(st|nd|rd|th)$/.test(token) || next === undefined) return false;
  if (next === 'next' && afterNext === 'month') return false;
  return !(looksLikeDate(next) || next === 'of' || AFTER_ORDINAL_DAY.has(next) || /^\d/.test(next));
}

/**
 * A week or a day said as how often or how long ("once a week", "every week", "for two weeks"): no day at all, as the
 * recognizer reads it too. Dropped before any date is looked for, so a message with nothing else never reaches it.
 */
function measuresTime(tokens: readonly string[], i: number): boolean {
  const token = tokens[i];
  if (token !== 'week' && token !== 'weeks' && token !== 'day' && token !== 'days') return false;
  const before = tokens[i - 1] ?? '';
  if (before === 'every' || before === 'each') return true;
  const earlier = tokens[i - 2] ?? '';
  return (
    (before === 'a' && (earlier === 'once' || earlier === 'twice')) ||
    (earlier === 'for' && countOf(before) !== undefined && !AFTER_DURATION.has(tokens[i + 1] ?? ''))
  );
}

/** Words after "for two weeks" that make it count from a day ("for two weeks from friday"): left to the resolvers. */
const AFTER_DURATION = new Set(['from', 'after', 'before', 'since', 'until', 'till', 'on', 'starting', 'today']);

/**
 * How many a word counts ("two", "a", "3"), or undefined: only the table's own entries and small numbers in digits, so
 * a word such as "constructor" is no count (an object literal inherits it) and "3 weeks" counts as "three weeks".
 */
function countOf(word: string): number | undefined {
  if (Object.hasOwn(COUNTS, word)) return COUNTS[word];
  return /^\d{1,2}$/.test(word) ? Number(word) : undefined;
}

/** "dec", "december", "sept": a prefix of the full name, never a word that merely starts like one ("marketing"). */
export function monthOf(token: string): number | undefined {
  if (token.length < 3) return undefined;
  const index = SHORT_MONTHS.indexOf(token.slice(0, 3));
  return index >= 0 && MONTHS[index].startsWith(token) ? index : undefined;
}

/** "fri", "thurs", "friday"; "weds" too, as people write it. */
export function weekdayOf(token: string): number | undefined {
  if (token.length < 3) return undefined;
  const index = SHORT_WEEKDAYS.indexOf(token.slice(0, 3));
  return index >= 0 && (WEEKDAYS[index].startsWith(token) || token === 'weds') ? index : undefined;
}

/** The common forms, resolved without the recognizer; undefined hands the text on to it. */
export function resolveCommonDay(tokens: readonly string[], today: string): string | undefined {
  const base = new Date(`${today}T00:00:00Z`);
  const week = weekDay(tokens, base);
  if (week !== '') return week;
  const words = tokens.filter((token) => token !== 'by' && token !== 'on' && token !== 'the' && token !== 'due');
  const at = (i: number) => words[i] ?? '';
  /** "week after next" from `i` on. */
  const afterNext = (i: number) => at(i + 1) === 'after' && at(i + 2) === 'next';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (SLASHED.test(word)) return slashedDay(word, base);
    // "eod" alone is today; before a day ("eod friday", "eod tomorrow") it says when on that day.
    if (word === 'eod' && looksLikeDate(at(i + 1))) continue;
    // "a week from today", "two weeks from now", British "a week today": counted from today, not today itself.
    if (
      weeksIn(word) !== undefined &&
      (at(i + 1) === 'today' || (at(i + 1) === 'from' && (at(i + 2) === 'today' || at(i + 2) === 'now')))
    )
      return addDays(base, 7 * (weeksIn(word) ?? 1) * (countOf(at(i - 1)) ?? 1));
    if (word === 'today' || word === 'tonight' || word === 'eod') return today;
    if (word === 'tomorrow' || word === 'tmrw' || word === 'tmr')
      return addDays(base, at(i - 1) === 'after' && at(i - 2) === 'day' ? 2 : 1);
    if (DAY.test(word) && validDay(word)) return word;
    const offset = OFFSET.exec(word);
    if (offset) return addDays(base, Number(offset[1]) * (offset[2] === 'w' ? 7 : 1));
    // "the week after next": the last day of that week, as "next week" is of its own (the recognizer reads 31 December).
    if (word === 'week' && afterNext(i) && (isWeek(at(i + 3)) || !looksLikeDate(at(i + 3))))
      return addDays(new Date(`${nextWeeks(base, 6)}T00:00:00Z`), 7);
    // "in two weeks", "within 3 days", "in a fortnight": by the end of that time.
    const count = word === 'in' || word === 'within' ? countOf(at(i + 1)) : undefined;
    if (count !== undefined) {
      if (at(i + 2) === 'day' || at(i + 2) === 'days') return addDays(base, count);
      const weeks = weeksIn(at(i + 2));
      if (weeks !== undefined) return addDays(base, 7 * weeks * count);
    }
    const dotted = DOTTED.exec(word);
    if (dotted) return exactDay(Number(dotted[3]), Number(dotted[2]) - 1, Number(dotted[1]));
    const dayFirst = dayFirstDotted(word);
    if (dayFirst) {
      const [year, month, day] = dayFirst;
      return year === undefined ? nextMonthDay(base, month, day) : exactDay(year, month, day);
    }
    if (
      word === 'end' &&
      at(i + 1) === 'of' &&
      (at(i + 2) === 'month' || (at(i + 2) === 'this' && at(i + 3) === 'month'))
    )
      return lastOfMonth(base);
    if (word === 'eom') return lastOfMonth(base);
    const weekday = weekdayOf(word);
    // "wednesday 9 december", "wed dec 9": the day and month that follow say which one.
    const dated =
      (dayNumber(at(i + 1)) !== undefined && monthOf(at(i + 2)) !== undefined) ||
      (monthOf(at(i + 1)) !== undefined && dayNumber(at(i + 2)) !== undefined);
    // "friday the 11th": the day of the month says which friday, when it is one.
    const ofMonth =
      weekday !== undefined && !dated && ORDINAL.test(at(i + 1))
        ? ordinalDay(base, dayNumber(at(i + 1)) ?? 0)
        : undefined;
    if (ofMonth !== undefined && weekdayIndex(new Date(`${ofMonth}T00:00:00Z`)) === weekday) return ofMonth;
    // "friday the week after next": that week's friday.
    if (weekday !== undefined && !dated && isWeek(at(i + 1)) && afterNext(i + 1))
      return addDays(new Date(`${nextWeeks(base, weekday)}T00:00:00Z`), 7);
    if (weekday !== undefined && !dated) {
      const previous = at(i - 1);
      // "last friday", "this past monday": the one before today, a day already gone (offered, never set), where the
      // upcoming one had been set as the task's due date.
      if (previous === 'last' || previous === 'past' || previous === 'previous') return lastWeekday(base, weekday);
      if (previous === 'next' || (at(i + 1) === 'next' && isWeek(at(i + 2)))) return nextWeeks(base, weekday);
      // "a week from friday", "two weeks from monday", British "a week on friday" ("on" is dropped above) and "friday week".
      const weeksAt = previous === 'from' ? i - 2 : i - 1;
      const counted = isWeek(at(weeksAt)) ? countOf(at(weeksAt - 1)) : undefined;
      const weeks = counted ?? (at(i + 1) === 'week' ? 1 : 0);
      return addDays(new Date(`${upcoming(base, weekday)}T00:00:00Z`), 7 * weeks);
    }
    const month = monthOf(word);
    if (month !== undefined) {
      // "dec 15", "15 december", "15th of december"; a year or anything longer goes to the recognizer.
      const after = dayNumber(at(i + 1));
      const before = dayNumber(at(i - 1) === 'of' ? at(i - 2) : at(i - 1));
      const day = after ?? before;
      if (day === undefined) continue;
      // "8 january 2027", "jan 8 2027": that very day, passed or not, as the recognizer reads it.
      const year = at(i + 1 + (after !== undefined ? 1 : 0));
      if (/^\d{4}$/.test(year)) return exactDay(Number(year), month, day);
      return nextMonthDay(base, month, day);
    }
    if (
      /^\d{1,2}(st|nd|rd|th)$/.test(word) &&
      monthOf(at(i + 1)) === undefined &&
      !(at(i + 1) === 'of' && monthOf(at(i + 2)) !== undefined)
    ) {
      // "the 15th of next month", "15th next month": that day of the month after this one, passed or not this month
      // (the recognizer read this month's 15th, or the last of next month).
      const next = at(i + 1) === 'of' ? i + 2 : i + 1;
      if (at(next) === 'next' && at(next + 1) === 'month') {
        const nextMonth = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 1));
        return exactDay(nextMonth.getUTCFullYear(), nextMonth.getUTCMonth(), Number.parseInt(word, 10));
      }
      return ordinalDay(base, Number.parseInt(word, 10));
    }
  }
  return undefined;
}

/** "15/12", "12/18", "18/12/2026", "15/12/26". */
const SLASHED = /^\d{1,2}\/\d{1,2}(\/(\d{2}|\d{4}))?$/;

/**
 * A slashed date whose two numbers could each be the month ("5/12": 12 May to some readers, 5 December to others),
 * and that names two different days read either way.
 */
export function readsEitherWayRound(token: string): boolean {
  if (!SLASHED.test(token)) return false;
  const [first, second] = token.split('/').map(Number);
  return first !== second && first >= 1 && first <= 12 && second >= 1 && second <= 12;
}

/**
 * A slashed date as the recognizer reads it: month first when the first number can be a month ("12/5" is 5 December,
 * "5/12" 12 May), day first when only the second can ("15/12"). Without a year, the next such day from today on; with
 * one, that day. Undefined hands it on to the recognizer (a day no year has, "2/29" outside a leap year).
 */
function slashedDay(word: string, base: Date): string | undefined {
  const [first, second, written] = word.split('/').map(Number);
  const monthFirst = first >= 1 && first <= 12;
  const month = (monthFirst ? first : second) - 1;
  const day = monthFirst ? second : first;
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  if (written === undefined) return nextMonthDay(base, month, day);
  return exactDay(written < 100 ? 2000 + written : written, month, day);
}

function exactDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month ? iso(date) : undefined;
}

/**
 * "next week", "this week", "end of next week": the day the recognizer reads in them (weeks run Monday to Sunday), the
 * week's last day, but "next week" with or without "by" is its Monday and "by end of next week" (without "the") its
 * Thursday. '' when the message names no such week or another day beside it ("friday next week"), for the rest of the
 * resolver; undefined for the forms left to the recognizer ("by end of this week", "by this week").
 */
function weekDay(tokens: readonly string[], base: Date): string | undefined {
  const at = tokens.findIndex(
    (token, i) =>
      token === 'week' &&
      (tokens[i - 1] === 'next' ||
        tokens[i - 1] === 'this' ||
        (tokens[i - 1] === 'the' && tokens[i - 2] === 'of' && tokens[i - 3] === 'end')),
  );
  if (at < 0) return '';
  // Anything else date-like in the message ("friday next week", "next week's monday") is for the general resolver.
  if (tokens.some((token, i) => (i < at - 1 || i > at) && looksLikeDate(token))) return '';
  const next = tokens[at - 1] === 'next';
  const ended = tokens[at - 2] === 'of' && tokens[at - 3] === 'end';
  // "the start of next week", "mid of this week": another part of the week, for the recognizer.
  if (tokens[at - 2] === 'of' && !ended) return undefined;
  const before = ended ? at - 4 : at - 2;
  // Plain "next week" is its Monday, where the recognizer reads its Sunday: a deadline on a day nobody works reads as
  // a slip, and every outside author of the labeled sets (12 of 12 lines) meant the day the week starts.
  if (next && !ended) return nextWeeks(base, 0);
  const sunday = next ? nextWeeks(base, 6) : upcoming(base, 6);
  if (tokens[before] !== 'by') return sunday;
  if (!ended) return undefined;
  // "by end of next week" is its Thursday, where "by the end of next week" is its Sunday.
  return next ? nextWeeks(base, 3) : undefined;
}

function isWeek(token: string): boolean {
  return token === 'week' || token === 'weeks';
}

/** How many weeks a word of time is: one for "week", two for "fortnight"; undefined for any other word. */
function weeksIn(token: string): number | undefined {
  if (isWeek(token)) return 1;
  return token === 'fortnight' || token === 'fortnights' ? 2 : undefined;
}

/** "11th", "1st": a day of the month said as an ordinal. */
const ORDINAL = /^\d{1,2}(st|nd|rd|th)$/;

function dayNumber(token: string): number | undefined {
  const match = /^(\d{1,2})(st|nd|rd|th)?$/.exec(token);
  if (!match) return undefined;
  const day = Number(match[1]);
  return day >= 1 && day <= 31 ? day : undefined;
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(base: Date, days: number): string {
  const date = new Date(base);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

function validDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && iso(date) === day;
}

/** Monday is 0. */
function weekdayIndex(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

/** "friday": the coming one, today included. */
function upcoming(base: Date, weekday: number): string {
  return addDays(base, (weekday - weekdayIndex(base) + 7) % 7);
}

/** "last friday": the latest friday before today (a week ago when today is one). */
function lastWeekday(base: Date, weekday: number): string {
  return addDays(base, -((weekdayIndex(base) - weekday + 7) % 7 || 7));
}

/** "next friday": the friday of next week (weeks start on Monday), as the recognizer reads it. */
function nextWeeks(base: Date, weekday: number): string {
  return addDays(base, 7 - weekdayIndex(base) + weekday);
}

function lastOfMonth(base: Date): string {
  return iso(new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + 1, 0)));
}

/** "dec 15": this year's, or next year's when this year's has passed. */
function nextMonthDay(base: Date, month: number, day: number): string | undefined {
  for (const year of [base.getUTCFullYear(), base.getUTCFullYear() + 1]) {
    const date = new Date(Date.UTC(year, month, day));
    if (date.getUTCMonth() !== month) return undefined;
    if (date >= base) return iso(date);
  }
  return undefined;
}

/** "the 22nd": this month's, or the next month that has that day once it has passed. */
function ordinalDay(base: Date, day: number): string | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let ahead = 0; ahead < 3; ahead++) {
    const date = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + ahead, day));
    if (date.getUTCDate() !== day) continue;
    if (date >= base) return iso(date);
  }
  return undefined;
}

/**
 * The recognizer's last readings, by day and text: it takes 10 to 30 ms a phrase, and both models' readings of one
 * message ask it the same text, so a message would pay for it twice. A few entries, dropped oldest first.
 */
const recognized = new Map<string, string | undefined>();
const RECOGNIZED_KEPT = 16;

/** The recognizer's reading of `text`, kept as it said (the resolver above is tested against it). */
export function recognizerDay(text: string, today: string): string | undefined {
  const key = `${today} ${text}`;
  if (recognized.has(key)) return recognized.get(key);
  const day = recognizerDayUncached(text, today);
  if (recognized.size >= RECOGNIZED_KEPT) recognized.delete(recognized.keys().next().value as string);
  recognized.set(key, day);
  return day;
}

function recognizerDayUncached(text: string, today: string): string | undefined {
  // The recognizer reads UTC fields of the reference; noon keeps the day stable whatever it does with the clock.
  const reference = new Date(`${today}T12:00:00Z`);
  const found = safeRecognize(text, reference) ?? safeRecognize(text.replace(/\bby\b/g, ' '), reference);
  if (!found) return undefined;
  for (const result of found) {
    if (!result.typeName.startsWith('datetimeV2.date')) continue;
    const days = (result.resolution?.values ?? []).map(dayOf).filter((day): day is string => day !== undefined);
    const after = days.filter((day) => day >= today);
    const pick = after[0] ?? days[days.length - 1];
    if (pick) return pick;
  }
  return undefined;
}

function dayOf(resolution: Resolution): string | undefined {
  if (resolution.type === 'date' && resolution.value && DAY.test(resolution.value)) return resolution.value;
  if (resolution.type === 'daterange') {
    if (resolution.Mod === 'before' && resolution.end && DAY.test(resolution.end)) return resolution.end;
    if (resolution.end && DAY.test(resolution.end)) return previousDay(resolution.end);
    if (resolution.start && DAY.test(resolution.start)) return resolution.start;
  }
  return undefined;
}

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return iso(date);
}

type Recognized = ReadonlyArray<{ typeName: string; resolution?: { values?: Resolution[] } }>;

type RecognizerSuite = typeof import('@microsoft/recognizers-text-suite');
let suite: RecognizerSuite | undefined;

/** Loaded on first use: the recognizers take about half a second of CPU to load, and only the rarer phrasings need them. */
function recognizers(): RecognizerSuite {
  suite ??= require('@microsoft/recognizers-text-suite') as RecognizerSuite;
  return suite;
}

/** Version 1.1.4 throws on some phrasings ("by the end of the month"): a failure is "no date", never a crash. */
function safeRecognize(text: string, reference: Date): Recognized | undefined {
  try {
    const { Culture, recognizeDateTime } = recognizers();
    const results = recognizeDateTime(text, Culture.English, undefined, reference) as unknown as Recognized;
    return results.length > 0 ? results : undefined;
  } catch {
    return undefined;
  }
}
