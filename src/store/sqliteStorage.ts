import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { etagConflict } from './storageErrors';
import { WalCheckpointer } from './walCheckpointer';

const CHECKPOINT_INTERVAL_MS = 500;
const BACKSTOP_CHECKPOINT_PAGES = 10_000;
const MMAP_BYTES = 256 * 1024 * 1024;

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

  constructor(
    readonly path: string,
    options: { warn?: (message: string) => void } = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a crashed or killed process; only a power loss can drop the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
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
    const tx = this.db.transaction((changes: StoreItems) => {
      for (const [key, change] of Object.entries(changes)) this.writeOne(key, change);
    });
    this.writeBatch = (changes) => tx.immediate(changes);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.writeBatch(changes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
  }

  /** The worker's connection goes first, so this one is the last to close and removes the write-ahead log. */
  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
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
