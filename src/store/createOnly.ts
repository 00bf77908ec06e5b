/**
 * "Create this document only if none is there yet", on every backend. botbuilder's Storage has no such call, and the
 * indexes need one: two instances starting the same new page would otherwise each write it blind, and the later write
 * would drop the other's entry.
 *
 * A write asks for it by carrying `CREATE_ONLY_ETAG` as the document's eTag. No backend ever issues that value, so
 * MemoryStorage and SqliteStorage already do the right thing with it: a document that exists has another eTag (eTag
 * conflict), a missing one is created (both do that in one synchronous step or one transaction). The cloud backends
 * would send it on as If-Match, which the services refuse for a missing document, so RecoveringStorage turns such a
 * write into the service's own conditional create (see `cloudCreateOnly`).
 */
import type { Storage } from 'botbuilder';
import { etagConflict, isEtagConflict } from './storageErrors';

/** Never an eTag any backend hands out (theirs are numbers, UUIDs or quoted hex). */
export const CREATE_ONLY_ETAG = '<create-only>';

/** Writes `document` under `key` only if no document is there; false (nothing written) if one is. */
export async function createOnly(storage: Storage, key: string, document: object): Promise<boolean> {
  try {
    await storage.write({ [key]: { ...document, eTag: CREATE_ONLY_ETAG } });
    return true;
  } catch (error) {
    if (isEtagConflict(error)) return false;
    throw error;
  }
}

/** The document of a change, without its eTag. */
function body(change: object): Record<string, unknown> {
  const { eTag: _eTag, ...rest } = change as Record<string, unknown>;
  return rest;
}

interface BlobsStorageInternals {
  _initialize?: () => Promise<unknown>;
  _containerClient?: {
    getBlockBlobClient(name: string): {
      upload(body: string, length: number, options: { conditions: { ifNoneMatch: string } }): Promise<unknown>;
    };
  };
}

interface CosmosStorageInternals {
  initialize?: () => Promise<void>;
  container?: { items: { create(document: object): Promise<unknown> } };
  cosmosDbStorageOptions?: { keySuffix?: string; compatibilityMode?: boolean };
}

/**
 * The conditional create of the wrapped cloud client: Blob upload with If-None-Match `*`, Cosmos DB `items.create`
 * (refused with 409 when the id exists). Both reach into the SDK clients botbuilder builds (its versions are pinned),
 * laying the document out exactly as their own `write` does so their `read` finds it. Either refusal becomes the
 * usual eTag conflict. A client of another shape gets a read-then-write, which narrows the race but cannot close it.
 */
export async function cloudCreateOnly(inner: Storage, key: string, change: object): Promise<void> {
  const blobs = inner as unknown as BlobsStorageInternals;
  const cosmos = inner as unknown as CosmosStorageInternals;
  try {
    if (blobs._containerClient && blobs._initialize) {
      await blobs._initialize();
      const { sanitizeBlobKey } = require('botbuilder-azure-blobs/lib/sanitizeBlobKey') as {
        sanitizeBlobKey: (key: string) => string;
      };
      const serialized = JSON.stringify(body(change));
      // Same length argument as BlobsStorage.write, so the two paths store the same bytes.
      await blobs._containerClient
        .getBlockBlobClient(sanitizeBlobKey(key))
        .upload(serialized, serialized.length, { conditions: { ifNoneMatch: '*' } });
      return;
    }
    if (cosmos.initialize && cosmos.cosmosDbStorageOptions) {
      await cosmos.initialize();
      const { CosmosDbKeyEscape } = require('botbuilder-azure') as typeof import('botbuilder-azure');
      const options = cosmos.cosmosDbStorageOptions;
      await cosmos.container!.items.create({
        id: CosmosDbKeyEscape.escapeKey(key, options.keySuffix, options.compatibilityMode),
        realId: key,
        document: body(change),
      });
      return;
    }
  } catch (error) {
    const status = (error as { statusCode?: unknown; code?: unknown }).statusCode ?? (error as { code?: unknown }).code;
    if (status === 409 || status === 412 || isEtagConflict(error))
      throw Object.assign(etagConflict(key), { cause: error });
    throw error;
  }
  if (Object.keys(await inner.read([key])).length > 0) throw etagConflict(key);
  await inner.write({ [key]: { ...body(change), eTag: '*' } });
}
