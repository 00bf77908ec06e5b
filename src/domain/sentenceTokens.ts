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
  for (
    let match = TOKEN.exec(folded);
    match !== null && tokens.length < MAX_SENTENCE_TOKENS;
    match = TOKEN.exec(folded)
  ) {
    tokens.push(match[0].replace(/'/g, ''));
  }
  return tokens;
}

/** One occurrence of a known phrase: tokens [start, end) and what the phrase stands for. */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly meanings: readonly T[];
}

/**
 * Finds known phrases in a token list, longest first at each position, never overlapping: "not sure" is one phrase,
 * not a negation of "sure"; "exchange hybrid" is not "hybrid" (join). Phrases are tokenized like the text they are
 * looked for in: sentences here by default, a reader with its own tokens (the understanding's) passes its tokenizer.
 * A phrase listed for several meanings keeps each meaning once.
 */
export class PhraseTable<T> {
  private readonly byFirstToken = new Map<string, Array<{ tokens: readonly string[]; meanings: T[] }>>();

  constructor(
    entries: Iterable<readonly [phrase: string, meaning: T]>,
    tokenize: (text: string) => string[] = sentenceTokens,
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
  }

  /** Every match, left to right; where phrases overlap the one that starts first wins, then the longest. */
  findAll(tokens: readonly string[]): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let at = 0; at < tokens.length;) {
      const match = this.matchAt(tokens, at);
      if (match) {
        found.push(match);
        at = match.end;
      } else {
        at += 1;
      }
    }
    return found;
  }

  /** The longest phrase that starts at `at`, if any. */
  matchAt(tokens: readonly string[], at: number): PhraseMatch<T> | undefined {
    for (const candidate of this.byFirstToken.get(tokens[at]) ?? []) {
      if (candidate.tokens.every((token, i) => tokens[at + i] === token))
        return { start: at, end: at + candidate.tokens.length, meanings: candidate.meanings };
    }
    return undefined;
  }
}
