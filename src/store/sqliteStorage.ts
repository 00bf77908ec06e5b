import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { ParsedDocumentCache } from './parsedDocumentCache';
import { etagConflict } from './storageErrors';
import { WalCheckpointer } from './walCheckpointer';

const CHECKPOINT_INTERVAL_MS = 500;
const BACKSTOP_CHECKPOINT_PAGES = 10_000;
const MMAP_BYTES = 256 * 1024 * 1024;
/** How long a statement waits for a lock another connection holds, and how long the switch to WAL mode keeps trying. */
const BUSY_TIMEOUT_MS = 5_000;
const WAL_RETRY_MAX_PAUSE_MS = 100;
/**
 * JSON kept parsed, in characters: about 1,900 plans of 4.4 KB (a plan in use, history archived), some 14 MB of heap
 * once parsed. A conversation comes back to its plan within minutes while people work through it; this holds the
 * plans of that many conversations at work at once, and costs nothing for documents nobody reads again.
 */
const PARSED_CACHE_JSON_LENGTH = 8 * 1024 * 1024;

export interface SqliteStorageOptions {
  readonly warn?: (message: string) => void;
  /**
   * Keys under these prefixes are kept parsed between reads (ParsedDocumentCache), and what a read returns for them
   * holds frozen values: only for documents that every reader treats as values and changes by writing a new one.
   */
  readonly parsedPrefixes?: readonly string[];
}

/**
 * botbuilder `Storage` on an embedded SQLite file, with MemoryStorage's eTag rules:
 * a write carrying an eTag that no longer matches is rejected; `'*'` or no eTag overwrites;
 * missing keys are simply absent from a read.
 *
 * WAL mode keeps readers off the writer's back, and each write is one IMMEDIATE transaction so
 * the compare-and-set holds even when several processes share the file.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], { etag: string; doc: string }>;
  private readonly selectEtag: Database.Statement<[string], { etag: string }>;
  private readonly updateIfMatch: Database.Statement<[string, string, string, string]>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly writeBatch: (changes: StoreItems) => void;
  private readonly checkpointer?: WalCheckpointer;
  private readonly dataVersion: Database.Statement<[], number>;
  private readonly parsedPrefixes: readonly string[];
  private readonly parsed = new ParsedDocumentCache(PARSED_CACHE_JSON_LENGTH);

  constructor(
    readonly path: string,
    options: SqliteStorageOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // The busy timeout is set as the connection opens, so every statement after it waits for a lock held elsewhere.
    this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    useWriteAheadLog(this.db, path);
    // NORMAL in WAL mode survives a crashed or killed process; only a power loss can drop the last commits.
    this.db.pragma('synchronous = NORMAL');
    // Pages are read straight from a memory map instead of being copied in through read() calls: a plan read
    // (a few KB, spilling onto overflow pages) takes about a fifth less time. Writes still go through the WAL.
    this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
    if (path !== ':memory:') {
      // Checkpoints run in a worker (WalCheckpointer); this connection only steps in if the log still grows past ~40 MB.
      this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
      this.checkpointer = new WalCheckpointer(path, {
        intervalMs: CHECKPOINT_INTERVAL_MS,
        onError: options.warn ?? ((message) => console.warn(message)),
      });
    }
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, etag TEXT NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID',
    );
    this.selectOne = this.db.prepare('SELECT etag, doc FROM items WHERE key = ?');
    this.selectEtag = this.db.prepare('SELECT etag FROM items WHERE key = ?');
    this.updateIfMatch = this.db.prepare('UPDATE items SET etag = ?, doc = ? WHERE key = ? AND etag = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO items (key, etag, doc) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc',
    );
    this.remove = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.parsedPrefixes = options.parsedPrefixes ?? [];
    const tx = this.db.transaction((changes: StoreItems) => {
      for (const [key, change] of Object.entries(changes)) this.writeOne(key, change);
    });
    this.writeBatch = (changes) => tx.immediate(changes);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    // Taken before any row is read: a commit by another connection from here on changes the version the next read
    // sees, so an entry confirmed during this read is checked again then.
    let version: number | undefined;
    for (const key of keys) {
      if (this.keepsParsed(key)) {
        version ??= this.dataVersion.get() as number;
        const item = this.readParsed(key, version);
        if (item) items[key] = item;
        continue;
      }
      const row = this.selectOne.get(key);
      if (row) items[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Forgotten before the write, whether or not it commits: the next read parses what the store then holds.
    for (const key of Object.keys(changes)) this.parsed.delete(key);
    this.writeBatch(changes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.parsed.delete(key);
      this.remove.run(key);
    }
  }

  /** The worker's connection goes first, so this one is the last to close and removes the write-ahead log. */
  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }

  private keepsParsed(key: string): boolean {
    for (const prefix of this.parsedPrefixes) if (key.startsWith(prefix)) return true;
    return false;
  }

  /**
   * A kept document is current when no other connection committed since its eTag was last read (SQLite's data
   * version is unchanged; this connection's own writes drop what they change), or, when one did, when the row still
   * has that eTag: eTags are new UUIDs on every write, so an equal one is the same document.
   */
  private readParsed(key: string, version: number): Record<string, unknown> | undefined {
    const kept = this.parsed.get(key);
    if (kept && (kept.checkedAt === version || this.selectEtag.get(key)?.etag === kept.eTag)) {
      kept.checkedAt = version;
      return { ...kept.value, eTag: kept.eTag };
    }
    const row = this.selectOne.get(key);
    if (!row) {
      this.parsed.delete(key);
      return undefined;
    }
    return { ...this.parsed.set(key, row.etag, row.doc, version), eTag: row.etag };
  }

  /**
   * A write with an eTag is one compare-and-set UPDATE in the common case (the document exists and is unchanged);
   * only when it changed nothing does a second look tell a conflict from a document that does not exist yet.
   */
  private writeOne(key: string, change: Record<string, unknown>): void {
    const { eTag, ...doc } = change as { eTag?: unknown };
    const json = JSON.stringify(doc);
    const newEtag = randomUUID();
    if (typeof eTag === 'string' && eTag !== '*') {
      if (this.updateIfMatch.run(newEtag, json, key, eTag).changes === 1) return;
      if (this.selectEtag.get(key)) throw etagConflict(key);
    }
    this.upsert.run(key, newEtag, json);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Switches the file to WAL mode. On a new file the switch needs an exclusive lock, and when another connection is
 * switching the same file at that moment (two instances starting together on a new file) SQLite answers SQLITE_BUSY
 * at once instead of waiting on the busy timeout. So the switch is tried again after a short pause, for as long as the
 * busy timeout; a file already in WAL mode needs no such lock, and later opens pass on the first try. The constructor
 * is synchronous, so the pause blocks; it happens only at start-up, and only while another process holds the file.
 */
function useWriteAheadLog(db: Database.Database, path: string): void {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error;
      const waited = Date.now() - started;
      if (waited >= BUSY_TIMEOUT_MS) {
        db.close();
        throw new Error(
          `The SQLite file ${path} stayed locked by another process for ${Math.round(waited / 1000)} s while the ` +
            `bot switched it to WAL mode. Stop whatever else holds it, or set SQLITE_PATH to a file of this bot's ` +
            'own, and start again.',
          { cause: error },
        );
      }
      Atomics.wait(pause, 0, 0, Math.min(attempt * 10, WAL_RETRY_MAX_PAUSE_MS));
    }
  }
}
