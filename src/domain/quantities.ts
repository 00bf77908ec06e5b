/**
 * Numbers in typed sentences — "20k", "twenty thousand", "300,000", "1.2 million", "half a million" — read by
 * Microsoft's number recognizer (recognizeNumber of @microsoft/recognizers-text-suite, which the bot already uses for
 * dates), with the words around them that make a number a range ("about", "under", "more than", "or more"); and
 * version numbers ("2.4.18", "build 2.5 something").
 *
 * The recognizer's own patterns are not linear in the length of their input (480 characters of "1,2;3 " took the
 * suite's number recognizer eleven seconds here), so it never sees a sentence: only short runs of number words found
 * here by a bounded scan over tokens, at most MAX_NUMBER_RUNS of them, each at most MAX_RUN_TOKENS tokens long.
 */

/** At most this many numbers are read from one message. */
export const MAX_NUMBER_RUNS = 6;
const MAX_RUN_TOKENS = 6;

const DIGITS = /^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?:\.\d{3})+$|^\d{1,12}(?:\.\d{1,6})?$/;
/**
 * "45.000", "1.200.000": thousands grouped with dots, as much of Europe writes them. A count is a whole number, so a dot
 * before exactly three digits groups thousands, unless a magnitude follows ("1.500 million" is one and a half).
 */
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
/**
 * "2,5k", "0,5 million": a comma before one or two digits is a decimal comma, as much of Europe writes it; read so only
 * when a magnitude follows (a count is whole, so "2,5" alone is no count).
 */
const DECIMAL_COMMA = /^\d{1,9},\d{1,2}$/;
/** "20k", "1.5k", "1.2m": a number with a magnitude letter, spelled out before the recognizer sees it. */
const DIGITS_WITH_MAGNITUDE = /^(\d{1,9}(?:\.\d{1,6})?)([km])$/;

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'thousand',
  'million',
  'k',
  'm',
  'mil',
  'dozen',
]);
/** Only inside a number: "a hundred", "one hundred and fifty". */
const JOINING_WORDS: ReadonlySet<string> = new Set(['a', 'and']);
const MAGNITUDE_WORDS: ReadonlySet<string> = new Set(['hundred', 'thousand', 'million', 'k', 'm', 'mil']);

/** A number found in the tokens: where it is and its value (an integer or a decimal, never NaN). */
export interface FoundNumber {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  /** A vague count ("a few hundred") is `value` up to this. */
  readonly upTo?: number;
}

/** "a few hundred", "several thousand": some multiple of a magnitude, from two to nine of it. */
const VAGUE_MULTIPLES: ReadonlySet<string> = new Set(['few', 'several', 'couple']);
const VAGUE_MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1_000_000],
]);
const VAGUE_LOW = 2;
const VAGUE_HIGH = 9;
/** "tens of thousands", "hundreds of thousands": an order of a magnitude, from two to just under ten of it. */
const VAGUE_ORDERS: ReadonlyMap<string, number> = new Map([
  ['tens', 10],
  ['hundreds', 100],
]);
const PLURAL_MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['thousands', 1000],
  ['millions', 1_000_000],
]);

type Recognize = (query: string) => unknown[];

let recognize: Recognize | undefined;

/**
 * Loaded on first use: the recognizers cost about half a second to load, which only a sentence with a number should
 * pay, not every process (or test) that imports the questionnaire.
 */
function recognizer(): Recognize {
  if (recognize === undefined) {
    const suite = require('@microsoft/recognizers-text-suite') as typeof import('@microsoft/recognizers-text-suite');
    recognize = (query) => suite.recognizeNumber(query, suite.Culture.English);
  }
  return recognize;
}

/**
 * Loads the recognizer now and runs it once, so the first person to type a number does not wait for it (about half a
 * second). A server calls this while it starts, before it takes requests.
 */
export function loadNumberRecognizer(): void {
  recognizer()('about 20k');
}

/** Whether the recognizer has been loaded (by a number read, or by loadNumberRecognizer). */
export function numberRecognizerLoaded(): boolean {
  return recognize !== undefined;
}

function isNumberToken(token: string): boolean {
  return (
    DIGITS.test(token) || DIGITS_WITH_MAGNITUDE.test(token) || DECIMAL_COMMA.test(token) || NUMBER_WORDS.has(token)
  );
}

/** Exactly three digits: the next group of a number whose thousands are set apart by spaces ("1 200 000"). */
const SPACE_GROUP = /^\d{3}$/;

