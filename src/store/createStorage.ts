import { MemoryStorage, type Storage } from 'botbuilder';
import type { StorageConfig } from '../config';
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

export function createStorage(config: StorageConfig): StorageHandle {
  switch (config.kind) {
    case 'memory':
      return { storage: new MemoryStorage(), kind: 'memory', where: 'in memory (lost on restart)', close: async () => {} };
    case 'sqlite': {
      const sqlite = new SqliteStorage(config.path);
      return { storage: sqlite, kind: 'sqlite', where: config.path, close: async () => sqlite.close() };
    }
    case 'blob': {
      // Loaded lazily so the embedded default does not pay for the Azure SDKs at start-up.
      const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
      const storage = new BlobsStorage(config.connectionString, config.container);
      return { storage, kind: 'blob', where: `blob container "${config.container}" at ${blobEndpoint(config.connectionString)}`, close: async () => {} };
    }
    case 'cosmos': {
      const { CosmosDbPartitionedStorage } = require('botbuilder-azure') as typeof import('botbuilder-azure');
      const storage = new CosmosDbPartitionedStorage({
        cosmosDbEndpoint: config.endpoint,
        authKey: config.key,
        databaseId: config.database,
        containerId: config.container,
        compatibilityMode: false,
      });
      return { storage, kind: 'cosmos', where: `Cosmos DB ${config.endpoint} / ${config.database} / ${config.container}`, close: async () => {} };
    }
  }
}

/** The endpoint part of a connection string, for logs: account keys must never be printed. */
function blobEndpoint(connectionString: string): string {
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return 'local development storage';
  const endpoint = /BlobEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1];
  return endpoint ?? (account ? `account ${account}` : 'the configured account');
}
