import { ParsedDocumentCache } from '../../src/store/parsedDocumentCache';

/** A document whose JSON is exactly `length` characters long. */
const json = (length: number) => JSON.stringify({ s: 'x'.repeat(length - 8) });

describe('ParsedDocumentCache', () => {
  it('returns the parsed value, frozen all the way down', () => {
    const cache = new ParsedDocumentCache(1_000);
    const value = cache.set('k', 'e1', JSON.stringify({ a: { b: [1, { c: 2 }] } }), 7);
    expect(value).toEqual({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen((value.a as { b: unknown[] }).b[1])).toBe(true);
    expect(cache.get('k')).toMatchObject({ eTag: 'e1', checkedAt: 7, value });
  });

  it.each([
    // [what happens, keys set in order (each 100 characters of JSON), key read in between or none, keys left]
    ['the oldest goes first once the budget is passed', ['a', 'b', 'c', 'd'], undefined, ['b', 'c', 'd']],
    ['a key read is the newest again', ['a', 'b', 'c', 'd'], 'a', ['a', 'c', 'd']],
    ['a key set again replaces its entry and counts once', ['a', 'b', 'a', 'c'], undefined, ['a', 'b', 'c']],
  ])('keeps at most its budget of JSON: %s', (_what, keys, readAfterThird, left) => {
    const cache = new ParsedDocumentCache(300);
    keys.forEach((key, i) => {
      cache.set(key, `e${i}`, json(100), 0);
      if (i === 2 && readAfterThird) cache.get(readAfterThird);
    });
    expect(['a', 'b', 'c', 'd'].filter((key) => cache.get(key))).toEqual(left);
  });

  it('keeps no document longer than the whole budget, and drops the older entry of its key', () => {
    const cache = new ParsedDocumentCache(300);
    cache.set('a', 'e1', json(100), 0);
    cache.set('big', 'e2', json(100), 0);
    expect(cache.set('big', 'e3', json(301), 0)).toMatchObject({ s: expect.any(String) });
    expect(cache.get('big')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });

  it('frees the budget of what it forgets', () => {
    const cache = new ParsedDocumentCache(300);
    for (const key of ['a', 'b', 'c']) cache.set(key, 'e', json(100), 0);
    cache.delete('a');
    cache.delete('missing');
    cache.set('d', 'e', json(100), 0);
    expect(['a', 'b', 'c', 'd'].filter((key) => cache.get(key))).toEqual(['b', 'c', 'd']);
    expect(cache.size).toBe(3);
  });
});
