/**
 * Preloaded into the bench's Azurite (`node -r`), never into the app. Azurite 3.35's in-memory metadata store is
 * LokiJS, which answers a query on several fields by using the index of the first field only and scanning the rows
 * that index returns for the rest. Azurite asks for a blob as { accountName, containerName, name, snapshot }: every
 * blob shares the account and the container, so each read, write and delete scans every blob in the container, and
 * seeding n blobs costs n² (1,000 plans seeded in 8 s, 10,000 in 126 s). Putting `name` (or `blobName`) first lets
 * Loki use its index on the name. The query means the same (its fields are ANDed whatever their order), so Azurite
 * answers exactly as before; only the emulator's cost per call stops growing with the container.
 */
'use strict';
const { dirname } = require('node:path');

const azuriteMain = require.resolve('azurite/dist/src/blob/main.js');
const Loki = require(require.resolve('lokijs', { paths: [dirname(azuriteMain)] }));
const SELECTIVE = ['name', 'blobName'];
const find = Loki.Resultset.prototype.find;

Loki.Resultset.prototype.find = function (query, firstOnly) {
  if (query && typeof query === 'object' && !Array.isArray(query)) {
    const keys = Object.keys(query);
    const first = SELECTIVE.find((key) => keys.includes(key) && typeof query[key] === 'string');
    if (first && keys.length > 1 && keys[0] !== first) {
      const reordered = { [first]: query[first] };
      for (const key of keys) if (key !== first) reordered[key] = query[key];
      return find.call(this, reordered, firstOnly);
    }
  }
  return find.call(this, query, firstOnly);
};
