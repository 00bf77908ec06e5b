/**
 * Turns a message into tokens the model and the entity readers share: bounded, lower-cased, task names
 * and numbers found (and masked, so "we finished the prerequisites" and "we finished task 4" teach the
 * model one pattern), @mentions counted, small typos corrected against the corpus vocabulary.
 *
 * Everything here is a single pass or a bounded loop over tokens: no regex on user text can backtrack.
 */
import { foldApostrophes, PhraseTable } from '../domain/sentenceTokens';
import { monthOf, WEEKDAYS, weekdayOf } from './dueDates';
import { stem } from './stems';
import { baseForms } from './synonyms';

/** Longer messages are cut: a command or a question fits in far less, and the work stays bounded. */
export const MAX_UNDERSTOOD_CHARS = 300;
/** At most this many tokens are looked at (300 characters hold fewer in practice). */
const MAX_TOKENS = 80;

export const TASK_TOKEN = 'xtask';
export const PERSON_TOKEN = 'xperson';
export const NUMBER_TOKEN = 'xnum';

/**
 * A word or a number, with inner apostrophes, slashes, dots and hyphens ("isn't", "12/20", "2026-12-20", "pre-reqs");
 * "#3"; or a count of days or weeks from today as command lines write it ("+3d", "+2w"), its plus kept so it is read
 * as a day (dueDates.ts), not as a number.
 */
