import { dirname } from 'node:path';

/**
 * The bench's Azurite preload: a lookup of one blob by its fields must use Loki's index on the name, so its cost does
 * not grow with the blobs in the container, and must find exactly what the unchanged query finds.
 */
const lokiPath = require.resolve('lokijs', {
  paths: [dirname(require.resolve('azurite/dist/src/blob/main.js'))],
});
const Loki = require(lokiPath) as new (name: string) => {
  addCollection(
    name: string,
    options: object,
  ): {
    insert(doc: object): void;
    findOne(query: object): Record<string, unknown> | null;
    find(query: object): Array<Record<string, unknown>>;
  };
};
require('../../scripts/lib/azuriteNameFirst.js');

const BLOBS = 2_000;

function container() {
  const coll = new Loki('bench.db').addCollection('$BLOBS_COLLECTION$', {
    indices: ['accountName', 'containerName', 'name', 'snapshot'],
  });
  let containerReads = 0;
  for (let i = 0; i < BLOBS; i++) {
    const doc = { accountName: 'devstoreaccount1', name: `plans%2Fplan-${i}`, snapshot: '', n: i };
    // Counts how many rows a lookup looks at beyond what an index gave it.
    Object.defineProperty(doc, 'containerName', {
      enumerable: true,
      get: () => {
        containerReads++;
        return 'scale';
      },
    });
    coll.insert(doc);
  }
  containerReads = 0;
  return { coll, reads: () => containerReads };
}

test("a blob lookup in Azurite's shape scans a handful of rows, not the container", () => {
  const { coll, reads } = container();
  const found = coll.findOne({
    accountName: 'devstoreaccount1',
    containerName: 'scale',
    name: 'plans%2Fplan-1234',
    snapshot: '',
  });
  expect(found?.n).toBe(1234);
  // Without the preload Loki's index on the account returns all 2,000 rows and the container is checked on each.
  expect(reads()).toBeLessThan(5);
});

test('answers are unchanged: a missing name, a range query and a query without a name', () => {
  const { coll } = container();
  expect(coll.findOne({ accountName: 'devstoreaccount1', containerName: 'scale', name: 'absent', snapshot: '' })).toBe(
    null,
  );
  expect(coll.find({ accountName: 'devstoreaccount1', name: { $gt: 'plans%2Fplan-998' } }).map((d) => d.n)).toEqual([
    999,
  ]);
  expect(coll.find({ accountName: 'devstoreaccount1', containerName: 'scale' })).toHaveLength(BLOBS);
});
