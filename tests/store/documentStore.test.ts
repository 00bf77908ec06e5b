import { MemoryStorage, type StoreItems } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../src/store/documentStore';
import { SqliteStorage } from '../../src/store/sqliteStorage';

interface Counter {
  hits: string[];
}

const append = (who: string) => (current: Counter) => ({ next: { hits: [...current.hits, who] }, result: who });

function onSqlite(parsedPrefixes: string[]) {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'docstore-'));
    const storage = new SqliteStorage(join(dir, 'd.sqlite'), { parsedPrefixes });
    return {
      storage: storage,
      done: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

describe.each([
  ['memory', () => ({ storage: new MemoryStorage(), done: async () => {} })],
  ['sqlite', onSqlite([])],
  ['sqlite, documents kept parsed', onSqlite(['counters/'])],
])('DocumentStore on %s', (_name, make) => {
  it('loses no update when 25 writers append at once', async () => {
    const { storage, done } = make();
    const store = new DocumentStore<Counter>(storage, 'counters', {
      maxAttempts: 50,
      backoffMs: () => Math.random() * 3,
    });
    await store.put('c', { hits: [] });
    const writers = Array.from({ length: 25 }, (_, i) => `user-${i}`);
    const outcomes = await Promise.all(writers.map((w) => store.update('c', append(w))));
    expect(outcomes.every((o) => o.kind === 'written')).toBe(true);
    const final = await store.read('c');
    expect([...final!.value.hits].sort()).toEqual([...writers].sort());
    await done();
  });

  it('does not write when the mutation reports no change', async () => {
    const { storage, done } = make();
    const store = new DocumentStore<Counter>(storage, 'counters');
    await store.put('c', { hits: ['a'] });
    const before = await store.read('c');
    const outcome = await store.update('c', () => ({ next: undefined, result: 'same' }));
    expect(outcome.kind).toBe('unchanged');
    expect((await store.read('c'))!.eTag).toBe(before!.eTag);
    await done();
  });

  it('reports a missing document instead of creating one', async () => {
    const { storage, done } = make();
    const store = new DocumentStore<Counter>(storage, 'counters');
    expect((await store.update('nope', append('x'))).kind).toBe('missing');
    expect(await store.read('nope')).toBeUndefined();
    await done();
  });
});

describe('DocumentStore retry bound', () => {
  /** A storage where someone else always writes first: every conditional write conflicts. */
  class AlwaysConflicting extends MemoryStorage {
    writes = 0;
    override async write(changes: StoreItems): Promise<void> {
      this.writes++;
      const conditional = Object.values(changes).some((c) => c.eTag && c.eTag !== '*');
      if (conditional) throw new Error('Storage: error writing "x" due to eTag conflict.');
      return super.write(changes);
    }
  }

  it('gives up after maxAttempts and leaves the document as it was', async () => {
    const storage = new AlwaysConflicting();
    const store = new DocumentStore<Counter>(storage, 'counters', { maxAttempts: 4, backoffMs: () => 0 });
    await store.put('c', { hits: [] });
    storage.writes = 0;
    const outcome = await store.update('c', append('x'));
    expect(outcome).toEqual({ kind: 'gaveUp', attempts: 4 });
    expect(storage.writes).toBe(4);
    expect((await store.read('c'))!.value.hits).toEqual([]);
  });

  it('rethrows errors that are not conflicts', async () => {
    const storage = new MemoryStorage();
    const store = new DocumentStore<Counter>(storage, 'counters');
    await store.put('c', { hits: [] });
    jest.spyOn(storage, 'write').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(store.update('c', append('x'))).rejects.toThrow('disk on fire');
  });
});
