import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SqliteStorage } from '../../src/store/sqliteStorage';

/**
 * Bot instances that start together on one new SQLite file each switch it to WAL mode. On a new file the switch needs
 * an exclusive lock, and while another connection holds the file's write lock (as an instance creating its table or
 * switching the mode itself does) SQLite refuses the switch at once with SQLITE_BUSY instead of waiting on the busy
 * timeout. The store must wait its turn rather than fail to start.
 */
const ROOT = join(__dirname, '..', '..');
const REGISTER = join(ROOT, 'tests', 'fixtures', 'register-ts.js');
const OPENER = join(ROOT, 'tests', 'fixtures', 'sqliteOpen.ts');
const RACE_ROUNDS = 25;

// Creates the file as SQLite does by default (a rollback journal, not yet WAL), takes its write lock, says "locked",
// and lets go after the given milliseconds or when stdin ends, whichever comes first.
const HOLD = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('CREATE TABLE IF NOT EXISTS other (k)');
db.exec('BEGIN IMMEDIATE');
console.log('locked');
const release = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
setTimeout(release, Number(process.argv[3]));
process.stdin.on('end', release);
process.stdin.resume();
`;

jest.setTimeout(120_000);

const children: ChildProcess[] = [];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-guide-sqlite-open-'));
});

afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
  rmSync(dir, { recursive: true, force: true });
});

/** Ends a child by closing its stdin, as each fixture expects; SIGKILL if it has not gone 10 s later. */
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.stdin!.end();
  });
}

function start(args: string[]): { child: ChildProcess; nextLine: () => Promise<string> } {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    nextLine: async () => {
      const next = await lines.next();
      if (next.done) throw new Error(`the child process ended early (exit code ${child.exitCode})`);
      return next.value;
    },
  };
}

/** Another process holding the write lock of a new file at `path`, for at most `ms`. */
async function holdWriteLock(path: string, ms: number): Promise<void> {
  const holder = start(['-e', HOLD, require.resolve('better-sqlite3'), path, String(ms)]);
  expect(await holder.nextLine()).toBe('locked');
}

it('waits while another process holds the new file, instead of failing to switch it to WAL mode', async () => {
  const path = join(dir, 'held.sqlite');
  await holdWriteLock(path, 500);
  const storage = new SqliteStorage(path, { warn: () => undefined });
  await storage.write({ k: { v: 1 } });
  expect((await storage.read(['k'])).k.v).toBe(1);
  await storage.close();
});

it('says which file stayed locked and what to do when the other process does not let go', async () => {
  const path = join(dir, 'stuck.sqlite');
  await holdWriteLock(path, 60_000);
  expect(() => new SqliteStorage(path, { warn: () => undefined })).toThrow(
    new RegExp(
      `SQLite file ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} stayed locked by another process[\\s\\S]*SQLITE_PATH`,
    ),
  );
});

it('opens when two processes open the same new file at the same moment, again and again', async () => {
  const openers = [0, 1].map(() => start(['-r', REGISTER, OPENER]));
  expect(await Promise.all(openers.map((opener) => opener.nextLine()))).toEqual(['ready', 'ready']);
  const failures: string[] = [];
  for (let round = 0; round < RACE_ROUNDS; round++) {
    // Far enough ahead that both have the line before the moment comes, also on a busy machine.
    const at = Date.now() + 30;
    for (const { child } of openers) child.stdin!.write(`${join(dir, `${round}.sqlite`)} ${at}\n`);
    for (const outcome of await Promise.all(openers.map((opener) => opener.nextLine()))) {
      if (outcome !== 'ok') failures.push(`round ${round}: ${outcome}`);
    }
  }
  expect(failures).toEqual([]);
});
