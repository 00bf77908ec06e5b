import { ContainerClient } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { createBlobSeeder } from '../../scripts/lib/blobSeeder';
import { createStorage, type StorageHandle } from '../../src/store/createStorage';
import { startAzurite, type Azurite } from '../helpers/azurite';

/**
 * The scale bench seeds Azurite around BlobsStorage; what it seeds must be what BlobsStorage would have written, or the
 * bench would measure reads of documents the app never produces.
 */
let azurite: Azurite | undefined;
const handles: StorageHandle[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  for (const handle of handles) await handle.close();
  await azurite?.stop();
});

const items = (): StoreItems => ({
  'plans/tenant-a/19:team-1-channel-0@thread.tacv2': { plan: { id: 'p1', title: 'Café ✓ <b>' }, cards: [], eTag: '*' },
  'reminderQueue/slot-105/~21': { entries: [{ planId: 'p1' }], eTag: '*' },
  '/leading//double/slash/': { n: 1, eTag: '*' },
});

async function blobsOf(container: string): Promise<Array<{ name: string; type?: string; body: string }>> {
  const client = new ContainerClient(azurite!.connectionString, container);
  const found: Array<{ name: string; type?: string; body: string }> = [];
  for await (const blob of client.listBlobsFlat()) {
    const body = (await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8');
    found.push({ name: blob.name, type: blob.properties.contentType, body });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

test('seeded blobs match, name for name and byte for byte, what BlobsStorage writes', async () => {
  const viaApp = `seed-app-${Date.now().toString(36)}`;
  const viaSeeder = `seed-fast-${Date.now().toString(36)}`;
  const app = createStorage({ kind: 'blob', connectionString: azurite!.connectionString, container: viaApp });
  handles.push(app);
  await app.storage.write(items());
  const seeder = await createBlobSeeder(azurite!.connectionString, viaSeeder, 2);
  await seeder.write(items());

  const expected = await blobsOf(viaApp);
  expect(expected).toHaveLength(3);
  expect(await blobsOf(viaSeeder)).toEqual(expected);

  // And the app reads the seeded documents back as it reads its own, eTags aside.
  const reader = createStorage({ kind: 'blob', connectionString: azurite!.connectionString, container: viaSeeder });
  handles.push(reader);
  const keys = Object.keys(items());
  const strip = (read: StoreItems) =>
    Object.fromEntries(Object.entries(read).map(([key, { eTag: _e, ...rest }]) => [key, rest]));
  expect(strip(await reader.storage.read(keys))).toEqual(strip(await app.storage.read(keys)));
}, 120_000);

test('a concurrency below 1 is refused with the reason', async () => {
  await expect(createBlobSeeder(azurite!.connectionString, 'never', 0)).rejects.toThrow(/at least 1/);
});
