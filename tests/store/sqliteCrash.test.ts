import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../src/store/documentStore';
import { SqliteStorage } from '../../src/store/sqliteStorage';

/**
 * A process writing through SqliteStorage is killed with SIGKILL in the middle of a burst: nothing it acknowledged may be
 * lost, no batch may be half-written, and the file must open clean and take new writes. Four rounds on the same file,
 * killed at different depths, so the later rounds also start from a file recovered after a kill.
 */
const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'tests', 'fixtures', 'register-ts.js');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'sqliteBurst.ts');
/** The last round also stops reading the child's output for a while, so its acknowledgements meet a full pipe. */
const ROUNDS = [{ killAfter: 150 }, { killAfter: 1_500 }, { killAfter: 4_000 }, { killAfter: 500, slowReader: true }];

interface Acks {
  batches: number[];
  counter: number;
}

const children = new Set<ChildProcess>();
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-guide-crash-'));
  file = join(dir, 'crash.sqlite');
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Batches of this round the burst has committed so far, read from the file beside it (0 before its table exists). */
function committedBatches(prefix: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file);
  try {
    return (db.prepare("SELECT count(*) AS n FROM items WHERE key LIKE ? || '/batch/%/a'").get(prefix) as { n: number })
      .n;
  } catch (error) {
    if (/no such table/.test((error as Error).message)) return 0;
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Resolves with the batches committed once the burst has committed some and then made no progress for a second: with
 * the test not reading, its pipe is full and every further acknowledgement waits. Also resolves as soon as the child
 * has exited, which its exit handler reports. Resolving early (the child merely descheduled) only shortens the stall.
 */
async function stalled(prefix: string, child: ChildProcess): Promise<number> {
  const running = () => child.exitCode === null && child.signalCode === null;
  let last = -1;
  for (let same = 0; same < 5 && running();) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = committedBatches(prefix);
    same = now > 0 && now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

/**
 * Runs the burst until `killAfter` batches are acknowledged, then SIGKILLs it and returns what it acknowledged.
 * `slowReader` first stops reading its output until the pipe is full, as a test process on a busy machine can fall
 * behind, and then wants `killAfter` more batches than were committed by then.
 */
function burstAndKill(prefix: string, killAfter: number, slowReader = false): Promise<Acks> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, FIXTURE, file, prefix], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let target = killAfter;
    if (slowReader) {
      child.stdout.pause();
      stalled(prefix, child).then((committed) => {
        target = committed + killAfter;
        child.stdout.resume();
      }, reject);
    }
    const acks: Acks = { batches: [], counter: 0 };
    let buffered = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, value] = line.split(' ');
        if (kind === 'batch') acks.batches.push(Number(value));
        if (kind === 'counter') acks.counter = Number(value);
      }
      if (!killed && acks.batches.length >= target) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.once('error', reject);
    // 'close', not 'exit': 'exit' can come before the last lines in the pipe were read, and those are acknowledgements too.
    child.once('close', (code, signal) => {
      children.delete(child);
      for (const line of buffered.split('\n')) {
        const [kind, value] = line.split(' ');
        if (kind === 'batch' && value) acks.batches.push(Number(value));
        if (kind === 'counter' && value) acks.counter = Number(value);
      }
      if (signal !== 'SIGKILL')
        reject(
          new Error(
            `burst ended by itself (code ${code}, signal ${signal}) after ${acks.batches.length} batches: ${stderr}`,
          ),
        );
      else resolve(acks);
    });
  });
}

describe('SQLite survives SIGKILL in the middle of a burst of writes', () => {
  for (const [round, { killAfter, slowReader = false }] of ROUNDS.entries()) {
    const when = slowReader
      ? `${killAfter} batches after a test that fell behind reading caught up`
      : `${killAfter} acknowledged batches`;
    it(`round ${round + 1}: killed after ${when}, keeps every acknowledged write`, async () => {
      const prefix = `round${round + 1}`;
      const acks = await burstAndKill(prefix, killAfter, slowReader);
      expect(acks.batches.length).toBeGreaterThanOrEqual(killAfter);

      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db.prepare("SELECT key FROM items WHERE key LIKE ? || '/batch/%'").all(prefix) as {
          key: string;
        }[];
        const parts = new Map<number, Set<string>>();
        for (const { key } of rows) {
          const [, , i, part] = key.split('/');
          parts.set(Number(i), (parts.get(Number(i)) ?? new Set()).add(part));
        }
        // A batch is one transaction: both documents or neither, even for the write the kill interrupted.
        const torn = [...parts].filter(([, set]) => set.size !== 2).map(([i]) => i);
        expect(torn).toEqual([]);
        const missing = acks.batches.filter((i) => !parts.has(i));
        expect(missing).toEqual([]);
        // At most the one batch that committed after its line could be printed.
        expect(parts.size - acks.batches.length).toBeLessThanOrEqual(1);
      } finally {
        db.close();
      }

      const storage = new SqliteStorage(file);
      try {
        const counters = new DocumentStore<{ n: number }>(storage, `${prefix}/counter`);
        const counter = await counters.read('c');
        expect(counter!.value.n).toBeGreaterThanOrEqual(acks.counter);
        expect(counter!.value.n).toBeLessThanOrEqual(acks.counter + 1);
        const last = acks.batches[acks.batches.length - 1];
        const lastDoc = (await storage.read([`${prefix}/batch/${last}/b`]))[`${prefix}/batch/${last}/b`];
        expect(lastDoc).toMatchObject({ i: last, part: 'b' });

        // The recovered file takes new writes, conditional ones included.
        const outcome = await counters.update('c', (current) => ({
          next: { n: current.n + 1 },
          result: current.n + 1,
        }));
        expect(outcome).toMatchObject({ kind: 'written', result: counter!.value.n + 1 });
        await storage.write({ [`${prefix}/after-crash`]: { ok: true } });
        expect((await storage.read([`${prefix}/after-crash`]))[`${prefix}/after-crash`]).toMatchObject({ ok: true });
      } finally {
        await storage.close();
      }
    });
  }
});