/**
 * Whether `token` begins a number of its own after the written number `previous`: "4 80000 member lists" and "6 170k"
 * are two numbers (the recognizer reads neither right as one), while "1 200 000" is one.
 */
function startsAnotherNumber(previous: string, token: string): boolean {
  const written = (word: string) => DIGITS.test(word) || DIGITS_WITH_MAGNITUDE.test(word);
  return written(previous) && written(token) && !SPACE_GROUP.test(token);
}

/** How the recognizer should see a token: "1.2m" as "1.2 million" (it misses the lower-case letter), others as typed. */
function spelled(token: string, next: string | undefined): string {
  if (DOT_GROUPED.test(token) && !MAGNITUDE_WORDS.has(next ?? '')) return token.replace(/\./g, '');
  if (DECIMAL_COMMA.test(token)) return token.replace(',', '.');
  const magnitude = DIGITS_WITH_MAGNITUDE.exec(token);
  if (magnitude) return `${magnitude[1]} ${magnitude[2] === 'k' ? 'thousand' : 'million'}`;
  if (token === 'mil' || token === 'm') return 'million';
  if (token === 'k') return 'thousand';
  return token;
}

/**
 * The numbers in `tokens`, left to right. A run of number tokens ("a hundred and fifty thousand", "1.2 million",
 * "50 000") is read as one number when the recognizer reads it so, otherwise as the numbers it finds in it. "half a
 * million" is half of a million (the recognizer alone reads it as a fraction).
 */
export function findNumbers(tokens: readonly string[]): FoundNumber[] {
  const found: FoundNumber[] = [];
  let runs = 0;
  for (let at = 0; at < tokens.length && runs < MAX_NUMBER_RUNS;) {
    const magnitude = VAGUE_MULTIPLES.has(tokens[at]) ? VAGUE_MAGNITUDES.get(tokens[at + 1] ?? '') : undefined;
    if (magnitude !== undefined) {
      runs += 1;
      const start = at > 0 && tokens[at - 1] === 'a' ? at - 1 : at;
      // "a few hundred thousand": a larger magnitude after the first multiplies it, or the count is a thousand times off.
      const larger = VAGUE_MAGNITUDES.get(tokens[at + 2] ?? '') ?? 0;
      const [scale, end] = larger > magnitude ? [magnitude * larger, at + 3] : [magnitude, at + 2];
      found.push({ start, end, value: VAGUE_LOW * scale, upTo: VAGUE_HIGH * scale });
      at = end;
      continue;
    }
    const order = VAGUE_ORDERS.get(tokens[at]);
    const plural =
      order !== undefined && tokens[at + 1] === 'of' ? PLURAL_MAGNITUDES.get(tokens[at + 2] ?? '') : undefined;
    if (order !== undefined && plural !== undefined) {
      runs += 1;
      found.push({ start: at, end: at + 3, value: VAGUE_LOW * order * plural, upTo: order * 10 * plural - 1 });
      at += 3;
      continue;
    }
    const run = numberRunAt(tokens, at);
    if (run === undefined) {
      at += 1;
      continue;
    }
    runs += 1;
    const half = at > 0 && tokens[at - 1] === 'half';
    for (const number of readRun(tokens, at, run))
      found.push(half ? { ...number, start: at - 1, value: number.value / 2 } : number);
    at = run;
  }
  return joinRanges(tokens, found);
}

/** Words between the two ends of a range: "110 to 120 thousand"; "and" only after "between". A hyphen is no token. */
const RANGE_JOINERS: ReadonlySet<string> = new Set(['to', 'and']);
/** A range's upper end is less than this many times its lower end. */
const RANGE_SPAN = 10;

/**
 * "110 to 120 thousand", "20-30k", "between 5 and 8 thousand": two whole numbers joined as a range are one count from
 * the first to the second (versions such as "1.6 to 2.4" are not counts), and a magnitude said only after the second counts for the first too (nobody means 110 objects).
 */
function joinRanges(tokens: readonly string[], found: readonly FoundNumber[]): FoundNumber[] {
  const joined: FoundNumber[] = [];
  for (let i = 0; i < found.length; i++) {
    const [first, second] = [found[i], found[i + 1]];
    const between = second ? tokens.slice(first.end, second.start) : [];
    // Numbers side by side are two counts ("5 10k groups"); a dash between them was read as "to" (sentenceTokens).
    const joiner =
      between.length === 1 &&
      RANGE_JOINERS.has(between[0]) &&
      (between[0] === 'to' || tokens[first.start - 1] === 'between');
    const whole = second && Number.isInteger(first.value) && Number.isInteger(second.value);
    if (!second || !whole || first.upTo !== undefined || second.upTo !== undefined || !joiner) {
      joined.push(first);
      continue;
    }
    const magnitude = magnitudeOf(tokens.slice(second.start, second.end));
    const low =
      magnitudeOf(tokens.slice(first.start, first.end)) === 1 && first.value * magnitude <= second.value
        ? first.value * magnitude
        : first.value;
    // The ends of a range are of one order ("30-45k", "110 to 120 thousand"); "4 80000 member lists" counts lists.
    if (low >= second.value || low * RANGE_SPAN < second.value) {
      joined.push(first);
      continue;
    }
    joined.push({ start: first.start, end: second.end, value: low, upTo: second.value });
    i += 1;
  }
  return joined;
}