const TOKEN = /#\d{1,3}|\+\d{1,2}[dw](?![a-z0-9])|[a-z0-9]+(?:['/.-][a-z0-9]+)*/g;
const MENTION = /<at>[^<]{0,200}<\/at>/g;
const MARKUP = /<[^<>]{0,200}>/g;
/** "@marco" typed rather than picked: the word after a lone '@' (not an address's "user@tenant"). */
const PLAIN_MENTION = /(?:^|[\s(,])@([a-z][a-z'-]{0,39})/g;
/** ✅ ✔ ☑ (with or without the emoji variation selector): in chat a ticked item is a finished one. */
const CHECK_MARKS = /[\u2705\u2714\u2611]\ufe0f?/g;
const TASK_WORDS = new Set(['task', 'number', 'no', 'step', '#']);
/** A word and a number run together, a hyphen between at most ("task3", "step-3"). */
const GLUED_TASK = /^([a-z]{2,6})-?(\d{1,3})$/;
/**
 * A task's number spelled out after "task", "step" or "number" ("task four"); never after "no", where "no one" means
 * nobody.
 */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map(
    (word, i) => [word, i + 1] as const,
  ),
);

export interface TaskMention {
  /** Token positions [start, end) that named the task. */
  readonly start: number;
  readonly end: number;
  readonly ref:
    /** `heard`: the number was written as a word that sounds like it ("task for"), a guess of speech-to-text's. */
    | { readonly kind: 'number'; readonly number: number; readonly heard?: boolean }
    | { readonly kind: 'words'; readonly taskIds: readonly string[]; readonly words: string };
}

export interface PreparedText {
  /** Tokens after typo correction, mentions replaced by PERSON_TOKEN. */
  readonly tokens: readonly string[];
  /** What the intent model sees: task references as TASK_TOKEN, other numbers as NUMBER_TOKEN. */
  readonly masked: string;
  readonly taskMentions: readonly TaskMention[];
  /** @mentions of people in the text (the bot's own mention is removed before this). */
  readonly mentionCount: number;
  /**
   * How many words were read as a command word they are a typo of ("skp" as "skip", correctTypo): a guess, so the
   * command they name is offered, never carried out.
   */
  readonly guessedCommandWords: number;
  /**
   * Words read as a typo of one with another first letter, as corrected ("comit" as "omit"): people seldom slip on the
   * first letter, so a change the model read on one of them is a guess too, whether or not it is a command's own word.
   */
  readonly guessedWords: readonly string[];
}

/** Phrases (task words, positions, cadences) tokenized as messages are here, so a phrase matches the tokens it is looked for in. */
export function phraseTable<K>(phrases: Iterable<readonly [string, K]>): PhraseTable<K> {
  return new PhraseTable(phrases, tokenize);
}

export function tokenize(text: string): string[] {
  const tokens = text.match(TOKEN);
  if (tokens === null) return [];
  // Cut in place: a copy of every message's tokens was garbage for nothing.
  if (tokens.length > MAX_TOKENS) tokens.length = MAX_TOKENS;
  return tokens;
}

/**
 * What a message asks after the polite frame it opens with ("would it be possible to see the task list?", "I wonder if
 * you could share the plan"): the text after the frame's last word (quotes folded), its closing question mark dropped,
 * as the frame turns a request into a question only in form. Undefined when no frame in `frames` opens the message or
 * nothing follows it. One pass over the message's tokens.
 */
export function afterPoliteFrame(raw: string, frames: PhraseTable<true>): string | undefined {
  const bounded = foldApostrophes(raw.slice(0, MAX_UNDERSTOOD_CHARS));
  const lower = bounded.toLowerCase();
  // Lower-casing keeps every position for the words a frame has; a text where it does not is left as it is.
  if (lower.length !== bounded.length) return undefined;
  const ends: number[] = [];
  const tokens: string[] = [];
  const scan = new RegExp(TOKEN.source, 'g');
  for (let found = scan.exec(lower); found && tokens.length < MAX_TOKENS; found = scan.exec(lower)) {
    tokens.push(found[0]);
    ends.push(found.index + found[0].length);
  }
  const frame = frames.matchAt(tokens, 0);
  if (!frame || frame.end >= tokens.length) return undefined;
  let rest = bounded.slice(ends[frame.end - 1]).trim();
  while (rest.endsWith('?')) rest = rest.slice(0, -1).trimEnd();
  return rest === '' ? undefined : rest;
}

/** Lower-cases, unifies quotes and spaces, spells check marks as "done" and replaces @mentions by PERSON_TOKEN; returns the text and how many people were mentioned. */
export function cleanText(raw: string): { text: string; mentionCount: number } {
  let mentionCount = 0;
  const text = foldApostrophes(raw.slice(0, MAX_UNDERSTOOD_CHARS))
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(MENTION, () => {
      mentionCount += 1;
      return ` ${PERSON_TOKEN} `;
    })
    .replace(MARKUP, ' ')
    .replace(CHECK_MARKS, ' done ')
    .toLowerCase();
  return { text, mentionCount };
}

export interface TextPrepOptions {
  /** Task words: phrase → task id (a phrase may name several tasks). */
  readonly taskNames: PhraseTable<string>;
  /** Words the model knows, for typo correction. */
  readonly vocabulary: ReadonlySet<string>;
  /**
   * The words of the exact commands and the task changes' plain verbs ("skip", "done", "help"): a three- or four-letter
   * word is read as one of these with a letter dropped inside ("skp"), and as no other word, as short words are
   * close to too many.
   */
  readonly commandWords?: ReadonlySet<string>;
  /** Word → the words it is spelled out as (respellingTable); none when absent. */
  readonly respellings?: Respellings;
  /**
   * Words a dictionary has, which are no typo even when the corpus lacks them: "lumber" is not "number", nor "launch"
   * "lunch". The synonym table (synonyms.ts) says which; without it every unknown word may be corrected.
   */
  readonly isWord?: (token: string) => boolean;
  /**
   * Month names: a typo becomes one only beside a number that can be its day ("decmber 15", "the 3rd of janaury"), as a
   * name typed without '@' ("assign 4 to Marco") is one letter from "march", and read as a month it made a due date.
   * A month beside its day that the model never learnt ("feb 12", "the 3rd of sept") is shown to it as one of these
   * that it did.
   */
  readonly months?: ReadonlySet<string>;
  /**
   * Words that make a day one to meet ("due", "by", "until"): a weekday the model never learnt right after one ("due
   * fri", "by thurs") is shown to it as one that it did.
   */
  readonly deadlineWords?: ReadonlySet<string>;
  /**
   * Words an admin tier's shorthand stands before ("our t1 admins", "t2 support"): a "t1" before one of them is the
   * tier, no task. Anywhere else "t3" is task 3 ("start t3", "chown t2 me").
   */
  readonly tierNouns?: ReadonlySet<string>;
  /** A task by its place in the list ("the third step", "the 3rd task"); none read without it. */
  readonly taskOrdinals?: TaskOrdinals;
}

/** The corpus's ordinals of tasks: each word's number, the nouns they name a task before, and what makes it a part. */
export interface TaskOrdinals {
  readonly numbers: ReadonlyMap<string, number>;
  readonly nouns: ReadonlySet<string>;
  readonly partOf: ReadonlySet<string>;
}

/** The corpus's taskOrdinals as prepareText reads them: the first word is 1, the second 2, and so on. */
export function taskOrdinalTable(
  ordinals: Readonly<Record<'words' | 'nouns' | 'partOf', readonly string[]>>,
): TaskOrdinals {
  return {
    numbers: new Map(ordinals.words.map((word, i) => [word, i + 1] as const)),
    nouns: new Set(ordinals.nouns),
    partOf: new Set(ordinals.partOf),
  };
}

export type Respellings = ReadonlyMap<string, readonly string[]>;

/**
 * The corpus's respellings, each replacement split into tokens as messages are (an empty one drops the word). A key
 * of several words is a phrase (respelledPhrases).
 */
export function respellingTable(respellings: Readonly<Record<string, string>>): Respellings {
  return new Map(Object.entries(respellings).map(([word, replacement]) => [word, tokenize(replacement)] as const));
}

export function prepareText(raw: string, options: TextPrepOptions): PreparedText {
  const { text, mentionCount } = cleanText(raw);
  const respellings = options.respellings;
  // Plain loops, not chains of map and flatMap: this runs for every message, and each chain's arrays and closures were
  // a good part of what reading one left to the garbage collector.
  const split: string[] = [];
  for (const typed of tokenize(text)) {
    const token = joinedPrefix(typed, options.vocabulary, respellings);
    const parts =
      respellings?.get(token) ?? contracted(token, options.vocabulary) ?? hyphenated(token, options.vocabulary);
    if (parts === undefined) split.push(token);
    else for (const part of parts) split.push(part);
  }
  const kept = respelledPhrases(split, respellings);
  if (kept.length > MAX_TOKENS) kept.length = MAX_TOKENS;
  // A name written "@Marco" in plain text (not a Teams mention) is nobody's typo: corrected, it had read as "march".
  const named = plainMentions(text);
  let guessedCommandWords = 0;
  const guessedWords: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < kept.length; i += 1) {
    const token = kept[i];
    const corrected = named?.has(token) ? token : correctTypo(token, options.vocabulary, options.commandWords);
    if (
      corrected === token ||
      options.isWord?.(token) ||
      inflected(token, corrected, options.vocabulary) ||
      (options.months?.has(corrected) && !besideDayNumber(kept, i))
    ) {
      tokens.push(token);
      continue;
    }
    if (options.commandWords?.has(corrected)) guessedCommandWords += 1;
    if (corrected[0] !== token[0]) guessedWords.push(corrected);
    tokens.push(corrected);
  }
  spellNumbersOut(tokens);
  const taskMentions: TaskMention[] = [];
  const masked: string[] = [];
  const numbers: number[] = [];
  const asKnownMonth = knownMonthFor(tokens, options);
  const asKnownWeekday = knownWeekdayFor(tokens, options);
  for (let i = 0; i < tokens.length;) {
    const numbered = numberedTaskAt(tokens, i, options.tierNouns) ?? ordinalTaskAt(tokens, i, options.taskOrdinals);
    if (numbered) {
      taskMentions.push({
        start: i,
        end: i + numbered.length,
        ref:
          'heard' in numbered && numbered.heard
            ? { kind: 'number', number: numbered.number, heard: true }
            : { kind: 'number', number: numbered.number },
      });
      pushTask(masked);
      i += numbered.length;
      continue;
    }
    const named = options.taskNames.matchAt(tokens, i);
    if (named) {
      taskMentions.push({
        start: i,
        end: named.end,
        ref: { kind: 'words', taskIds: named.meanings, words: tokens.slice(i, named.end).join(' ') },
      });
      pushTask(masked);
      i = named.end;
      continue;
    }
    // Without a task mention nothing was merged, so a position in `masked` is the same in `tokens`.
    if (/^\d+$/.test(tokens[i])) numbers.push(masked.length);
    masked.push(/^\d+$/.test(tokens[i]) ? NUMBER_TOKEN : asKnownWeekday(i, asKnownMonth(i)));
    i += 1;
  }
  // A lone small number with no task named ("3 is finished") is read as a task, as taskReading.ts's findTask reads it.
  if (taskMentions.length === 0 && numbers.length === 1 && /^\d{1,2}$/.test(tokens[numbers[0]]))
    masked[numbers[0]] = TASK_TOKEN;
  return { tokens, masked: masked.join(' '), taskMentions, mentionCount, guessedCommandWords, guessedWords };
}

/** The names written "@Name" in plain text; undefined when there is none, as in most messages. */
function plainMentions(text: string): Set<string> | undefined {
  if (!text.includes('@')) return undefined;
  const named = new Set<string>();
  for (const found of text.matchAll(PLAIN_MENTION)) named.add(found[1]);
  return named;
}

/**
 * Whether the typed word is another form of a known one, of one stem with it, rather than a slip: a base form of the
 * correction, or an inflection of it or of any known word ("servers" of "server", "suppose" of "supposed", "owned" of
 * "own"; not "progres" of "progress", nor "skiped" of "skip"). Corrected, a plural lost what counts it ("3 servers done"
 * read as "3 server done" named task 3), "suppose" became the "supposed" that asks for a change and "owned" the
 * "owner" that gives a task. The model reads both forms alike, as it learns stems.
 */
function inflected(token: string, corrected: string, vocabulary: ReadonlySet<string>): boolean {
  const root = stem(token);
  if (stem(corrected) === root && baseForms(corrected).includes(token)) return true;
  return baseForms(token).some((form) => form !== token && vocabulary.has(form) && stem(form) === root);
}

/** A day of the month ("15", "3rd") right before or after `at`, or before its "of" ("the 3rd of decmber"). */
function besideDayNumber(tokens: readonly string[], at: number): boolean {
  const before = tokens[at - 1] === 'of' ? at - 2 : at - 1;
  return DAY_NUMBER.test(tokens[before] ?? '') || DAY_NUMBER.test(tokens[at + 1] ?? '');
}

const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th)?$/;

