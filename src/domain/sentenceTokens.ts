/**
 * Words of a typed sentence, and phrases found among them: the ground the questionnaire's sentence reader stands on.
 *
 * Everything here is one pass over the text or a bounded loop over tokens. The only pattern run over typed text
 * matches a token at a time, and its alternatives start with different characters, so it never backtracks.
 */

/** A sentence has far fewer words than this; the rest of a long message is not read. */
export const MAX_SENTENCE_TOKENS = 120;

/**
 * A word or number ("don't", "300,000", "1.2", "2.5.79.0", "ws2019"), or one punctuation mark that ends a clause or
 * says more/less/about ("<", ">", "~", "+"). Hyphens and other symbols only separate words: "pass-through" is two.
 */
const TOKEN = /[a-z0-9]+(?:'[a-z]+|,\d+|\.[a-z0-9]+)*|[,;:.!?()<>~+]/g;

/** Punctuation that ends a clause: a negation or a hedge does not reach past it. */
const CLAUSE_MARKS: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', '(', ')']);

export function isClauseMark(token: string): boolean {
  return CLAUSE_MARKS.has(token);
}

/** Typographic apostrophes and a backtick typed for one (phones and Word put in ’) read as a plain apostrophe. */
export function foldApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/**
 * Lower-case tokens of `text`, apostrophes dropped ("don't" → "dont", "we're" → "were"), at most MAX_SENTENCE_TOKENS.
 * The caller bounds the text (see typedText.ts); this stops after enough tokens either way.
 */
export function sentenceTokens(text: string): string[] {
  const folded = foldApostrophes(text.toLowerCase());
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let previousEnd = 0;
  for (
    let match = TOKEN.exec(folded);
    match !== null && tokens.length < MAX_SENTENCE_TOKENS;
    match = TOKEN.exec(folded)
  ) {
    if (isRangeDash(folded, previousEnd, match.index) && tokens.length < MAX_SENTENCE_TOKENS - 1) tokens.push('to');
    if (endsLine(folded, previousEnd, match.index, tokens) && tokens.length < MAX_SENTENCE_TOKENS - 1)
      tokens.push(LINE_END);
    tokens.push(isArrow(folded, match) ? ':' : match[0].replace(/'/g, ''));
    previousEnd = match.index + match[0].length;
  }
  return tokens;
}

/**
 * A line break ends a sentence: each line of a bulleted or pasted list ("- devices: none", "Version : 2.3.20.0") is an
 * answer of its own, so a negation or a hedge on one line does not reach the next.
 */
const LINE_END = ';';
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?', ';']);

/** Whether a line break stands between the last token and the next, with no full stop or the like already ending it. */
function endsLine(text: string, from: number, to: number, tokens: readonly string[]): boolean {
  if (tokens.length === 0 || SENTENCE_ENDS.has(tokens[tokens.length - 1])) return false;
  return text.slice(from, to).includes('\n');
}

/**
 * "->" and "=>" point at a result, as pasted output shows one ("(Get-ADUser -Filter *).Count -> 8211"): read as a colon,
 * not as "more than".
 */
function isArrow(text: string, match: RegExpExecArray): boolean {
  const before = text[match.index - 1];
  return match[0] === '>' && (before === '-' || before === '=');
}

/** Dashes that join two numbers as a range. */
const RANGE_DASHES: ReadonlySet<string> = new Set(['-', '\u2013', '\u2014']);

/**
 * A dash alone (spaces aside) between a digit and a digit: "5-10k", "20 – 30k" is a range, read as "to", while "5 10k
 * groups" stays two numbers (five groups of ten thousand). Looks only at the gap between two tokens.
 */
function isRangeDash(text: string, from: number, to: number): boolean {
  if (from === 0 || !isDigit(text[from - 1]) || !isDigit(text[to])) return false;
  const gap = text.slice(from, to).trim();
  return RANGE_DASHES.has(gap);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Shorter words are left alone: too many other words lie one letter away from them. */
const MIN_MISTYPED_LENGTH = 6;
/** A letter left out that was not doubled is read as a slip only in words this long. */
const MIN_DROPPED_LENGTH = 7;

/** One occurrence of a known phrase: tokens [start, end) and what the phrase stands for. */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly meanings: readonly T[];
}

/** What findAll returns when nothing matches: one list for every table and call, frozen so nobody adds to it. */
const NO_MATCHES: readonly never[] = Object.freeze([]);

/**
 * Finds known phrases in a token list, longest first at each position, never overlapping: "not sure" is one phrase,
 * not a negation of "sure"; "exchange hybrid" is not "hybrid" (join). Phrases are tokenized like the text they are
 * looked for in: sentences here by default, a reader with its own tokens (the understanding's) passes its tokenizer.
 * A phrase listed for several meanings keeps each meaning once.
 */
export class PhraseTable<T> {
  private readonly byFirstToken = new Map<string, Array<{ tokens: readonly string[]; meanings: T[] }>>();
  /** Phrases of several words by their second word, for a typo in the first ("enterprize admin"). */
  private readonly bySecondToken = new Map<string, Array<{ tokens: readonly string[]; meanings: T[] }>>();
  /** Every word of every phrase: a word typed as one of them is no typo of another. */
  private readonly vocabulary = new Set<string>();

  /**
   * With `typos`, a phrase of several words is also found with one of its long words mistyped by a common slip (see
   * misspelledOnce), the others as they are ("aad conect", "stagging server"): the words around it say which was meant.
   */
  constructor(
    entries: Iterable<readonly [phrase: string, meaning: T]>,
    tokenize: (text: string) => string[] = sentenceTokens,
    private readonly typos = false,
  ) {
    const merged = new Map<string, { tokens: readonly string[]; meanings: T[] }>();
    for (const [phrase, meaning] of entries) {
      const tokens = tokenize(phrase.toLowerCase());
      if (tokens.length === 0) throw new Error(`Empty phrase in a phrase table: "${phrase}"`);
      const key = tokens.join(' ');
      const entry = merged.get(key) ?? { tokens, meanings: [] };
      if (!entry.meanings.includes(meaning)) entry.meanings.push(meaning);
      merged.set(key, entry);
    }
    for (const entry of merged.values()) {
      const list = this.byFirstToken.get(entry.tokens[0]) ?? [];
      list.push(entry);
      this.byFirstToken.set(entry.tokens[0], list);
    }
    for (const list of this.byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const entry of merged.values()) {
      for (const token of entry.tokens) this.vocabulary.add(token);
      if (entry.tokens.length < 2) continue;
      const list = this.bySecondToken.get(entry.tokens[1]) ?? [];
      list.push(entry);
      this.bySecondToken.set(entry.tokens[1], list);
    }
  }

  /** Every match, left to right; where phrases overlap the one that starts first wins, then the longest. */
  findAll(tokens: readonly string[]): readonly PhraseMatch<T>[] {
    // Most tables find nothing in most messages: those share one empty list rather than each making its own.
    let found: PhraseMatch<T>[] | undefined;
    for (let at = 0; at < tokens.length;) {
      const exact = this.matchAt(tokens, at);
      const typed = this.typos ? this.mistypedAt(tokens, at) : undefined;
      const match = typed && (!exact || typed.end > exact.end) ? typed : exact;
      if (match) {
        (found ??= []).push(match);
        at = match.end;
      } else {
        at += 1;
      }
    }
    return found ?? NO_MATCHES;
  }

  /** The longest phrase of several words that starts at `at` with exactly one of its long words mistyped. */
  private mistypedAt(tokens: readonly string[], at: number): PhraseMatch<T> | undefined {
    // Runs at every word of every message: plain loops, so reading a message leaves little for the collector.
    const first = this.mistypedAmong(this.byFirstToken.get(tokens[at]), tokens, at, undefined);
    const best = this.mistypedAmong(this.bySecondToken.get(tokens[at + 1]), tokens, at, first);
    return best && { start: at, end: at + best.tokens.length, meanings: best.meanings };
  }

  /** The longest of `candidates` longer than `best` with exactly one word mistyped at `at`, else `best`. */
  private mistypedAmong(
    candidates: ReadonlyArray<{ tokens: readonly string[]; meanings: T[] }> | undefined,
    tokens: readonly string[],
    at: number,
    best: { tokens: readonly string[]; meanings: T[] } | undefined,
  ): { tokens: readonly string[]; meanings: T[] } | undefined {
    if (!candidates) return best;
    for (const candidate of candidates) {
      if (candidate.tokens.length < 2 || (best && best.tokens.length >= candidate.tokens.length)) continue;
      if (this.slipsIn(candidate.tokens, tokens, at) === 1) best = candidate;
    }
    return best;
  }

  /** How many of `words` are mistyped in `tokens` from `at` on, or -1 when one differs otherwise. */
  private slipsIn(words: readonly string[], tokens: readonly string[], at: number): number {
    let mistyped = 0;
    for (let i = 0; i < words.length; i += 1) {
      const token = tokens[at + i];
      if (token === words[i]) continue;
      if (token === undefined || !this.mistyped(token, words[i])) return -1;
      mistyped += 1;
    }
    return mistyped;
  }

  /** A typed word that is no word of any phrase, a common slip away from a long one: "conect" for "connect". */
  private mistyped(token: string, word: string): boolean {
    return (
      word.length >= MIN_MISTYPED_LENGTH &&
      !this.vocabulary.has(token) &&
      !/\d/.test(token) &&
      misspelledOnce(token, word)
    );
  }

  /** The longest phrase that starts at `at`, if any. */
  matchAt(tokens: readonly string[], at: number): PhraseMatch<T> | undefined {
    // Most words open no phrase: they return at once, without an empty list to loop over.
    const candidates = this.byFirstToken.get(tokens[at]);
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      if (wordsAt(candidate.tokens, tokens, at))
        return { start: at, end: at + candidate.tokens.length, meanings: candidate.meanings };
    }
    return undefined;
  }
}

/** Whether `tokens` hold `words` from `at` on. */
function wordsAt(words: readonly string[], tokens: readonly string[], at: number): boolean {
  for (let i = 0; i < words.length; i += 1) if (tokens[at + i] !== words[i]) return false;
  return true;
}

/** Letters that sound alike and are often typed for each other ("enterprize"), both ways. */
const SOUND_ALIKE: ReadonlySet<string> = new Set(['sz', 'zs', 'ck', 'kc']);

/**
 * Whether `typed` is `word` with one of the slips people make in long words: a doubled letter typed once or a single
 * one doubled ("conect", "stagging"), a letter left out inside a word of seven letters or more ("connct"), two
 * neighbours swapped ("hybird"), or s for z and c for k ("enterprize"). Other one-letter differences are left alone,
 * as they mostly make another word ("stating" is not "staging", "sever" is not "server").
 */
export function misspelledOnce(typed: string, word: string): boolean {
  if (typed === word) return false;
  if (Math.abs(typed.length - word.length) === 1) {
    const [short, long] = typed.length < word.length ? [typed, word] : [word, typed];
    let i = 0;
    while (i < short.length && short[i] === long[i]) i += 1;
    const doubled = long[i] === long[i - 1] || long[i] === long[i + 1];
    // A letter left out inside a long word ("connct", "provisoning") seldom makes another word; at its end it often does.
    const inside = typed.length < word.length && word.length >= MIN_DROPPED_LENGTH && i > 0 && i < long.length - 1;
    return (doubled || inside) && short.slice(i) === long.slice(i + 1);
  }
  if (typed.length !== word.length) return false;
  let i = 0;
  while (i < typed.length && typed[i] === word[i]) i += 1;
  if (typed.slice(i + 1) === word.slice(i + 1)) return SOUND_ALIKE.has(typed[i] + word[i]);
  return typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
}
