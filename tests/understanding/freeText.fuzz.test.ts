/**
 * Property tests for reading free text: whatever a message holds (any code points, lone surrogates, huge numbers, the
 * names an object inherits such as "constructor" or "__proto__", text at the reading limit), the understanding, the
 * guide's answers, the questionnaire's sentence reader and the due-date resolver answer without throwing, the same
 * way twice. Fixed seed, bounded runs; FUZZ_RUNS raises the count. How long the slowest input takes is measured by a
 * script, not asserted here: a shared machine's timings say little about the code.
 */
import fc from 'fast-check';
import { createPlan } from '../../src/domain/plan';
import { QUESTIONS } from '../../src/domain/questions';
import { prepareSentenceReader, readSentence } from '../../src/domain/sentenceReader';
import { MAX_PARSED_TEXT_LENGTH } from '../../src/domain/typedText';
import { recognizeDueDay } from '../../src/understanding/dueDates';
import { planContext } from '../../src/understanding/planContext';
import { sharedUnderstanding, type Interpretation } from '../../src/understanding/understand';
import { fuzzParameters, hostileText } from '../helpers/hostileText';

const NOW = new Date('2026-12-01T10:00:00Z');
const withPlan = planContext(
  createPlan({ id: 'p1', selection: { tool: 'cloudSync' }, createdBy: { id: 'u', name: 'U' }, at: NOW.toISOString() }),
  NOW,
);
const withoutPlan = { now: NOW };
const understanding = sharedUnderstanding();
prepareSentenceReader();

/** Names every object inherits, and others a lookup table keyed by a typed word could trip on. */
const INHERITED = [
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
  'then',
  'length',
  'name',
  'call',
  'apply',
  'bind',
  'size',
  'get',
  'has',
  'NaN',
  'Infinity',
  'undefined',
  'null',
];

const WORDS = [
  ...INHERITED,
  'task',
  '3',
  'done',
  'skip',
  'due',
  'assign',
  'to',
  'me',
  '<at>Ana</at>',
  'by',
  'next',
  'last',
  'in',
  'weeks',
  'days',
  'friday',
  'dec',
  'not',
  'no',
  '?',
  ',',
  '2.4',
  '1e308',
  '-1',
  '0',
  '31/02',
  '2026-02-30',
  '99/99/9999',
  'forests',
  'users',
  '20k',
  'build',
  'remind',
  'watch',
  'off',
];

/** Messages of the words parsers look at, with inherited names among them, in any order. */
const wordy = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((words) => words.join(' '));
/** Numbers far beyond any count, day or version, in the places those are read. */
const huge = fc
  .tuple(
    fc.constantFrom('task ', 'due 3 in ', 'about ', 'we have ', 'build ', 'done ', 'assign ', ''),
    fc.bigInt({ min: 0n, max: 10n ** 40n }),
    fc.constantFrom('', ' days', ' weeks', ' users', 'k', ' forests', ' to me', '.4.1'),
  )
  .map(([before, number, after]) => `${before}${number}${after}`);
/** Text at the reading limit, and just past it. */
const atLimit = fc
  .tuple(fc.constantFrom(...WORDS), fc.integer({ min: MAX_PARSED_TEXT_LENGTH - 2, max: MAX_PARSED_TEXT_LENGTH + 2 }))
  .map(([word, size]) => `${word} `.repeat(size).slice(0, size));
const messages = fc.oneof(hostileText(2_000), wordy, huge, atLimit, fc.constantFrom(...INHERITED));

const KINDS: ReadonlySet<Interpretation['kind']> = new Set([
  'act',
  'choose',
  'whichTask',
  'clarify',
  'answer',
  'noAnswer',
  'help',
]);

describe('reading free text, fuzzed', () => {
  it('interprets any message, with a plan and without, without throwing and the same way twice', () => {
    fc.assert(
      fc.property(messages, fc.boolean(), (text, planned) => {
        const context = planned ? withPlan : withoutPlan;
        const reading = understanding.interpret(text, context);
        expect(KINDS.has(reading.kind)).toBe(true);
        expect(understanding.interpret(text, context)).toEqual(reading);
      }),
      fuzzParameters(150),
    );
  });

  it('answers any question from the guide, or says it has none, without throwing', () => {
    fc.assert(
      fc.property(messages, (text) => {
        expect(() => understanding.answerQuestion(text, withPlan)).not.toThrow();
      }),
      fuzzParameters(150),
    );
  });

  it('reads any sentence as a reply to any question without throwing, the same way twice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTIONS), messages, (question, text) => {
        const reading = readSentence(question, text, {});
        expect(readSentence(question, text, {})).toEqual(reading);
      }),
      fuzzParameters(200),
    );
  });

  it('resolves any text to a real day or none, without throwing', () => {
    fc.assert(
      fc.property(messages, (text) => {
        const day = recognizeDueDay(text, NOW);
        if (day !== undefined) {
          expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
        }
      }),
      fuzzParameters(200),
    );
  });

  it.each(INHERITED)('reads the inherited name %j without throwing, as no day and no assignment', (name) => {
    for (const text of [name, `task ${name}`, `assign ${name} to me`, `due 3 ${name}`, `we have ${name} forests`]) {
      const reading = understanding.interpret(text, withPlan);
      expect(reading.kind === 'act' ? reading.proposal.intent : 'none').not.toBe('assign');
      expect(() => understanding.answerQuestion(text, withPlan)).not.toThrow();
      for (const question of QUESTIONS) expect(() => readSentence(question, text, {})).not.toThrow();
    }
    expect(recognizeDueDay(name, NOW)).toBeUndefined();
  });
});