/**
 * The word the model is shown for the token at a position: a month beside its day that the model never learnt ("due
 * feb 12", "12 sept", "the 3rd of apr") as a month name it did learn, the token itself otherwise. The training
 * sentences name only a few months, so "feb" had counted as a word the model did not know, and a due date in February
 * was offered where one in December was set; the day itself is read from the tokens, as typed. Alone a month's name may
 * be another word ("may I", "march on") and stays as typed.
 */
function knownMonthFor(tokens: readonly string[], options: TextPrepOptions): (at: number) => string {
  let known: string | undefined;
  return (at) => {
    const token = tokens[at];
    if (!options.months || options.vocabulary.has(token) || monthOf(token) === undefined) return token;
    if (!besideDayNumber(tokens, at)) return token;
    known ??= [...options.months].find((month) => options.vocabulary.has(month)) ?? token;
    return known;
  };
}

/**
 * The word the model is shown for a weekday it never learnt, cut short, right after a word that makes it a day to meet
 * ("due fri", "by thurs", "until weds"): a weekday it did learn, as "due fri" had been offered where "due friday" was
 * set. Elsewhere `word`, as such a word may be another ("I sat with the team", "the sun").
 */
function knownWeekdayFor(tokens: readonly string[], options: TextPrepOptions): (at: number, word: string) => string {
  let known: string | undefined;
  return (at, word) => {
    const token = tokens[at];
    if (!options.deadlineWords?.has(tokens[at - 1] ?? '') || options.vocabulary.has(token)) return word;
    if (weekdayOf(token) === undefined) return word;
    known ??= WEEKDAYS.find((weekday) => options.vocabulary.has(weekday)) ?? word;
    return known;
  };
}

