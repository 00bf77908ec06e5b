import { CosmosDbKeyEscape, CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { CREATE_ONLY_ETAG, createOnly } from '../../src/store/createOnly';
import { createCosmosStorage, createStorage } from '../../src/store/createStorage';
import { PagedIndex } from '../../src/store/pagedIndex';
import { RecoveringStorage } from '../../src/store/recoveringStorage';
import { FakeCosmosContainer } from '../fixtures/fakeCosmosContainer';
import { twoWritersStartOneScope } from './newPageRace';
import { describeStorageContract } from './storageContract';

/**
 * Our Cosmos DB storage exactly as the bot builds it (createCosmosStorage: botbuilder's CosmosDbPartitionedStorage
 * with our options, behind RecoveringStorage), with the SDK container it talks to replaced by an in-memory stand-in.
 * botbuilder's own read, write and delete run unchanged, so these tests show that our create-only path lays documents
 * out the way botbuilder reads them. What they cannot show is the service itself: the stand-in follows the SDK's
 * documented behaviour (see its header), and storage.cosmos.contract.test.ts still needs a real account for that.
 */
const CONFIG = {
  kind: 'cosmos',
  endpoint: 'https://offline.invalid:443/',
  key: 'bm90IGEga2V5',
  database: 'offline',
  container: 'offline',
} as const;

function cosmosOverFake(container = new FakeCosmosContainer()) {
  const clients: CosmosDbPartitionedStorage[] = [];
  const storage = createCosmosStorage(CONFIG, (options) => {
    const client = new CosmosDbPartitionedStorage(options);
    // initialize() builds a CosmosClient and looks the container up only while `container` is unset; with it set,
    // every call goes straight to the stand-in and nothing touches the network.
    (client as unknown as { container: unknown }).container = container;
    clients.push(client);
    return client;
  });
  /** True while no client has built a CosmosClient, the only thing that could reach the network. */
  const stayedOffline = () =>
    clients.every((client) => (client as unknown as { client?: unknown }).client === undefined);
  return { storage, container, stayedOffline };
}

/** The item id botbuilder gives a key with our options (no suffix, no compatibility mode). */
const idOf = (key: string) => CosmosDbKeyEscape.escapeKey(key, undefined, false);

/** The stored item without what the service adds, the id, and the key: the layout botbuilder reads back. */
function layout(item: Record<string, unknown> | undefined) {
  if (!item) return undefined;
  const { id: _id, realId, _rid, _self, _etag, _attachments, _ts, ...rest } = item;
  return { realIdIsString: typeof realId === 'string', ...rest };
}

describe('Cosmos DB storage over an in-memory SDK container', () => {
  let cosmos: ReturnType<typeof cosmosOverFake>;
  beforeEach(() => {
    cosmos = cosmosOverFake();
  });
  afterEach(() => {
    expect(cosmos.stayedOffline()).toBe(true);
  });

  describe('create-only', () => {
    it('creates a new key, and the storage read returns the document with its eTag', async () => {
      const doc = { v: 'first', nested: { list: [1, 'two'], nothing: null } };
      expect(await createOnly(cosmos.storage, 'plans/a', doc)).toBe(true);
      const read = (await cosmos.storage.read(['plans/a']))['plans/a'];
      expect(read).toEqual({ ...doc, eTag: expect.any(String) });
      expect(read.eTag).toBe(cosmos.container.stored(idOf('plans/a'))?._etag);
    });

    it("lays the item out exactly as botbuilder's own write does", async () => {
      const doc = { v: 1, nested: { deep: ['x', { y: true }] } };
      await createOnly(cosmos.storage, 'layout/created', doc);
      await cosmos.storage.write({ 'layout/written': doc });
      const created = cosmos.container.stored(idOf('layout/created'));
      const written = cosmos.container.stored(idOf('layout/written'));
      expect(created).toBeDefined();
      expect(layout(created)).toEqual(layout(written));
      expect(created?.realId).toBe('layout/created');
    });

    it('refuses a second create of the key as an eTag conflict and changes nothing', async () => {
      await createOnly(cosmos.storage, 'plans/b', { v: 'first' });
      const before = cosmos.container.stored(idOf('plans/b'));
      expect(await createOnly(cosmos.storage, 'plans/b', { v: 'second' })).toBe(false);
      await expect(cosmos.storage.write({ 'plans/b': { v: 'third', eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(
        /etag conflict/i,
      );
      expect(cosmos.container.stored(idOf('plans/b'))).toEqual(before);
      expect((await cosmos.storage.read(['plans/b']))['plans/b'].v).toBe('first');
    });

    it("refuses to create over a document botbuilder's write stored", async () => {
      await cosmos.storage.write({ 'plans/c': { v: 'written' } });
      expect(await createOnly(cosmos.storage, 'plans/c', { v: 'created' })).toBe(false);
      expect((await cosmos.storage.read(['plans/c']))['plans/c'].v).toBe('written');
    });

    it('creates a created document only once, and the write that follows updates that same item', async () => {
      await createOnly(cosmos.storage, 'plans/d', { v: 1 });
      const current = (await cosmos.storage.read(['plans/d']))['plans/d'];
      await cosmos.storage.write({ 'plans/d': { ...current, v: 2 } });
      await expect(cosmos.storage.write({ 'plans/d': { ...current, v: 3 } })).rejects.toThrow(/etag conflict/i);
      expect((await cosmos.storage.read(['plans/d']))['plans/d'].v).toBe(2);
      expect(cosmos.container.size).toBe(1);
    });

    it('sends a create for a create-only write, never an upsert', async () => {
      await createOnly(cosmos.storage, 'plans/e', { v: 1 });
      expect(cosmos.container.requests).toEqual([{ op: 'create', id: idOf('plans/e') }]);
    });

    it('round-trips a long key with characters Cosmos DB ids cannot hold', async () => {
      const key = `myTasks/tenant?x=1#frag\\a:b*c/${'29:1ab-CDEF_ghij'.repeat(20)}/@${'f'.repeat(64)}`;
      expect(key.length).toBeGreaterThan(255);
      expect(await createOnly(cosmos.storage, key, { v: 'escaped' })).toBe(true);
      expect(await createOnly(cosmos.storage, key, { v: 'again' })).toBe(false);
      const read = await cosmos.storage.read([key]);
      expect(Object.keys(read)).toEqual([key]);
      expect(read[key].v).toBe('escaped');
      // botbuilder's write finds the same item, rather than storing a twin under another id.
      await cosmos.storage.write({ [key]: { ...read[key], v: 'updated' } });
      expect((await cosmos.storage.read([key]))[key].v).toBe('updated');
      expect(cosmos.container.size).toBe(1);
      await cosmos.storage.delete([key]);
      expect(await cosmos.storage.read([key])).toEqual({});
    });
  });

  describe('PagedIndex: two instances creating the same new page', () => {
    it.each([
      ['upsert', false],
      ['append', false],
      ['upsert', true],
    ] as const)('keeps both first entries (%s, located: %s)', async (method, locate) => {
      expect(await twoWritersStartOneScope(cosmos.storage, method, locate)).toEqual(['entry-1', 'entry-2']);
    });

    it('lands 60 concurrent appends on one unbroken chain, every new page a Cosmos create', async () => {
      const index = new PagedIndex<{ id: string; note: string }>(cosmos.storage, 'busy', {
        idOf: (e) => e.id,
        maxPageBytes: 2_048,
      });
      const ids = Array.from({ length: 60 }, (_, n) => `entry-${n}`);
      await Promise.all(ids.map((id) => index.append('scope', [{ id, note: 'x'.repeat(250) }])));
      expect((await index.list('scope')).map((e) => e.id).sort()).toEqual([...ids].sort());
      const pages = await index.pages('scope');
      expect(pages.length).toBeGreaterThan(6);
      const created = new Set(cosmos.container.requests.filter((r) => r.op === 'create').map((r) => r.id));
      for (const page of pages) expect(created).toContain(idOf(index.key('scope', page.n)));
    });
  });
});

describe('createStorage with STORAGE=cosmos', () => {
  it("builds the storage these tests run: botbuilder's client, no compatibility mode, behind RecoveringStorage", () => {
    const { storage, kind } = createStorage(CONFIG);
    expect(kind).toBe('cosmos');
    expect(storage).toBeInstanceOf(RecoveringStorage);
    // The factory RecoveringStorage rebuilds its client with; constructing one does not connect.
    const client = (storage as unknown as { create: () => unknown }).create();
    expect(client).toBeInstanceOf(CosmosDbPartitionedStorage);
    expect((client as { cosmosDbStorageOptions: unknown }).cosmosDbStorageOptions).toMatchObject({
      cosmosDbEndpoint: CONFIG.endpoint,
      databaseId: CONFIG.database,
      containerId: CONFIG.container,
      compatibilityMode: false,
    });
  });
});

describe('Cosmos DB storage over an in-memory SDK container: shared contract', () => {
  let cosmos: ReturnType<typeof cosmosOverFake> | undefined;
  afterAll(() => {
    expect(cosmos?.stayedOffline()).toBe(true);
  });
  describeStorageContract('cosmos db (botbuilder client, in-memory container)', async () => {
    cosmos = cosmosOverFake();
    return { storage: cosmos.storage };
  });
});
