/**
 * Property tests for the questionnaire's typed answers: whatever is typed, parseAnswer answers with a valid value or
 * a re-prompt in a few milliseconds, never throws and changes nothing. Fixed seed, bounded runs; FUZZ_RUNS raises the count.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { POSSIBLE_VALUES } from '../../src/domain/answers';
import { acceptedAnswersHelp, parseAnswer, QUESTIONS, type ParseResult } from '../../src/domain/questions';
import { fastestRunMs, fuzzParameters, hostileText } from '../helpers/hostileText';

const FEW_MS = 5;

describe('parseAnswer, fuzzed', () => {
  it('never throws, answers a valid value or a re-prompt in a few ms, the same way twice, and leaves the questions as they were', () => {
    const catalog = JSON.stringify(QUESTIONS);
    fc.assert(
      fc.property(fc.constantFrom(...QUESTIONS), hostileText(), (question, text) => {
        let result: ParseResult | undefined;
        expect(fastestRunMs(() => (result = parseAnswer(question, text)), FEW_MS)).toBeLessThanOrEqual(FEW_MS);
        if (result!.ok) {
          const possible: readonly unknown[] = POSSIBLE_VALUES[question.id];
          expect(possible.some((value) => isDeepStrictEqual(value, result!.ok && result!.value))).toBe(true);
        } else {
          expect(result!.message).toContain(acceptedAnswersHelp(question));
        }
        expect(parseAnswer(question, text)).toEqual(result);
      }),
      fuzzParameters(300),
    );
    expect(JSON.stringify(QUESTIONS)).toBe(catalog);
  });

  it('reads every choice by number, value, title or synonym however it is cased and punctuated', () => {
    const typed = fc.constantFrom(...QUESTIONS).chain((question) =>
      fc.tuple(
        fc.constant(question),
        fc.integer({ min: 0, max: question.choices.length - 1 }).chain((index) => {
          const choice = question.choices[index];
          return fc.tuple(
            fc.constant(index),
            fc.constantFrom(String(index + 1), choice.value, choice.title, ...choice.synonyms),
          );
        }),
        fc.constantFrom('', ' ', '.', '!', '!!', '  .'),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(typed, ([question, [index, word], ending, shout]) => {
        const result = parseAnswer(question, ` ${shout ? word.toUpperCase() : word}${ending}`);
        expect(result.ok).toBe(true);
        const choice = question.choices[index];
        // A word two choices share ("none" and "no" on a multi-select) may select the earlier one; it must be valid.
        if (result.ok && !question.multi) expect(question.choices.some((c) => c.value === result.value)).toBe(true);
        if (result.ok && !question.multi && /^\d+$/.test(word)) expect(result.value).toBe(choice.value);
      }),
      fuzzParameters(300),
    );
  });
});
