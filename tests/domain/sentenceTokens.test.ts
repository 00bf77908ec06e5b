import { misspelledOnce } from '../../src/domain/sentenceTokens';

describe('misspelledOnce: the slips a long word is still found with', () => {
  it.each<[string, string, boolean]>([
    // A doubled letter typed once, a single one doubled, neighbours swapped, s for z.
    ['adress', 'address', true],
    ['fedderation', 'federation', true],
    ['forrest', 'forest', true],
    ['hybird', 'hybrid', true],
    ['authorise', 'authorize', true],
    // The word itself is no slip.
    ['writeback', 'writeback', false],
    // A letter left out inside a long word.
    ['provisoning', 'provisioning', true],
    ['connct', 'connect', true],
    ['authentcation', 'authentication', true],
    // Left out at the end, or from a shorter word, or a plural, it is another word or another kind of slip.
    ['stagin', 'staging', false],
    ['federatio', 'federation', false],
    ['sever', 'server', false],
    ['servers', 'server', false],
    // A letter changed for one that does not sound alike mostly makes another word.
    ['stating', 'staging', false],
    ['tenent', 'tenant', false],
  ])('"%s" for "%s" → %s', (typed, word, expected) => {
    expect(misspelledOnce(typed, word)).toBe(expected);
  });
});
