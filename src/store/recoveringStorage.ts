import type { Storage, StoreItems } from 'botbuilder';
import { CREATE_ONLY_ETAG, cloudCreateOnly } from './createOnly';
import { etagConflict, isEtagConflict } from './storageErrors';

/**
 * Wraps a cloud `Storage` (BlobsStorage, CosmosDbPartitionedStorage) so it behaves like our other backends:
 *
 * - Every optimistic-concurrency failure surfaces as the same "eTag conflict" error. BlobsStorage already maps
 *   412 to that message; Cosmos rethrows the SDK error with `code: 412` and its own text, and a conditional write
 *   to a document that no longer exists can come back as 404. Callers (DocumentStore) must see one kind of conflict
 *   so they re-read instead of failing the turn.
 * - A create-only write (`CREATE_ONLY_ETAG`, see createOnly.ts) becomes the service's conditional create, which
 *   the SDK clients' own `write` cannot express.
 * - After any other failure the inner client is rebuilt on the next call. BlobsStorage caches its first
 *   `createIfNotExists()` promise, so if storage was down the first time it was touched, that instance would
 *   reject forever even after storage came back. A fresh instance costs one extra request.
 */
export class RecoveringStorage implements Storage {
  private inner: Storage | undefined;

  constructor(private readonly create: () => Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    return this.call((storage) => storage.read(keys));
  }

  async write(changes: StoreItems): Promise<void> {
    const createOnly = Object.entries(changes).filter(([, change]) => change?.eTag === CREATE_ONLY_ETAG);
    if (createOnly.length > 0) {
      const rest = Object.fromEntries(
        Object.entries(changes).filter(([, change]) => change?.eTag !== CREATE_ONLY_ETAG),
      );
      for (const [key, change] of createOnly)
        await this.call(
          (storage) => cloudCreateOnly(storage, key, change as object),
          (error) => isEtagConflict(error),
        );
      if (Object.keys(rest).length === 0) return;
      changes = rest;
    }
    try {
      await this.call(
        (storage) => storage.write(changes),
        (error) => isConditionalWriteFailure(error, changes),
      );
    } catch (error) {
      if (!isConditionalWriteFailure(error, changes)) throw error;
      if (/etag conflict/i.test((error as Error).message)) throw error;
      throw Object.assign(etagConflict(Object.keys(changes).join('", "')), { cause: error });
    }
  }

  async delete(keys: string[]): Promise<void> {
    return this.call((storage) => storage.delete(keys));
  }

  private async call<T>(
    operation: (storage: Storage) => Promise<T>,
    isExpected: (error: unknown) => boolean = () => false,
  ): Promise<T> {
    const storage = (this.inner ??= this.create());
    try {
      return await operation(storage);
    } catch (error) {
      // Only drop the client we used: a concurrent call may already have replaced it with a healthy one.
      if (!isExpected(error) && this.inner === storage) this.inner = undefined;
      throw error;
    }
  }
}

/** A conflict, or a "not found" that can only mean the document a conditional write expected is gone. */
function isConditionalWriteFailure(error: unknown, changes: StoreItems): boolean {
  if (isEtagConflict(error)) return true;
  const status =
    (error as { statusCode?: unknown; code?: unknown } | undefined)?.statusCode ??
    (error as { code?: unknown } | undefined)?.code;
  const conditional = Object.values(changes).some((change) => {
    const eTag = (change as { eTag?: unknown } | undefined)?.eTag;
    return typeof eTag === 'string' && eTag !== '' && eTag !== '*';
  });
  return conditional && status === 404;
}
