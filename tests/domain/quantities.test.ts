import {
  bandsOf,
  findNumbers,
  MAX_NUMBER_RUNS,
  rangeOf,
  versionOf,
  versionRelation,
} from '../../src/domain/quantities';
import { sentenceTokens } from '../../src/domain/sentenceTokens';

const numbersIn = (text: string) => findNumbers(sentenceTokens(text)).map((number) => number.value);

describe("findNumbers: through Microsoft's number recognizer", () => {
  it.each<[string, number[]]>([
    ['about 20k users', [20_000]],
    ['twenty thousand', [20_000]],
    ['roughly 300,000 objects', [300_000]],
    ['1.2 million', [1_200_000]],
    ['1.2m objects', [1_200_000]],
    ['1.5k', [1_500]],
    ['a hundred and fifty thousand objects', [150_000]],
    ['half a million', [500_000]],
    ['50 000 users', [50_000]],
    ['we have 12k users and two forests', [12_000, 2]],
    ['no numbers here', []],
  ])('"%s" → %j', (text, expected) => {
    expect(numbersIn(text)).toEqual(expected);
  });

  it.each<[string, Array<[number, number | undefined]>]>([
    ['15-25k users', [[15_000, 25_000]]],
    ['15 \u2013 25k users', [[15_000, 25_000]]],
    ['from 60 to 80 thousand', [[60_000, 80_000]]],
    // Side by side without a dash they are two counts: three groups of 20k.
    [
      '3 20k groups',
      [
        [3, undefined],
        [20_000, undefined],
      ],
    ],
  ])('"%s": a dash between two numbers joins them as a range → %j', (text, expected) => {
    expect(findNumbers(sentenceTokens(text)).map((number) => [number.value, number.upTo])).toEqual(expected);
  });

  it.each<[string, Array<[number, number | undefined]>]>([
    ['3,5k users', [[3_500, undefined]]],
    ['1,75 million objects', [[1_750_000, undefined]]],
    ['about 7,5 thousand', [[7_500, undefined]]],
    // Before three digits a comma groups thousands; with no magnitude after, one or two digits are no count.
    ['7,500 users', [[7_500, undefined]]],
    ['pages 3,4 of the guide', []],
    ['tens of thousands of users', [[20_000, 99_999]]],
    ['hundreds of thousands', [[200_000, 999_999]]],
  ])('"%s": a decimal comma before a magnitude, and orders of a magnitude → %j', (text, expected) => {
    expect(findNumbers(sentenceTokens(text)).map((number) => [number.value, number.upTo])).toEqual(expected);
  });

  it('knows where each number is, so the words around it can bend it', () => {
    expect(findNumbers(sentenceTokens('under 100 thousand objects'))).toEqual([{ start: 1, end: 3, value: 100_000 }]);
  });

  it(`reads at most ${MAX_NUMBER_RUNS} runs of number words from one message`, () => {
    const text = Array.from({ length: 20 }, (_, i) => `${i + 11} x`).join(' ');
    expect(numbersIn(text)).toHaveLength(MAX_NUMBER_RUNS);
  });
});

describe('ranges and bands', () => {
  const bands = [
    { value: 'small', low: 0, high: 99_999 },
    { value: 'medium', low: 100_000, high: 150_000 },
    { value: 'large', low: 150_001, high: Infinity },
  ];

  it.each<[string, ReturnType<typeof rangeOf>, string[]]>([
    ['exactly 20k', rangeOf(20_000, undefined), ['small']],
    ['under 100k', rangeOf(100_000, 'below'), ['small']],
    ['over 150k', rangeOf(150_000, 'above'), ['large']],
    ['at least 100k', rangeOf(100_000, 'atLeast'), ['medium', 'large']],
    ['about 100k', rangeOf(100_000, 'about'), ['small', 'medium']],
    ['about 120k', rangeOf(120_000, 'about'), ['medium']],
    ['just under 150k', rangeOf(150_000, 'justBelow'), ['medium']],
    ['not more than 50k (negated "more than")', rangeOf(50_000, 'above', true), ['small']],
    ['not anywhere near 50k (negated "near")', rangeOf(50_000, 'about', true), ['small']],
  ])('%s', (_name, range, expected) => {
    expect(bandsOf(range, bands)).toEqual(expected);
  });
});

describe('versions', () => {
  const floor = [2, 5, 79, 0];

  it.each<[string, number[] | undefined]>([
    ['2.4.18', [2, 4, 18]],
    ['2.5.79.0', [2, 5, 79, 0]],
    ['v1.6', [1, 6]],
    ['2.x', [2]],
    ['2016', undefined],
    ['1.2.3.4.5', undefined],
  ])('versionOf("%s") → %j', (token, expected) => {
    expect(versionOf(token)).toEqual(expected);
  });

  it.each<[string, number[] | undefined]>([
    ['2.4.whatever', [2, 4]],
    ['v2.3.sometime', [2, 3]],
    ['2.whatever', [2]],
    ['whatever', undefined],
    ['2.4.18.whatever.1', undefined],
  ])('versionOf("%s"), a last part said in words, → %j', (token, expected) => {
    expect(versionOf(token, new Set(['whatever', 'sometime']))).toEqual(expected);
  });

  it.each<[number[], 'below' | 'above' | undefined, string]>([
    [[2, 4], undefined, 'below'],
    [[2, 5], undefined, 'spans'],
    [[2, 5, 79, 0], undefined, 'atLeast'],
    [[2, 5, 3], undefined, 'below'],
    [[2, 6], undefined, 'atLeast'],
    [[2, 5, 79], 'below', 'below'],
    [[2, 6], 'below', 'spans'],
    [[2, 5, 79], 'above', 'atLeast'],
  ])('%j (qualifier %s) against 2.5.79.0: %s', (prefix, qualifier, expected) => {
    expect(versionRelation(prefix, floor, qualifier)).toBe(expected);
  });
});