/** The most words a respelled phrase has ("let me know"). */
const MAX_RESPELLED_PHRASE = 3;

/**
 * Respellings of a few words together, said as one, longest first; a word of one is never part of another. "let me
 * know" only asks for an answer, as "can you" does: dropped, its "let" is not read as the "let's" that asks to begin.
 */
function respelledPhrases(tokens: string[], respellings: Respellings | undefined): string[] {
  if (!respellings) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let length = Math.min(MAX_RESPELLED_PHRASE, tokens.length - i);
    for (; length >= 2; length -= 1) {
      const replacement = respellings.get(
        length === 2 ? `${tokens[i]} ${tokens[i + 1]}` : `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`,
      );
      if (replacement) {
        out.push(...replacement);
        break;
      }
    }
    if (length < 2) out.push(tokens[i]);
    i += Math.max(length, 1);
  }
  return out;
}

/**
 * A word written with a hyphen after its prefix ("un-tick", "re-assign") is the word the corpus knows without it
 * ("untick"); a hyphenated word known as it is ("to-do"), or whose parts make no known word, stays as typed, and so do
 * numbers ("1-2 weeks" is a range, not 12).
 */
function joinedPrefix(token: string, vocabulary: ReadonlySet<string>, respellings?: Respellings): string {
  if (!/^[a-z]+(?:-[a-z]+)+$/.test(token) || vocabulary.has(token)) return token;
  const joined = token.replace(/-/g, '');
  return vocabulary.has(joined) || respellings?.has(joined) ? joined : token;
}