/** The magnitude a number's tokens end with: 1,000 for "120 thousand" or "30k", 1 for "110". */
function magnitudeOf(tokens: readonly string[]): number {
  const last = tokens[tokens.length - 1] ?? '';
  const letter = DIGITS_WITH_MAGNITUDE.exec(last)?.[2] ?? last;
  if (letter === 'k' || letter === 'thousand') return 1_000;
  if (letter === 'm' || letter === 'mil' || letter === 'million') return 1_000_000;
  return 1;
}

/** End of the number run starting at `at`, or undefined when no number starts there. */
function numberRunAt(tokens: readonly string[], at: number): number | undefined {
  const first = tokens[at];
  const startsWithA = first === 'a' && MAGNITUDE_WORDS.has(tokens[at + 1] ?? '');
  if (!isNumberToken(first) && !startsWithA) return undefined;
  if (DECIMAL_COMMA.test(first) && !MAGNITUDE_WORDS.has(tokens[at + 1] ?? '')) return undefined;
  if (MAGNITUDE_WORDS.has(first) && first !== 'hundred' && first !== 'thousand' && first !== 'million')
    return undefined;
  let end = at + 1;
  while (end < tokens.length && end - at < MAX_RUN_TOKENS) {
    const token = tokens[end];
    if (startsAnotherNumber(tokens[end - 1], token)) break;
    if (isNumberToken(token)) end += 1;
    else if (JOINING_WORDS.has(token) && isNumberToken(tokens[end + 1] ?? '')) end += 2;
    else break;
  }
  return Math.min(end, at + MAX_RUN_TOKENS);
}

interface RecognizedNumber {
  readonly start: number;
  readonly end: number;
  readonly resolution?: { readonly value?: unknown };
}

function readRun(tokens: readonly string[], start: number, end: number): FoundNumber[] {
  const words = tokens.slice(start, end).map((token, i) => spelled(token, tokens[start + i + 1]));
  const text = words.join(' ');
  let results: readonly RecognizedNumber[];
  try {
    results = recognizer()(text) as RecognizedNumber[];
  } catch {
    // A recognizer failure is "no number here", never a failed turn.
    return [];
  }
  // Map character offsets back to tokens: each word's offset in the joined text.
  const offsets: number[] = [];
  let offset = 0;
  for (const word of words) {
    offsets.push(offset);
    offset += word.length + 1;
  }
  const tokenAt = (char: number) => {
    let index = 0;
    while (index + 1 < offsets.length && offsets[index + 1] <= char) index += 1;
    return start + index;
  };
  const numbers: FoundNumber[] = [];
  for (const result of results) {
    const value = Number(result.resolution?.value);
    if (!Number.isFinite(value) || value < 0) continue;
    numbers.push({ start: tokenAt(result.start), end: tokenAt(result.end) + 1, value });
  }
  return numbers;
}

// ---------------------------------------------------------------------------------------------------
// Ranges.

/** Inclusive bounds; `Infinity` above when only a lower bound is known. */
export interface Range {
  readonly low: number;
  readonly high: number;
}

/**
 * How a word before or after a number bends it: "under 100k" is below it, "about 20k" near it. Listed, so a locale
 * file's words can be checked against them when it loads.
 */
