/** The English corpus's word tables, and a message prepared with them, for tests that read words without a network. */
import { loadCorpus } from '../../src/understanding/corpus';
import { readerWords } from '../../src/understanding/readerWords';
import { prepareText, respellingTable, type PreparedText } from '../../src/understanding/textPrep';

export const corpus = loadCorpus('en');
export const words = readerWords(corpus);

export function prepare(text: string): PreparedText {
  return prepareText(text, {
    taskNames: words.taskNames,
    vocabulary: new Set(),
    respellings: respellingTable(corpus.respellings),
  });
}