/**
 * "choose-tool step", "agent-install": words the model knows, joined by a hyphen into one it does not know, are read
 * as those words, so the task they name is found. Known hyphenated words ("pre-reqs") and dates stay whole.
 */
function hyphenated(token: string, vocabulary: ReadonlySet<string>): string[] | undefined {
  if (!/^[a-z]+(?:-[a-z]+)+$/.test(token) || vocabulary.has(token)) return undefined;
  const parts = token.split('-');
  return parts.every((part) => vocabulary.has(part)) ? parts : undefined;
}

/**
 * "config's done", "how're we doing", "where've we got to": a word the model knows with a contracted verb that it does
 * not know as one word is that word and the verb, so both are read. Known words ("what's", "let's", "i'll") stay whole.
 */
function contracted(token: string, vocabulary: ReadonlySet<string>): string[] | undefined {
  const apostrophe = token.lastIndexOf("'");
  if (apostrophe <= 0 || vocabulary.has(token)) return undefined;
  const verb = CONTRACTED_VERBS.get(token.slice(apostrophe + 1));
  const word = token.slice(0, apostrophe);
  return verb !== undefined && vocabulary.has(word) ? [word, verb] : undefined;
}

/** English verbs written as a contraction after a word; "'d" is left out (had or would, and either reads alike). */
const CONTRACTED_VERBS: ReadonlyMap<string, string> = new Map([
  ['s', 'is'],
  ['re', 'are'],
  ['ve', 'have'],
  ['ll', 'will'],
  ['m', 'am'],
]);

/**
 * The training sentences write "{task}" where people write "the prerequisites" or "task 3": an article before a task
 * is dropped, so "working on the prereqs" reads as "working on {task}" does, not as a sentence with an extra word.
 */
function pushTask(masked: string[]): void {
  if (ARTICLES.has(masked[masked.length - 1])) masked.pop();
  masked.push(TASK_TOKEN);
}

const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * "the third step", "the 3rd task": a task by its place in the list, the ordinal and its noun. Not before a word that
 * makes the step a part of something else ("the second step of the wizard", "the 3rd step in the installer").
 */
function ordinalTaskAt(
  tokens: readonly string[],
  at: number,
  ordinals: TaskOrdinals | undefined,
): { length: number; number: number } | undefined {
  if (!ordinals || !ordinals.nouns.has(tokens[at + 1] ?? '') || ordinals.partOf.has(tokens[at + 2] ?? ''))
    return undefined;
  const token = tokens[at];
  const inDigits = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(token);
  const number = inDigits ? Number(inDigits[1]) : ordinals.numbers.get(token);
  return number !== undefined && number > 0 ? { length: 2, number } : undefined;
}

