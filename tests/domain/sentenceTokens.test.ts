import { misspelledOnce, PhraseTable, sentenceTokens } from '../../src/domain/sentenceTokens';

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

describe('sentenceTokens: a line break ends a sentence', () => {
  it.each<[string, string[]]>([
    ['- PHS\n- no staging', ['phs', ';', 'no', 'staging']],
    ['• two forests\r\n• hybrid join', ['two', 'forests', ';', 'hybrid', 'join']],
    // A line already ended, and a break before the first word, add nothing.
    ['one forest.\nPHS', ['one', 'forest', '.', 'phs']],
    ['\n\nPHS', ['phs']],
    ['we run connect on one box', ['we', 'run', 'connect', 'on', 'one', 'box']],
  ])('%j → %j', (text, expected) => {
    expect(sentenceTokens(text)).toEqual(expected);
  });
});

describe('sentenceTokens: an arrow points at a result, as a colon does', () => {
  it.each<[string, string[]]>([
    ['Count -> 4120', ['count', ':', '4120']],
    ['objects => 131000', ['objects', ':', '131000']],
    // Alone, ">" still says more than.
    ['> 100k', ['>', '100k']],
  ])('%j → %j', (text, expected) => {
    expect(sentenceTokens(text)).toEqual(expected);
  });
});

describe('PhraseTable.findAll: the same matches without a list per call that finds nothing', () => {
  const table = new PhraseTable<string>(
    [
      ['password hash', 'phs'],
      ['pass through', 'pta'],
      ['staging mode', 'staging'],
    ],
    sentenceTokens,
    true,
  );
  it.each<[string, Array<[number, number, string]>]>([
    ['we run password hash sync', [[2, 4, 'phs']]],
    [
      'pass through then pasword hash',
      [
        [0, 2, 'pta'],
        [3, 5, 'phs'],
      ],
    ],
    ['the server sits in stagging mode', [[4, 6, 'staging']]],
    ['nothing here at all', []],
    ['', []],
  ])('%s', (text, expected) => {
    const found = table.findAll(sentenceTokens(text));
    expect(found.map(({ start, end, meanings }) => [start, end, meanings[0]])).toEqual(expected);
  });
  it('every call that finds nothing returns one frozen empty list', () => {
    const none = table.findAll(sentenceTokens('no phrase in this one'));
    expect(table.findAll(sentenceTokens('nor in this'))).toBe(none);
    expect(Object.isFrozen(none)).toBe(true);
  });
});