export const QUALIFIERS = ['below', 'atMost', 'above', 'atLeast', 'about', 'justBelow', 'justAbove'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** "about 20k" means within this fraction of 20k either way; near a band's edge that is honestly both bands. */
export const ABOUT_MARGIN = 0.05;

/** Strictly below/above a whole number of objects. */
const STEP = 1;

/**
 * "Under 50 thousand" bounds a count of that order: nobody with 1,500 objects says it. Below a bound means more than this
 * share of it, so a band far below (up to 2,000) is not a candidate.
 */
const BOUND_FLOOR = 0.1;

/** The least count an upper bound speaks of: more than a tenth of it, so "under 20k" is not 2,000 objects. */
function floorOf(value: number): number {
  return Math.floor(value * BOUND_FLOOR) + STEP;
}

/** The range a number with a qualifier stands for; a negated qualifier ("no group over 50k") turns it around. */
export function rangeOf(value: number, qualifier: Qualifier | undefined, negated = false): Range {
  switch (qualifier) {
    case 'below':
      return negated ? { low: value, high: Infinity } : { low: floorOf(value), high: value - STEP };
    case 'atMost':
      return negated ? { low: value + STEP, high: Infinity } : { low: floorOf(value), high: value };
    case 'above':
      return negated ? { low: 0, high: value } : { low: value + STEP, high: Infinity };
    case 'atLeast':
      return negated ? { low: 0, high: value - STEP } : { low: value, high: Infinity };
    case 'justBelow':
      // "just under 150k", "nearly 100k": a little below it.
      return negated
        ? { low: value, high: Infinity }
        : { low: Math.floor(value * (1 - ABOUT_MARGIN)), high: value - STEP };
    case 'justAbove':
      return negated ? { low: 0, high: value } : { low: value + STEP, high: Math.ceil(value * (1 + ABOUT_MARGIN)) };
    case 'about': {
      const low = Math.floor(value * (1 - ABOUT_MARGIN));
      // "not anywhere near 50k": well below it (nobody says that of something bigger).
      return negated ? { low: 0, high: Math.max(0, low - STEP) } : { low, high: Math.ceil(value * (1 + ABOUT_MARGIN)) };
    }
    default:
      return negated ? { low: 0, high: Infinity } : { low: value, high: value };
  }
}

/** A named band of counts, e.g. "under100k" = 0 … 99,999. */
export interface Band {
  readonly value: string;
  readonly low: number;
  readonly high: number;
}

/** The bands `range` overlaps, in band order: one band is an answer, several are a question back. */
export function bandsOf(range: Range, bands: readonly Band[]): string[] {
  return bands.filter((band) => range.low <= band.high && range.high >= band.low).map((band) => band.value);
}

// ---------------------------------------------------------------------------------------------------
// Versions.

/**
 * A dotted version as typed: "2.4.18" → [2, 4, 18]; "2.5 something" → [2, 5]; "2.x" → [2]. A last part written as one
 * of `unknownParts` ("2.4.something", with the locale's words for it) is unknown, as "x" is.
 */
export function versionOf(token: string, unknownParts: ReadonlySet<string> = new Set()): number[] | undefined {
  const dot = token.lastIndexOf('.');
  const typed = dot > 0 && unknownParts.has(token.slice(dot + 1)) ? `${token.slice(0, dot)}.x` : token;
  const bare = typed.startsWith('v') ? typed.slice(1) : typed;
  if (!/^\d{1,3}(?:\.(?:\d{1,5}|x)){1,3}$/.test(bare)) return undefined;
  const parts: number[] = [];
  for (const part of bare.split('.')) {
    if (part === 'x') break;
    parts.push(Number(part));
  }
  return parts;
}

/** Where the versions a typed prefix stands for lie against `version`: all below it, all at or above it, or on both sides. */
export type VersionRelation = 'below' | 'atLeast' | 'spans';

/**
 * "2.4" is every 2.4.x build, so it lies below 2.5.79.0; "2.5" spans it; "2.5.79.0" is at it. `qualifier` reads
 * "older than 2.5.79" (below) or "newer than 2.5.79" (above) instead of the prefix itself.
 */
export function versionRelation(
  prefix: readonly number[],
  version: readonly number[],
  qualifier?: 'below' | 'above',
): VersionRelation {
  const plain = relationOf(prefix, version);
  if (qualifier === 'below') return plain === 'below' || isExactly(prefix, version) ? 'below' : 'spans';
  if (qualifier === 'above') return plain === 'atLeast' ? 'atLeast' : 'spans';
  return plain;
}

function relationOf(prefix: readonly number[], version: readonly number[]): VersionRelation {
  for (let i = 0; i < prefix.length; i++) {
    const other = version[i] ?? 0;
    if (prefix[i] < other) return 'below';
    if (prefix[i] > other) return 'atLeast';
  }
  return version.slice(prefix.length).every((part) => part === 0) ? 'atLeast' : 'spans';
}

function isExactly(prefix: readonly number[], version: readonly number[]): boolean {
  const length = Math.max(prefix.length, version.length);
  for (let i = 0; i < length; i++) if ((prefix[i] ?? 0) !== (version[i] ?? 0)) return false;
  return true;
}
