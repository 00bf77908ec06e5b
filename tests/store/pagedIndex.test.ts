import { MemoryStorage, type Storage } from 'botbuilder';
import { DEFAULT_MAX_PAGE_BYTES, OversizedEntryError, PagedIndex } from '../../src/store/pagedIndex';
import { SqliteStorage } from '../../src/store/sqliteStorage';

interface Entry {
  readonly id: string;
  readonly note: string;
}
const entry = (n: number, note = 'x'.repeat(250)): Entry => ({ id: `entry-${n}`, note });
const make = (storage: Storage, maxPageBytes?: number) => new PagedIndex<Entry>(storage, 'testIndex', { idOf: (e) => e.id, ...(maxPageBytes ? { maxPageBytes } : {}) });

/** Every page document of a scope, as stored. */
async function storedPages(storage: Storage, index: PagedIndex<Entry>, scope: string): Promise<string[]> {
  const pages = await index.pages(scope);
  const keys = pages.map((page) => index.key(scope, page.n));
  const items = await storage.read(keys);
  return keys.map((key) => JSON.stringify(items[key]));
}

describe('PagedIndex', () => {
  it('adds, replaces in place and removes entries', async () => {
    const index = make(new MemoryStorage());
    await index.upsert('s', [entry(1, 'one'), entry(2, 'two')]);
    await index.upsert('s', [entry(1, 'uno')]);
    expect(await index.list('s')).toEqual([entry(1, 'uno'), entry(2, 'two')]);
    expect(await index.remove('s', (e) => e.id === 'entry-2')).toBe(1);
    expect(await index.list('s')).toEqual([entry(1, 'uno')]);
    expect(await index.list('other')).toEqual([]);
  });

  it('has no cap: 5,000 entries of 270 bytes become a chain of pages, each under the page limit and far under 256 KB', async () => {
    const storage = new MemoryStorage();
    const index = make(storage);
    for (let from = 0; from < 5_000; from += 500) await index.upsert('big', Array.from({ length: 500 }, (_, i) => entry(from + i)));
    // One at a time past the end too: the path a single "turn on" takes.
    await index.upsert('big', [entry(5_000)]);
    const listed = await index.list('big');
    expect(listed).toHaveLength(5_001);
    expect(new Set(listed.map((e) => e.id)).size).toBe(5_001);
    const pages = await storedPages(storage, index, 'big');
    expect(pages.length).toBeGreaterThan(15);
    for (const page of pages) {
      expect(Buffer.byteLength(page)).toBeLessThanOrEqual(DEFAULT_MAX_PAGE_BYTES);
      expect(Buffer.byteLength(page)).toBeLessThan(256 * 1024);
    }
  });

  it('refuses an entry larger than a page and writes nothing', async () => {
    const storage = new MemoryStorage();
    const index = make(storage, 4_096);
    await expect(index.upsert('s', [entry(1, 'y'.repeat(5_000))])).rejects.toBeInstanceOf(OversizedEntryError);
    expect(await storage.read([index.key('s')])).toEqual({});
  });

  it('reads a document of the earlier single-document layout as its first page', async () => {
    const storage = new MemoryStorage();
    await storage.write({ 'testIndex/legacy': { teams: [entry(1), entry(2)], eTag: '*' } });
    const index = new PagedIndex<Entry>(storage, 'testIndex', { idOf: (e) => e.id, field: 'teams' });
    expect(await index.list('legacy')).toEqual([entry(1), entry(2)]);
    await index.upsert('legacy', [entry(3)]);
    expect((await storage.read(['testIndex/legacy']))['testIndex/legacy'].teams).toHaveLength(3);
  });

  it('lists an entry two writers appended to two pages once, and removes it from both', async () => {
    const storage = new MemoryStorage();
    await storage.write({ 'testIndex/s': { entries: [entry(1)], more: true, eTag: '*' }, 'testIndex/s/~1': { entries: [entry(1), entry(2)], eTag: '*' } });
    const index = make(storage);
    expect((await index.list('s')).map((e) => e.id)).toEqual(['entry-1', 'entry-2']);
    expect(await index.remove('s', (e) => e.id === 'entry-1')).toBe(2);
    expect((await index.list('s')).map((e) => e.id)).toEqual(['entry-2']);
  });

  it.each([
    ['memory', () => new MemoryStorage()],
    ['sqlite', () => new SqliteStorage(':memory:')],
  ])('concurrent upserts on %s all land, across the creation of the first page and of later pages', async (_name, storage) => {
    const index = make(storage(), 2_048);
    await Promise.all(Array.from({ length: 40 }, (_, n) => index.upsert('busy', [entry(n)])));
    const ids = (await index.list('busy')).map((e) => e.id).sort();
    expect(ids).toEqual(Array.from({ length: 40 }, (_, n) => `entry-${n}`).sort());
    expect((await index.pages('busy')).length).toBeGreaterThan(4);
  });
});
