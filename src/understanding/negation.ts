/**
 * Whether a message says *not* to do something. The model reads words, not grammar: "don't mark 3 done" shares
 * every word but one with "mark 3 done", so the decision (decide.ts) asks this before acting on a command.
 *
 * - imperative: the message opens (after "please", "ok"…) with a negative order: "don't…", "never…", "let's not…", or
 *   asks anywhere to hold off ("…, wait for my go-ahead").
 * - pending: a negation with "yet"/"still": the task is simply not there yet ("task 3 isn't finished yet").
 * - statement: a negation anywhere else ("we haven't finished the prerequisites", "we don't need it, skip it").
 *
 * A negation after an alternative's word ("done or not", "whether or not the audit passes") negates nothing: it names
 * the other answer. Nor does one before a limiter ("the whole lot, not just the next bit"): it adds.
 *
 * Tokens come from prepareText, contractions already spelled out ("don't" → "do not").
 */
import { PERSON_TOKEN, tokenize } from './textPrep';

export type Negation = 'imperative' | 'pending' | 'statement';

export interface NegationWords {
  readonly words: readonly string[];
  readonly imperatives: readonly string[];
  readonly openers: readonly string[];
  readonly pending: readonly string[];
  readonly alternatives: readonly string[];
  /** Words after which a negation adds rather than refuses ("not just the next bit"). */
  readonly limiters: readonly string[];
  /** Orders to hold off that count wherever they stand ("…, wait for my go-ahead"). */
  readonly holds: readonly string[];
  /** Words of disbelief that deny what the message says ("no way", "yeah right"), looked for as typed. */
  readonly disbelief: readonly string[];
}

const compiled = new WeakMap<NegationWords, Compiled>();
interface Compiled {
  readonly words: ReadonlySet<string>;
  /** Negations of more than one word ("no one"). */
  readonly phrases: ReadonlyArray<readonly string[]>;
  readonly imperatives: ReadonlyArray<readonly string[]>;
  /** Words and phrases said before an order ("ok", "hold on"), which it still opens after. */
  readonly openers: ReadonlyArray<readonly string[]>;
  readonly pending: ReadonlySet<string>;
  readonly alternatives: ReadonlySet<string>;
  readonly limiters: ReadonlySet<string>;
  readonly holds: ReadonlyArray<readonly string[]>;
  readonly disbelief: ReadonlyArray<readonly string[]>;
}

/**
 * `startsTask` says whether a task is named from a token on: "no need for the verification" holds nothing off, it skips
 * the task.
 */
export function negationOf(
  tokens: readonly string[],
  words: NegationWords,
  startsTask: (at: number) => boolean = () => false,
): Negation | undefined {
  const table = compile(words);
  const start = openingEnd(tokens, words);
  // Loops over the phrase tables rather than closures per phrase and position: this runs on every message, and the
  // garbage it left counted in the slowest reads.
  for (const phrase of table.imperatives) if (phraseAt(tokens, start, phrase)) return 'imperative';
  // An order to hold off is one wherever it stands: the clause before it often says what not to do yet ("before you
  // mark anything done, wait for my go-ahead").
  for (const phrase of table.holds) {
    for (let at = 0; at < tokens.length; at++) {
      if (!phraseAt(tokens, at, phrase)) continue;
      const object = at + phrase.length;
      if (!startsTask(object) && !(tokens[object] === 'the' && startsTask(object + 1))) return 'imperative';
    }
  }
  if (!negated(tokens, table)) return undefined;
  for (const token of tokens) if (table.pending.has(token)) return 'pending';
  return 'statement';
}

/** Whether a negation word or phrase stands anywhere but after an alternative's word or (a word) before a limiter. */
function negated(tokens: readonly string[], table: Compiled): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (table.words.has(tokens[i]) && !table.alternatives.has(tokens[i - 1]) && !table.limiters.has(tokens[i + 1]))
      return true;
  }
  for (const phrase of table.phrases) {
    for (let i = 0; i < tokens.length; i++)
      if (!table.alternatives.has(tokens[i - 1]) && phraseAt(tokens, i, phrase)) return true;
  }
  return false;
}

/** Whether `phrase` stands in `tokens` from `at` on (an empty phrase stands everywhere). */
function phraseAt(tokens: readonly string[], at: number, phrase: readonly string[]): boolean {
  for (let i = 0; i < phrase.length; i++) if (tokens[at + i] !== phrase[i]) return false;
  return true;
}

/**
 * The negation a message's words of disbelief make ("task 4 done no way", "yeah right, the install is finished"):
 * a statement, as they deny what the message says. `typed` are the message's words as typed, lower-cased: respelling
 * and typo correction would hide them ("yeah" → "yes", "nicht" → "night").
 */
export function disbelief(typed: readonly string[], words: NegationWords): Negation | undefined {
  const { disbelief: phrases } = compile(words);
  for (let at = 0; at < typed.length; at++)
    for (const phrase of phrases) if (phraseAt(typed, at, phrase)) return 'statement';
  return undefined;
}

/**
 * Where the message proper starts, after the words said before an order ("ok", "please", "hey", a mention of someone
 * addressed): 0 when none opens it.
 */
export function openingEnd(tokens: readonly string[], words: NegationWords): number {
  const table = compile(words);
  let start = 0;
  for (let opener = openerAt(tokens, start, table); opener > 0; opener = openerAt(tokens, start, table))
    start += opener;
  return start;
}

/** How many tokens an opener (or a mention of someone addressed) takes at `at`; 0 when none starts there. */
function openerAt(tokens: readonly string[], at: number, table: Compiled): number {
  if (tokens[at] === PERSON_TOKEN) return 1;
  for (const phrase of table.openers) if (phrase.length > 0 && phraseAt(tokens, at, phrase)) return phrase.length;
  return 0;
}

function compile(words: NegationWords): Compiled {
  let found = compiled.get(words);
  if (!found) {
    const phrases = words.words.map((phrase) => tokenize(phrase));
    found = {
      words: new Set(phrases.filter((phrase) => phrase.length === 1).map(([word]) => word)),
      phrases: phrases.filter((phrase) => phrase.length > 1),
      imperatives: words.imperatives.map((phrase) => tokenize(phrase)),
      openers: words.openers.map((phrase) => tokenize(phrase)),
      pending: new Set(words.pending),
      alternatives: new Set(words.alternatives),
      limiters: new Set(words.limiters),
      holds: words.holds.map((phrase) => tokenize(phrase)),
      disbelief: words.disbelief.map((phrase) => tokenize(phrase)),
    };
    compiled.set(words, found);
  }
  return found;
}
