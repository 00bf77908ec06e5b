import type { Storage } from 'botbuilder';
import type { StorageConfig } from '../config';
import { READINESS_PROBE_KEY } from './createStorage';

/** Start-up waits a little longer than readiness: a cold Azure account or Cosmos container can take a few seconds to answer. */
export const STARTUP_PROBE_TIMEOUT_MS = 5_000;
/** Below the usual load-balancer probe timeouts, so a slow storage shows as "not ready" rather than a hung probe. */
export const READINESS_PROBE_TIMEOUT_MS = 3_000;

export class StorageUnavailableError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

/**
 * Reads the readiness key and resolves when storage answered, or rejects within `timeoutMs`.
 * The SDKs' own retries and timeouts cannot be trusted to bound this: a black-holed endpoint leaves the
 * blob client waiting for the OS connect timeout (minutes), so the read is raced against a timer.
 * A read that loses the race keeps running in the background; it changes nothing, so it is left to finish or fail.
 */
export async function probeStorage(storage: Storage, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StorageUnavailableError(`storage did not answer within ${timeoutMs} ms`, true)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([
      storage.read([READINESS_PROBE_KEY]).catch((error: unknown) => {
        throw new StorageUnavailableError(
          `storage read failed: ${error instanceof Error ? error.message : String(error)}`,
          false,
          { cause: error },
        );
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What an operator should check when a backend does not answer, naming the variables that configure it. */
export function storageHint(config: StorageConfig): string {
  switch (config.kind) {
    case 'memory':
      return 'Memory storage should always answer; this is a bug.';
    case 'sqlite':
      return `Check SQLITE_PATH (${config.path}): its folder must be writable and the file must not be locked by another program.`;
    case 'blob':
      return 'Check BLOB_CONNECTION_STRING (account name, key and BlobEndpoint) and BLOB_CONTAINER, and that the storage account (or Azurite, locally) is reachable from this machine.';
    case 'cosmos':
      return 'Check COSMOS_ENDPOINT, COSMOS_KEY and that the database named by COSMOS_DATABASE exists, and that the account (or the emulator) is reachable from this machine.';
  }
}