/** "task 3", "#3", "number 3", "step 3", "task #3", "t3", "task3", "step-3": a task by its number. */
function numberedTaskAt(
  tokens: readonly string[],
  at: number,
  tierNouns: ReadonlySet<string> = new Set(),
): { length: number; number: number; heard?: boolean } | undefined {
  const token = tokens[at];
  if (/^#\d{1,3}$/.test(token)) return { length: 1, number: Number(token.slice(1)) };
  // Terse shorthand for a task ("t3 in progress", "close t3", "chown t2 me"); never "t0", not before a word an admin
  // tier names ("our t1 admins"), as tiers are written the same way, and not after an article: "the t2 rollout" names
  // a wave or a plan of the admin's own, not our task 2.
  if (/^t[1-9]\d?$/.test(token) && !tierNouns.has(tokens[at + 1] ?? '') && !ARTICLES.has(tokens[at - 1] ?? ''))
    return { length: 1, number: Number(token.slice(1)) };
  // The word and its number run together ("task3", "step-3"), as typed in a hurry; not "no3".
  const glued = GLUED_TASK.exec(token);
  if (glued && TASK_WORDS.has(glued[1]) && glued[1] !== 'no') return { length: 1, number: Number(glued[2]) };
  if (TASK_WORDS.has(token)) {
    const next = tokens[at + 1];
    if (next !== undefined && /^#?\d{1,3}$/.test(next)) return { length: 2, number: Number(next.replace('#', '')) };
    const spelled = token === 'no' ? undefined : NUMBER_WORDS.get(next ?? '');
    if (spelled !== undefined) return { length: 2, number: spelled };
    const heard = token === 'task' || token === 'step' ? dictatedNumber(next, tokens[at + 2]) : undefined;
    if (heard !== undefined) return { length: 2, number: heard, heard: true };
  }
  return undefined;
}

/**
 * A task's number spelled out on its own ("mark three done", "drop four, it's not relevant", "due date for four: …")
 * becomes its digits, so it is read as a lone number is (a task when it is the message's only number). Only where a
 * task's number stands: at the end, or before a word that goes on about the task or a date. Not "one" ("the next one"),
 * and not a count of something ("two forests", "in two weeks", "three of them", "two to three days").
 */
function spellNumbersOut(tokens: string[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    const number = NUMBER_WORDS.get(tokens[i]);
    if (number === undefined || number === 1 || TASK_WORDS.has(tokens[i - 1] ?? '')) continue;
    const next = tokens[i + 1];
    if (next === undefined || AFTER_SPELLED_TASK.has(next) || /\d/.test(next)) tokens[i] = String(number);
  }
}

const AFTER_SPELLED_TASK: ReadonlySet<string> = new Set([
  'is',
  'was',
  'as',
  'done',
  'complete',
  'completed',
  'finished',
  'skipped',
  'started',
  'reopened',
  'now',
  'please',
  'pls',
  'thanks',
  'thx',
  'then',
  'for',
  'by',
  'due',
  'off',
  'back',
  'already',
  'today',
  'tomorrow',
  'asap',
  "it's",
  'it',
  'we',
  'i',
  "i'm",
]);

/**
 * Speech-to-text writes a task's number as the word that sounds like it ("mark task for as done", "assign task tree to
 * me", "reopen task too"). "to" and "for" are read so only where they cannot be the preposition: at the end of the
 * message, or "for" before a word that goes on about the task ("task for as done"), never before whom or when it is
 * for ("the task for me", "task for friday").
 */
function dictatedNumber(word: string | undefined, after: string | undefined): number | undefined {
  if (word === 'tree') return 3;
  if (word === 'too') return 2;
  if (word === 'to') return after === undefined ? 2 : undefined;
  if (word === 'for' || word === 'fore') return after === undefined || AFTER_DICTATED_FOUR.has(after) ? 4 : undefined;
  return undefined;
}

const AFTER_DICTATED_FOUR: ReadonlySet<string> = new Set(['as', 'is', 'done', 'now', 'please', 'pls', 'complete']);

/**
 * A word the model has never seen, one edit (or one swap of neighbours) away from exactly one word it has,
 * is read as that word: "stauts" → "status". Too many near words mean no guess, unless exactly one of them keeps the
 * typed word's first letter, which hurried typing rarely gets wrong ("asign" is "assign", not "sign"). Short words
 * are read only through the slips that leave them recognisable: two swapped letters in four ("taks", "hlep"), and a
 * command word of four or five letters with one dropped inside, its first and last kept ("skp" for "skip").
 */
export function correctTypo(
  token: string,
  vocabulary: ReadonlySet<string>,
  commandWords: ReadonlySet<string> = NO_WORDS,
): string {
  if (token.length < 3 || vocabulary.has(token) || /\d/.test(token)) return token;
  if (token.length > 4) return nearest(token, vocabulary, withinOneEdit, commandWords);
  // Two swapped letters keep every letter typed: a closer slip than a dropped one ("taks" is "task", not "tasks").
  const swapped = token.length === 4 ? nearest(token, vocabulary, swappedOnce, commandWords) : token;
  if (swapped !== token) return swapped;
  return nearest(token, vocabulary, commandWordDropped, commandWords);
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** A command word with one letter dropped inside it ("skp" / "skip"). */
function commandWordDropped(typed: string, word: string, commandWords: ReadonlySet<string>): boolean {
  return commandWords.has(word) && innerLetterDropped(typed, word);
}

/**
 * The one known word `near` the token, or the one of them that keeps its first letter; the token when there is none.
 * Counted as it goes, without a list of the near words: it runs for every word a message has that the model lacks.
 */
function nearest(
  token: string,
  vocabulary: ReadonlySet<string>,
  near: (typed: string, word: string, commandWords: ReadonlySet<string>) => boolean,
  commandWords: ReadonlySet<string>,
): string {
  let found = 0;
  let lastFound = token;
  let sameStart = 0;
  let lastSameStart = token;
  // A doubled letter typed once is the commonest slip left ("fliped"): the one near word with the token's first letter
  // that only doubles a letter of it is meant ("flipped", not "flied").
  let doubled = 0;
  let lastDoubled = token;
  for (const word of candidatesFor(token.length, vocabulary)) {
    if (!near(token, word, commandWords)) continue;
    found += 1;
    lastFound = word;
    if (word[0] !== token[0]) continue;
    sameStart += 1;
    lastSameStart = word;
    if (doublesALetter(token, word)) {
      doubled += 1;
      lastDoubled = word;
    }
  }
  if (found === 1) return lastFound;
  if (sameStart === 1) return lastSameStart;
  return doubled === 1 ? lastDoubled : token;
}

/** Whether `word` is `token` with one of its letters doubled ("asign" / "assign"). */
function doublesALetter(token: string, word: string): boolean {
  if (word.length !== token.length + 1) return false;
  let i = 0;
  while (i < token.length && token[i] === word[i]) i += 1;
  return i > 0 && word[i] === word[i - 1] && sameFrom(token, i, word, i + 1);
}

/** Whether `a` from `atA` on is `b` from `atB` on, compared in place rather than as two new strings. */
function sameFrom(a: string, atA: number, b: string, atB: number): boolean {
  if (a.length - atA !== b.length - atB) return false;
  for (let k = 0; atA + k < a.length; k += 1) if (a.charCodeAt(atA + k) !== b.charCodeAt(atB + k)) return false;
  return true;
}

/** `word` is `typed` with one more letter inside it: the first and last letters are where they were ("skp" / "skip"). */
function innerLetterDropped(typed: string, word: string): boolean {
  if (word.length !== typed.length + 1 || word[0] !== typed[0] || word.at(-1) !== typed.at(-1)) return false;
  let i = 0;
  while (i < typed.length && typed[i] === word[i]) i += 1;
  return sameFrom(typed, i, word, i + 1);
}

const byLength = new WeakMap<ReadonlySet<string>, ReadonlyMap<number, readonly string[]>>();

/** Known words of 4 letters or more within one letter of `length`; grouped once per vocabulary, as scanning all of it per word was most of a message's cost. */
function candidatesFor(length: number, vocabulary: ReadonlySet<string>): readonly string[] {
  let groups = byLength.get(vocabulary);
  if (!groups) {
    const built = new Map<number, string[]>();
    for (const word of vocabulary) {
      if (word.length < 4) continue;
      for (const near of [word.length - 1, word.length, word.length + 1]) {
        const group = built.get(near) ?? [];
        group.push(word);
        built.set(near, group);
      }
    }
    groups = built;
    byLength.set(vocabulary, groups);
  }
  return groups.get(length) ?? [];
}

/** Same letters, two neighbours swapped once ("taks" / "task"). */
function swappedOnce(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
}

/** Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of adjacent letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i += 1;
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  // Without a pair of the two: this runs against hundreds of known words for each word the model lacks.
  const short = a.length < b.length ? a : b;
  const long = a.length < b.length ? b : a;
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return sameFrom(short, i, long, i + 1);
}
