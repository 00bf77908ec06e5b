/**
 * Writes nlu/<locale>.learnt.json: the sentences and questions of the tuning sets outside authors wrote
 * (tests/understanding/dev*.<locale>.json): the sentences train the second model the bot asks before it acts, the
 * questions are example questions of the guide part that answers them
 * (src/understanding/learnt.ts). A held-out set's lines are only left out, never learnt. Run it after adding or
 * changing a tuning or held-out set; a test fails while the file and what this writes differ.
 *
 *   npm run learnt [-- --locale en]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The sources are loaded at run time (through register-ts), as the bench does: scripts/ compiles on its own.
const ROOT = join(__dirname, '..');
const { loadCorpus, CORPUS_DIR } = require(join(ROOT, 'src', 'understanding', 'corpus')) as {
  loadCorpus(locale: string): object;
  CORPUS_DIR: string;
};
type LabeledFiles = ReadonlyArray<{ name: string; text: string }>;
const { learntFile, formatLearntFile, tuningLines, tuningQuestions, heldOutLines, isTuningSet, isHeldOutSet } = require(
  join(ROOT, 'src', 'understanding', 'learnt'),
) as {
  learntFile(
    corpus: object,
    lines: readonly object[],
    leaveOut: readonly object[],
    questions: readonly object[],
  ): {
    intents: Record<string, readonly string[]>;
    questions: Record<string, readonly string[]>;
    chatter: readonly string[];
  };
  formatLearntFile(file: object): string;
  tuningLines(files: LabeledFiles, locale: string): object[];
  tuningQuestions(files: LabeledFiles, locale: string): object[];
  heldOutLines(files: LabeledFiles, locale: string): object[];
  isTuningSet(name: string, locale: string): boolean;
  isHeldOutSet(name: string, locale: string): boolean;
};

const localeAt = process.argv.indexOf('--locale');
const locale = localeAt > 0 ? process.argv[localeAt + 1] : 'en';
const dir = join(ROOT, 'tests', 'understanding');
// The held-out sets are read only for the sentences to leave out; nothing is learnt from them.
const files = readdirSync(dir)
  .filter((name) => isTuningSet(name, locale) || isHeldOutSet(name, locale))
  .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
const lines = tuningLines(files, locale);
const questions = tuningQuestions(files, locale);
const file = learntFile(loadCorpus(locale), lines, heldOutLines(files, locale), questions);
const target = join(CORPUS_DIR, `${locale}.learnt.json`);
writeFileSync(target, formatLearntFile(file));
const count = Object.values(file.intents).reduce((sum, sentences) => sum + sentences.length, 0);
const asked = Object.values(file.questions).reduce((sum, texts) => sum + texts.length, 0);
console.log(
  `${target}: ${count} sentences and ${file.chatter.length} lines of chatter from ${lines.length} labeled lines, and ${asked} of ${questions.length} questions of the tuning sets`,
);
