import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../src/store/documentStore';
import { SqliteStorage } from '../../src/store/sqliteStorage';

describe('SqliteStorage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across a close and reopen (a process restart)', async () => {
    const path = join(dir, 'nested', 'bot.sqlite');
    const first = new SqliteStorage(path);
    await first.write({ 'plans/p1': { revision: 3, title: 'Cloud Sync' } });
    const eTag = (await first.read(['plans/p1']))['plans/p1'].eTag;
    await first.close();

    const second = new SqliteStorage(path);
    const item = (await second.read(['plans/p1']))['plans/p1'];
    expect(item).toMatchObject({ revision: 3, title: 'Cloud Sync', eTag });
    await second.close();
  });

  it('sees writes from another connection to the same file (two processes sharing one file)', async () => {
    const path = join(dir, 'shared.sqlite');
    const a = new SqliteStorage(path);
    const b = new SqliteStorage(path);
    await a.write({ k: { v: 1 } });
    const fromB = (await b.read(['k'])).k;
    await a.write({ k: { ...fromB, v: 2 } });
    await expect(b.write({ k: { ...fromB, v: 3 } })).rejects.toThrow(/etag conflict/i);
    expect((await b.read(['k'])).k.v).toBe(2);
    await a.close();
    await b.close();
  });

  it('applies a batch atomically: one conflicting key rejects the whole write', async () => {
    const storage = new SqliteStorage(join(dir, 'batch.sqlite'));
    await storage.write({ a: { v: 1 }, b: { v: 1 } });
    await expect(storage.write({ a: { v: 2 }, b: { v: 2, eTag: 'not-the-current-etag' } })).rejects.toThrow(
      /etag conflict/i,
    );
    const items = await storage.read(['a', 'b']);
    expect([items.a.v, items.b.v]).toEqual([1, 1]);
    await storage.close();
  });

  it('does not store the eTag inside the document', async () => {
    const storage = new SqliteStorage(join(dir, 'etag.sqlite'));
    await storage.write({ k: { v: 1, eTag: '*' } });
    const item = (await storage.read(['k'])).k;
    expect(item.eTag).not.toBe('*');
    await storage.close();
  });

  describe('documents kept parsed', () => {
    const kept = (path: string) => new SqliteStorage(path, { parsedPrefixes: ['plans/'] });
    const plan = (revision: number) => ({ plan: { revision, tasks: [{ id: 't1', status: 'open' }] } });
    type Item = { plan: { revision: number; tasks: Array<{ id: string; status: string }> }; eTag: string };
    const readPlan = async (storage: SqliteStorage) => (await storage.read(['plans/p']))['plans/p'] as Item | undefined;

    it('reads what another connection wrote since, never the copy it kept', async () => {
      const path = join(dir, 'two.sqlite');
      const a = kept(path);
      const b = kept(path);
      await a.write({ 'plans/p': plan(1) });
      expect((await readPlan(a))!.plan.revision).toBe(1);
      expect((await readPlan(b))!.plan.revision).toBe(1);
      await b.write({ 'plans/p': { ...plan(2), eTag: (await readPlan(b))!.eTag } });
      expect((await readPlan(a))!.plan.revision).toBe(2);
      await b.write({ 'plans/p': plan(3) });
      expect((await readPlan(a))!.plan.revision).toBe(3);
      await b.delete(['plans/p']);
      expect(await readPlan(a)).toBeUndefined();
      await a.close();
      await b.close();
    });

    it('sees a write by a plain SQLite connection, with no cache of its own, on the next read', async () => {
      const path = join(dir, 'plain.sqlite');
      const storage = kept(path);
      await storage.write({ 'plans/p': plan(1) });
      expect((await readPlan(storage))!.plan.revision).toBe(1);
      const other = new Database(path);
      other
        .prepare('UPDATE items SET etag = ?, doc = ? WHERE key = ?')
        .run('elsewhere', JSON.stringify(plan(7)), 'plans/p');
      other.close();
      expect(await readPlan(storage)).toMatchObject({ plan: { revision: 7 }, eTag: 'elsewhere' });
      await storage.close();
    });

    it('keeps its copy while other connections write other documents, and while nobody writes', async () => {
      const path = join(dir, 'others.sqlite');
      const a = kept(path);
      const b = kept(path);
      await a.write({ 'plans/p': plan(1) });
      const first = (await readPlan(a))!;
      expect((await readPlan(a))!.plan).toBe(first.plan);
      await b.write({ 'plans/q': plan(5), other: { v: 1 } });
      const afterOthers = (await readPlan(a))!;
      expect(afterOthers.plan).toBe(first.plan);
      expect(afterOthers.eTag).toBe(first.eTag);
      await a.close();
      await b.close();
    });

    it('reads its own writes, and what a rejected batch left as it was', async () => {
      const storage = kept(join(dir, 'own.sqlite'));
      await storage.write({ 'plans/p': plan(1), 'plans/q': plan(1) });
      const before = (await readPlan(storage))!;
      await storage.write({ 'plans/p': { ...plan(2), eTag: before.eTag } });
      const after = (await readPlan(storage))!;
      expect(after.plan.revision).toBe(2);
      await expect(
        storage.write({ 'plans/p': { ...plan(3), eTag: after.eTag }, 'plans/q': { ...plan(1), eTag: 'stale' } }),
      ).rejects.toThrow(/etag conflict/i);
      expect(await readPlan(storage)).toEqual(after);
      await storage.delete(['plans/p']);
      expect(await readPlan(storage)).toBeUndefined();
      await storage.close();
    });

    it.each([
      ['the same connection', false],
      ['two connections', true],
    ])('rejects a write whose eTag an earlier write replaced, on %s', async (_label, twoConnections) => {
      const path = join(dir, `conflict-${twoConnections}.sqlite`);
      const a = kept(path);
      const b = twoConnections ? kept(path) : a;
      await a.write({ 'plans/p': plan(1) });
      const seenByA = (await readPlan(a))!;
      const seenByB = (await readPlan(b))!;
      await a.write({ 'plans/p': { ...plan(2), eTag: seenByA.eTag } });
      await expect(b.write({ 'plans/p': { ...plan(3), eTag: seenByB.eTag } })).rejects.toThrow(/etag conflict/i);
      expect((await readPlan(b))!.plan.revision).toBe(2);
      await a.close();
      if (b !== a) await b.close();
    });

    it('loses no update when two connections take turns changing one document', async () => {
      const path = join(dir, 'turns.sqlite');
      const connections = [kept(path), kept(path)];
      const stores = connections.map(
        (storage) =>
          new DocumentStore<{ hits: string[] }>(storage, 'plans', {
            maxAttempts: 100,
            backoffMs: () => Math.random() * 2,
          }),
      );
      await stores[0].put('p', { hits: [] });
      const writers = Array.from({ length: 40 }, (_, i) => `w${i}`);
      const outcomes = await Promise.all(
        writers.map((who, i) =>
          stores[i % 2].update('p', (current) => ({ next: { hits: [...current.hits, who] }, result: who })),
        ),
      );
      expect(outcomes.map((o) => o.kind)).toEqual(writers.map(() => 'written'));
      for (const store of stores) expect([...(await store.read('p'))!.value.hits].sort()).toEqual([...writers].sort());
      for (const storage of connections) await storage.close();
    });

    it('hands out values no reader can change for the next one', async () => {
      const storage = kept(join(dir, 'frozen.sqlite'));
      await storage.write({ 'plans/p': plan(1) });
      const item = (await readPlan(storage))!;
      expect(() => item.plan.tasks.push({ id: 't2', status: 'open' })).toThrow(TypeError);
      expect(() => {
        item.plan.tasks[0].status = 'done';
      }).toThrow(TypeError);
      expect(() => {
        item.plan.revision = 9;
      }).toThrow(TypeError);
      // The item itself is the reader's own (BotState sets its eTag on it, DocumentStore spreads it).
      (item as { extra?: number }).extra = 1;
      expect(await readPlan(storage)).toEqual({ ...plan(1), eTag: item.eTag });
      await storage.close();
    });

    it('parses documents outside its prefixes on every read, as before, so their readers may change them', async () => {
      const storage = kept(join(dir, 'state.sqlite'));
      await storage.write({ 'state/x': { dialogStack: [] as string[] } });
      const first = (await storage.read(['state/x']))['state/x'] as { dialogStack: string[] };
      first.dialogStack.push('changed by its reader');
      expect((await storage.read(['state/x']))['state/x']).toMatchObject({ dialogStack: [] });
      await storage.close();
    });
  });
});
