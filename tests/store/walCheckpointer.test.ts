import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../src/store/sqliteStorage';
import { WalCheckpointer } from '../../src/store/walCheckpointer';

/** How long `eventually` keeps polling: it returns as soon as the check holds, so only a failure waits this long. */
const PATIENCE_MS = 30_000;

async function eventually(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('WAL checkpoints off the request path', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-wal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("copies committed pages into the database file from the worker, below the connection's own checkpoint threshold", async () => {
    const path = join(dir, 'bot.sqlite');
    const storage = new SqliteStorage(path);
    try {
      // About 1,500 pages: well below the 10,000-page backstop, so only the worker can have moved them.
      const doc = { text: 'x'.repeat(3000) };
      for (let i = 0; i < 1500; i++) await storage.write({ [`plans/${i}`]: doc });
      expect(await eventually(() => statSync(path).size > 4_000_000, PATIENCE_MS)).toBe(true);
      expect(Object.keys(await storage.read(['plans/0', 'plans/1499']))).toHaveLength(2);
    } finally {
      await storage.close();
    }
  });

  it('reports a checkpointer that cannot open its file once, instead of failing the process', async () => {
    const errors: string[] = [];
    const checkpointer = new WalCheckpointer(join(dir, 'missing.sqlite'), {
      intervalMs: 20,
      onError: (message) => errors.push(message),
    });
    expect(await eventually(() => errors.length > 0, PATIENCE_MS)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/could not open the database: .*(unable to open|does not exist)/i);
    await checkpointer.stop();
  });
});

describe('closing a file-backed store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-wal-close-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // SQLite folds the log back in and deletes it only when the last connection to the file closes, so the worker's
  // connection has to be gone before the main one closes; a leftover log is a crash signal to the next start.
  it('leaves no write-ahead log behind, every time', async () => {
    const leftovers: number[] = [];
    for (let round = 0; round < 3; round++) {
      const path = join(dir, `bot-${round}.sqlite`);
      const storage = new SqliteStorage(path);
      const sizeBefore = statSync(path).size;
      await storage.write({ [`plans/${round}`]: { text: 'x'.repeat(2000) } });
      // The worker's first checkpoint copies the write into the file: by then it has its own connection open, as in
      // any store that ran for a while. Waiting for that, not for a fixed time, also holds on a slow machine.
      expect(await eventually(() => statSync(path).size > sizeBefore, PATIENCE_MS)).toBe(true);
      await storage.close();
      if (existsSync(`${path}-wal`)) leftovers.push(round);
    }
    expect(leftovers).toEqual([]);
  });
});
