import { Worker } from 'node:worker_threads';

/**
 * Copies an SQLite file's write-ahead log back into the database from a worker thread. Left to SQLite, the
 * connection that commits the 1000th page does it inline: it copies those pages and fsyncs the file while every
 * request waits (about 30 µs per write on average, and a stall of milliseconds when it happens). A PASSIVE
 * checkpoint never blocks writers or readers, so it can run beside them on its own connection.
 *
 * Best effort by design: if the worker cannot start or a checkpoint fails, SQLite's own automatic checkpoint (kept,
 * at a higher threshold, by SqliteStorage) still bounds the log. Errors are reported once to `onError`.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(path: string, options: { intervalMs: number; onError: (message: string) => void }) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, intervalMs: options.intervalMs, module: require.resolve('better-sqlite3') },
    });
    let reported = false;
    const report = (message: string) => {
      if (reported) return;
      reported = true;
      options.onError(message);
    };
    this.worker.on('message', (message: { error?: string }) => message.error && report(message.error));
    this.worker.on('error', (error: unknown) => report(describe(error)));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // Never the reason a process stays alive.
    this.worker.unref();
  }

  /**
   * Closes the worker's connection and waits for the worker to end. SQLite folds the log back into the file and
   * deletes it only when the last connection closes, so the store must close its own connection after this one.
   */
  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_WAIT_MS)));
    const outcome = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    // A worker stuck in a long checkpoint is cut off; the log it leaves is still valid and replayed on next open.
    if (outcome === 'late') await this.worker.terminate();
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const describe = (error) => (error && error.message ? error.message : String(error));
let db;
try {
  db = new (require(workerData.module))(workerData.path, { fileMustExist: true });
} catch (error) {
  parentPort.postMessage({ error: 'WAL checkpointer could not open the database: ' + describe(error) });
}
const timer = db && setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: 'WAL checkpoint failed: ' + describe(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try {
    if (db) db.close();
  } finally {
    parentPort.close();
  }
});
`;

const STOP_WAIT_MS = 5_000;

// An error thrown in the worker arrives cloned, not always as an Error instance.
function describe(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return `WAL checkpointer stopped: ${typeof message === 'string' ? message : String(error)}`;
}
