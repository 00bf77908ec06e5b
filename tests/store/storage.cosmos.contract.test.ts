import { loadConfig } from '../../src/config';
import { createStorage, type StorageHandle } from '../../src/store/createStorage';
import { describeStorageContract } from './storageContract';

/**
 * The shared contract against Azure Cosmos DB. There is no offline emulator in this toolchain, so it runs only when
 * COSMOS_ENDPOINT and COSMOS_KEY point at a real account or an emulator (COSMOS_DATABASE must exist; the container is
 * created with partition key /id). Otherwise it is reported as skipped, never as passed. Our code over botbuilder's
 * Cosmos client, with the SDK container in memory, runs offline every time: storage.cosmos.offline.test.ts.
 */
const configured = Boolean(process.env.COSMOS_ENDPOINT?.trim() && process.env.COSMOS_KEY?.trim());
const SKIP_MESSAGE = 'Cosmos DB contract suite skipped: set COSMOS_ENDPOINT and COSMOS_KEY to run it';

if (configured) {
  let handle: StorageHandle | undefined;
  afterAll(async () => {
    await handle?.close();
  });
  describeStorageContract('azure cosmos db', async () => {
    const config = loadConfig({ ...process.env, STORAGE: 'cosmos' });
    handle = createStorage(config.storage);
    return { storage: handle.storage };
  });
} else {
  // Straight to stderr: Jest drops console output of a suite whose tests are all skipped, and a green CI log must not
  // be mistaken for a Cosmos pass.
  process.stderr.write(`\n${SKIP_MESSAGE}\n`);
  describe.skip('Storage contract: azure cosmos db', () => {
    it(SKIP_MESSAGE, () => {});
  });
}
