/**
 * English stems ("syncing" → "sync") through NLP.js's stemmer, remembered: one call costs tens of microseconds,
 * and the same few thousand words come back in every message. The memory is bounded; past the bound it starts over.
 */
import { StemmerEn } from '@nlpjs/lang-en-min';

const MAX_REMEMBERED = 20_000;
const stemmer = new StemmerEn();
const remembered = new Map<string, string>();

export function stem(word: string): string {
  let found = remembered.get(word);
  if (found === undefined) {
    found = stemmer.stemWord(word);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(word, found);
  }
  return found;
}
