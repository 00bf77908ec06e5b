import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
