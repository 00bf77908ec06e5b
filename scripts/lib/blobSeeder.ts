/**
 * Writes many documents straight into a blob container, byte for byte as botbuilder-azure-blobs' BlobsStorage writes
 * them, for seeding the scale bench. BlobsStorage.write uploads one blob per key anyway; going around it only drops its
 * per-call validation and promise plumbing and lets one pool keep a fixed number of uploads in flight, so what the
 * bench measures afterwards (reads and writes through BlobsStorage) sees exactly the blobs the app would have written.
 *
 * The layout copied from BlobsStorage (botbuilder-azure-blobs 4.23.3, lib/blobsStorage.js):
 *   - blob name: the library's own sanitizeBlobKey(key) (empty path parts dropped, then URI-encoded);
 *   - body: JSON.stringify of the item without its eTag (the eTag is the write's condition, not part of the document);
 *   - content type application/json, no metadata, no condition for a "*" eTag.
 */
import { dirname } from 'node:path';
import type { StoreItems } from 'botbuilder';
import type { ContainerClient as ContainerClientType } from '@azure/storage-blob';

// The copy of @azure/storage-blob and of sanitizeBlobKey that BlobsStorage itself loads, not a second one.
const blobsLib = dirname(require.resolve('botbuilder-azure-blobs'));
const { ContainerClient } = require(require.resolve('@azure/storage-blob', { paths: [blobsLib] })) as {
  ContainerClient: new (connectionString: string, container: string) => ContainerClientType;
};
const { sanitizeBlobKey } = require(require.resolve('./sanitizeBlobKey', { paths: [blobsLib] })) as {
  sanitizeBlobKey(key: string): string;
};

export interface BlobSeeder {
  /** Uploads every item, at most `concurrency` at a time; rejects on the first failed upload. */
  write(items: StoreItems): Promise<void>;
}

export async function createBlobSeeder(
  connectionString: string,
  container: string,
  concurrency: number,
): Promise<BlobSeeder> {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`The seeder's concurrency must be a whole number of at least 1, not ${concurrency}.`);
  const client = new ContainerClient(connectionString, container);
  await client.createIfNotExists();
  return {
    async write(items: StoreItems): Promise<void> {
      const entries = Object.entries(items);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < entries.length) {
          const [key, item] = entries[next++];
          const { eTag: _condition, ...document } = item as Record<string, unknown>;
          const body = JSON.stringify(document);
          await client.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
            blobHTTPHeaders: { blobContentType: 'application/json' },
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
    },
  };
}
