import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { DEFAULT_MAX_PAGE_BYTES, OversizedEntryError, PagedIndex } from '../../src/store/pagedIndex';
import { SqliteStorage } from '../../src/store/sqliteStorage';
import { twoWritersStartOneScope } from './newPageRace';

interface Entry {
  readonly id: string;
  readonly note: string;
}
const entry = (n: number, note = 'x'.repeat(250)): Entry => ({ id: `entry-${n}`, note });
const make = (storage: Storage, maxPageBytes?: number) =>
  new PagedIndex<Entry>(storage, 'testIndex', { idOf: (e) => e.id, ...(maxPageBytes ? { maxPageBytes } : {}) });

/** Every page document of a scope, as stored. */
async function storedPages(storage: Storage, index: PagedIndex<Entry>, scope: string): Promise<string[]> {
  const pages = await index.pages(scope);
  const keys = pages.map((page) => index.key(scope, page.n));
  const items = await storage.read(keys);
  return keys.map((key) => JSON.stringify(items[key]));
}

/** The storage, with the keys each read asked for. */
function countingReads(storage: Storage): { storage: Storage; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    storage: {
      read: (keys: string[]) => {
        reads.push(...keys);
        return storage.read(keys);
      },
      write: (changes: StoreItems) => storage.write(changes),
      delete: (keys: string[]) => storage.delete(keys),
    },
  };
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
    for (let from = 0; from < 5_000; from += 500)
      await index.upsert(
        'big',
        Array.from({ length: 500 }, (_, i) => entry(from + i)),
      );
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
    await storage.write({
      'testIndex/s': { entries: [entry(1)], more: true, eTag: '*' },
      'testIndex/s/~1': { entries: [entry(1), entry(2)], eTag: '*' },
    });
    const index = make(storage);
    expect((await index.list('s')).map((e) => e.id)).toEqual(['entry-1', 'entry-2']);
    expect(await index.remove('s', (e) => e.id === 'entry-1')).toBe(2);
    expect((await index.list('s')).map((e) => e.id)).toEqual(['entry-2']);
  });

  it.each([
    ['memory', () => new MemoryStorage()],
    ['sqlite', () => new SqliteStorage(':memory:')],
  ])(
    'concurrent upserts on %s all land, across the creation of the first page and of later pages',
    async (_name, storage) => {
      const index = make(storage(), 2_048);
      await Promise.all(Array.from({ length: 40 }, (_, n) => index.upsert('busy', [entry(n)])));
      const ids = (await index.list('busy')).map((e) => e.id).sort();
      expect(ids).toEqual(Array.from({ length: 40 }, (_, n) => `entry-${n}`).sort());
      expect((await index.pages('busy')).length).toBeGreaterThan(4);
    },
  );

  describe('append', () => {
    it('reads a constant handful of pages however long the chain is, and the entry lands at its end', async () => {
      const counted = countingReads(new MemoryStorage());
      const index = make(counted.storage);
      await index.upsert(
        'long',
        Array.from({ length: 12_000 }, (_, n) => entry(n)),
      );
      expect((await index.pages('long')).length).toBeGreaterThan(45);
      // The chain was built by upsert, which leaves no hint: the first append walks it once and leaves one.
      await index.append('long', [entry(20_000)]);
      for (const n of [20_001, 20_002, 20_003]) {
        counted.reads.length = 0;
        await index.append('long', [entry(n)]);
        expect(counted.reads.length).toBeLessThanOrEqual(4);
      }
      const listed = (await index.list('long')).map((e) => e.id);
      expect(listed).toHaveLength(12_004);
      expect(listed.slice(-4)).toEqual(['entry-20000', 'entry-20001', 'entry-20002', 'entry-20003']);
    });

    it('a scope created many pages long by one call is appended to with a constant handful of reads', async () => {
      const counted = countingReads(new MemoryStorage());
      const index = make(counted.storage);
      await index.append(
        'fresh',
        Array.from({ length: 12_000 }, (_, n) => entry(n)),
      );
      expect((await index.pages('fresh')).length).toBeGreaterThan(45);
      counted.reads.length = 0;
      await index.append('fresh', [entry(12_000)]);
      expect(counted.reads.length).toBeLessThanOrEqual(4);
      expect(await index.list('fresh')).toHaveLength(12_001);
    });

    it('keeps reading a constant handful while its appends fill page after page', async () => {
      const counted = countingReads(new MemoryStorage());
      const index = make(counted.storage, 2_048);
      let most = 0;
      for (let n = 0; n < 400; n++) {
        counted.reads.length = 0;
        await index.append('growing', [entry(n)]);
        most = Math.max(most, counted.reads.length);
      }
      expect((await index.pages('growing')).length).toBeGreaterThan(50);
      expect(most).toBeLessThanOrEqual(5);
      expect((await index.list('growing')).map((e) => e.id)).toEqual(
        Array.from({ length: 400 }, (_, n) => `entry-${n}`),
      );
    });

    it('reuses the room a remove made: entries moving out and back in every cycle do not grow the chain', async () => {
      const index = make(new MemoryStorage(), 4_096);
      const week = (cycle: number) =>
        Array.from({ length: 200 }, (_, n) => ({ id: `entry-${n}`, note: `due in week ${cycle} ${'x'.repeat(200)}` }));
      await index.append('slot', week(0));
      const lengths: number[] = [];
      for (let cycle = 1; cycle <= 6; cycle++) {
        // What the scheduler does with a weekly slot: the next week's copies first, then the ones it found due go.
        await index.append('slot', week(cycle));
        await index.remove('slot', (e) => e.note.startsWith(`due in week ${cycle - 1} `));
        lengths.push((await index.pages('slot')).length);
        expect((await index.list('slot')).filter((e) => e.note.startsWith(`due in week ${cycle} `))).toHaveLength(200);
      }
      // One week's 200 entries fill about 13 pages of 4 KB: the chain settles at two weeks' worth and stays there.
      expect(lengths.at(-1)).toBe(lengths[1]);
      expect(lengths.at(-1)).toBeLessThanOrEqual(2 * 14);
    });

    it('a hint naming a page that is not there costs a walk from page 0, not the entry', async () => {
      const storage = new MemoryStorage();
      await storage.write({
        'testIndex/s': { entries: [entry(1)], more: true, appendAt: 99, eTag: '*' },
        'testIndex/s/~1': { entries: [entry(2)], eTag: '*' },
      });
      const index = make(storage);
      await index.append('s', [entry(3)]);
      expect((await index.list('s')).map((e) => e.id).sort()).toEqual(['entry-1', 'entry-2', 'entry-3']);
    });

    it.each([
      ['memory', () => new MemoryStorage()],
      ['sqlite', () => new SqliteStorage(':memory:')],
    ])('concurrent appends on %s all land, across new pages, on one unbroken chain', async (_name, storage) => {
      const index = make(storage(), 2_048);
      await Promise.all(Array.from({ length: 60 }, (_, n) => index.append('busy', [entry(n)])));
      const ids = (await index.list('busy')).map((e) => e.id).sort();
      expect(ids).toEqual(Array.from({ length: 60 }, (_, n) => `entry-${n}`).sort());
      expect((await index.pages('busy')).length).toBeGreaterThan(6);
    });
  });
});

