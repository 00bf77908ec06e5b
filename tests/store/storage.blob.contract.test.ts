import { createStorage, type StorageHandle } from '../../src/store/createStorage';
import { DocumentStore } from '../../src/store/documentStore';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { describeStorageContract } from './storageContract';

/**
 * The shared contract against Azure Blob Storage, through Azurite on a free loopback port and through createStorage,
 * so the configured client (retry options, RecoveringStorage wrapper) is what is tested.
 */
let azurite: Azurite | undefined;
let handle: StorageHandle | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
  // A fresh container per run; Azurite's data dir is removed with it anyway.
  handle = createStorage({
    kind: 'blob',
    connectionString: azurite.connectionString,
    container: `contract-${Date.now().toString(36)}`,
  });
});

afterAll(async () => {
  await handle?.close();
  await azurite?.stop();
});

describeStorageContract('azure blob (Azurite)', async () => ({ storage: handle!.storage }));

describe('Azure Blob beyond the shared contract', () => {
  it('DocumentStore loses no update when 25 writers append at once', async () => {
    const store = new DocumentStore<{ hits: string[] }>(handle!.storage, `docstore-${Date.now().toString(36)}`, {
      maxAttempts: 50,
      backoffMs: () => Math.random() * 5,
    });
    await store.put('c', { hits: [] });
    const writers = Array.from({ length: 25 }, (_, i) => `user-${i}`);
    const outcomes = await Promise.all(
      writers.map((w) => store.update('c', (current) => ({ next: { hits: [...current.hits, w] }, result: w }))),
    );
    expect(outcomes.filter((o) => o.kind !== 'written')).toEqual([]);
    expect([...(await store.read('c'))!.value.hits].sort()).toEqual([...writers].sort());
  });

  // Known difference, deliberately not normalised: MemoryStorage and SqliteStorage create a missing key even when the
  // write carries an eTag; Blob (If-Match on a blob that does not exist) rejects it. Rejecting is the safer reading
  // (the document the caller read is gone), and DocumentStore never writes an eTag it did not just read, so on a
  // conflict it re-reads and reports "missing" on every backend.
  it('rejects a conditional write to a key that does not exist as an eTag conflict', async () => {
    const key = `notes-${Date.now().toString(36)}/deleted-meanwhile`;
    await expect(handle!.storage.write({ [key]: { v: 1, eTag: '"0x8DC0000000000000"' } })).rejects.toThrow(
      /etag conflict/i,
    );
    expect(await handle!.storage.read([key])).toEqual({});
  });
});
