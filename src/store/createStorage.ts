import { MemoryStorage, type Storage } from 'botbuilder';
import type { CosmosDbPartitionedStorageOptions } from 'botbuilder-azure';
import type { StorageConfig } from '../config';
import { PLAN_DOCUMENTS } from './planStore';
import { RecoveringStorage } from './recoveringStorage';
import { SqliteStorage } from './sqliteStorage';

/** A configured backend plus what the process needs to report on it and shut it down. */
export interface StorageHandle {
  readonly storage: Storage;
  readonly kind: StorageConfig['kind'];
  /** A human-readable location for the start-up line; never contains secrets. */
  readonly where: string;
  close(): Promise<void>;
}

/** Key the readiness probe reads: touching real storage proves it answers, and reading a missing key changes nothing. */
export const READINESS_PROBE_KEY = 'health/readiness-probe';

/**
 * The storage SDK's defaults (4 tries, exponential from 4 s) hold a turn for about 16 s when the account refuses
 * connections, longer than Teams waits for an answer. Three quick tries ride out a blip; a real outage fails the turn
 * fast with a clean error instead.
 */
const BLOB_RETRY_OPTIONS = { maxTries: 3, retryDelayInMs: 250, maxRetryDelayInMs: 2_000 } as const;
const COSMOS_REQUEST_TIMEOUT_MS = 10_000;

/** `warn` hears about background trouble that does not stop the store, such as a failed WAL checkpointer. */
export function createStorage(config: StorageConfig, warn?: (message: string) => void): StorageHandle {
  switch (config.kind) {
    case 'memory':
      return {
        storage: new MemoryStorage(),
        kind: 'memory',
        where: 'in memory (lost on restart)',
        close: async () => {},
      };
    case 'sqlite': {
      // Plans are read on almost every turn and parsing one costs more than finding it in the file.
      const sqlite = new SqliteStorage(config.path, { warn, parsedPrefixes: [`${PLAN_DOCUMENTS}/`] });
      return { storage: sqlite, kind: 'sqlite', where: config.path, close: () => sqlite.close() };
    }
    case 'blob': {
      // Loaded lazily so the embedded default does not pay for the Azure SDKs at start-up.
      const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
      const storage = new RecoveringStorage(
        () =>
          new BlobsStorage(config.connectionString, config.container, {
            storagePipelineOptions: { retryOptions: BLOB_RETRY_OPTIONS },
          }),
      );
      return {
        storage,
        kind: 'blob',
        where: `blob container "${config.container}" at ${blobEndpoint(config.connectionString)}`,
        close: async () => {},
      };
    }
    case 'cosmos': {
      const storage = createCosmosStorage(config);
      return {
        storage,
        kind: 'cosmos',
        where: `Cosmos DB ${config.endpoint} / ${config.database} / ${config.container}`,
        close: async () => {},
      };
    }
  }
}

type CosmosConfig = Extract<StorageConfig, { kind: 'cosmos' }>;

/**
 * The Cosmos DB storage the bot runs on: botbuilder's CosmosDbPartitionedStorage with our options, behind
 * RecoveringStorage. `newClient` builds the inner client from those options; tests hand it one whose SDK container is
 * an in-memory stand-in, so the code they prove is exactly this wrapping over botbuilder's own client.
 */
export function createCosmosStorage(
  config: CosmosConfig,
  newClient?: (options: CosmosDbPartitionedStorageOptions) => Storage,
): Storage {
  const build = newClient ?? botbuilderCosmosClient();
  return new RecoveringStorage(() =>
    build({
      cosmosDbEndpoint: config.endpoint,
      authKey: config.key,
      databaseId: config.database,
      containerId: config.container,
      // Compatibility mode truncates keys at 255 characters and probes for legacy partition keys; we have neither need.
      compatibilityMode: false,
      // The SDK default is 60 s per request; a turn cannot wait that long (Teams gives an invoke about 15 s).
      cosmosClientOptions: { connectionPolicy: { requestTimeout: COSMOS_REQUEST_TIMEOUT_MS } },
    }),
  );
}

function botbuilderCosmosClient(): (options: CosmosDbPartitionedStorageOptions) => Storage {
  // Loaded here rather than at the top so the embedded default does not pay for the Azure SDKs at start-up.
  const { CosmosDbPartitionedStorage } = require('botbuilder-azure') as typeof import('botbuilder-azure');
  return (options) => new CosmosDbPartitionedStorage(options);
}

/** The endpoint part of a connection string, for logs: account keys must never be printed. */
function blobEndpoint(connectionString: string): string {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return 'local development storage';
  const endpoint = /BlobEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1];
  return endpoint ?? (account ? `account ${account}` : 'the configured account');
}