describe('PagedIndex: two instances creating the same new page', () => {
  it.each([
    ['upsert', 'memory', false],
    ['append', 'memory', false],
    ['upsert', 'sqlite', false],
    ['upsert (located)', 'memory', true],
  ] as const)('keeps both first entries (%s, %s)', async (method, backend, locate) => {
    const sqlite = backend === 'sqlite' ? new SqliteStorage(':memory:') : undefined;
    const shared: Storage = sqlite ?? new MemoryStorage();
    try {
      const listed = await twoWritersStartOneScope(shared, method === 'append' ? 'append' : 'upsert', locate);
      expect(listed).toEqual(['entry-1', 'entry-2']);
    } finally {
      await sqlite?.close();
    }
  });
});

/**
 * A process that dies in the middle of a storage call on a backend without multi-document transactions (Blob sends
 * each document as its own request): only the page document of that call reached storage.
 */
function dyingAfterPageWrite(shared: Storage, isPage: (key: string) => boolean) {
  let armed = false;
  const storage: Storage = {
    read: (keys: string[]) => shared.read(keys),
    write: async (changes: StoreItems) => {
      const pages = Object.keys(changes).filter(isPage);
      if (!armed || pages.length === 0) return shared.write(changes);
      armed = false;
      await shared.write(Object.fromEntries(pages.map((key) => [key, changes[key]])));
      throw new Error('the process died here');
    },
    delete: (keys: string[]) => shared.delete(keys),
  };
  return { storage, arm: () => (armed = true) };
}

describe('PagedIndex with locators: a crash between documents never hides an entry', () => {
  const options = { idOf: (e: Entry) => e.id, locate: true };
  const isPage = (key: string) => !key.includes('@');

  it.each([
    ['the first page of a new scope', 0],
    ['an existing page', 1],
  ])('an entry written to %s can be found and removed afterwards', async (_where, before) => {
    const shared = new MemoryStorage();
    const { storage, arm } = dyingAfterPageWrite(shared, isPage);
    const index = new PagedIndex<Entry>(storage, 'crash', options);
    for (let i = 0; i < before; i++) await index.upsert('s', [entry(100 + i)]);
    arm();
    await index.upsert('s', [entry(1)]).catch(() => undefined);
    const after = new PagedIndex<Entry>(shared, 'crash', options);
    const listed = (await after.list('s')).map((e) => e.id);
    // Either the entry made it all the way, or not at all; never listed but unreachable by its id.
    const found = await after.find('s', 'entry-1');
    expect({ listed: listed.includes('entry-1'), found: found?.id }).toEqual(
      listed.includes('entry-1') ? { listed: true, found: 'entry-1' } : { listed: false, found: undefined },
    );
    expect(await after.removeIds('s', ['entry-1'])).toBe(listed.includes('entry-1') ? 1 : 0);
    expect((await after.list('s')).map((e) => e.id)).not.toContain('entry-1');
  });
});
