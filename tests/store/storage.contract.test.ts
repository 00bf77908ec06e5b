import { MemoryStorage } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../src/store/sqliteStorage';
import { describeStorageContract } from './storageContract';

describeStorageContract('memory', async () => ({ storage: new MemoryStorage() }));

describeStorageContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sync-guide-sqlite-'));
  const storage = new SqliteStorage(join(dir, 'contract.sqlite'));
  return {
    storage,
    close: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// Every key kept parsed: the contract holds whichever documents a deployment keeps that way.
describeStorageContract('sqlite, every document kept parsed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sync-guide-sqlite-'));
  const storage = new SqliteStorage(join(dir, 'contract.sqlite'), { parsedPrefixes: [''] });
  return {
    storage,
    close: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
