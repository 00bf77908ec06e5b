/**
 * The my-tasks, watch and team indexes: adding, refreshing and removing one entry reads the same handful of
 * documents at 10, 1,000 and 20,000 entries. Each index is seeded in the format stored before locators existed (a
 * chain of pages written by a PagedIndex without them, as the previous version wrote it), so the first change also
 * shows that chain being migrated with nothing lost.
 */
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { ConversationRegistry, type TeamInstall } from '../../src/store/conversationRegistry';
import { MyTasksIndex, type MyTaskEntry } from '../../src/store/myTasksIndex';
import { PagedIndex } from '../../src/store/pagedIndex';
import { locationId, type ReminderEntry } from '../../src/store/reminderIndex';
import { WatchIndex } from '../../src/store/watchIndex';

const TENANT = '00000000-0000-4000-8000-0000000000aa';
const USER = 'aad-ana';
const SIZES = [10, 1_000, 20_000] as const;
const MAX_DOCUMENT_BYTES = 256 * 1024;

/** Storage calls: keys read, write calls, keys deleted. */
interface Counts {
  reads: number;
  writes: number;
  deletes: number;
}

function counting(inner: Storage): { storage: Storage; take: () => Counts } {
  let counts: Counts = { reads: 0, writes: 0, deletes: 0 };
  return {
    storage: {
      read: (keys: string[]) => {
        counts.reads += keys.length;
        return inner.read(keys);
      },
      write: (changes: StoreItems) => {
        counts.writes += 1;
        return inner.write(changes);
      },
      delete: (keys: string[]) => {
        counts.deletes += keys.length;
        return inner.delete(keys);
      },
    },
    take: () => {
      const taken = counts;
      counts = { reads: 0, writes: 0, deletes: 0 };
      return taken;
    },
  };
}

/** Every document's size as stored, in bytes. */
async function largestDocument(storage: MemoryStorage): Promise<number> {
  const memory = (storage as unknown as { memory: Record<string, string> }).memory;
  return Math.max(
    // A deleted key stays in MemoryStorage's map with no value.
    ...Object.values(memory)
      .filter((stored) => stored !== undefined)
      .map((stored) => Buffer.byteLength(typeof stored === 'string' ? stored : JSON.stringify(stored))),
  );
}

const task = (n: number): MyTaskEntry => ({
  planId: `plan-${String(n).padStart(6, '0')}`,
  taskId: 'cloudSync.configure',
  location: { tenantId: TENANT, conversationId: `19:chat-${n}@thread.v2` },
  where: `group chat Rollout crew ${n}`,
  assignedAt: '2026-12-01T09:00:00.000Z',
});

const watched = (n: number): ReminderEntry => ({
  location: { tenantId: TENANT, conversationId: `19:channel-${n}@thread.tacv2` },
  planId: `plan-${String(n).padStart(6, '0')}`,
  fallback: { conversationId: `19:channel-${n}@thread.tacv2`, serviceUrl: 'https://smba.trafficmanager.net/emea/' },
  since: '2026-12-01T09:00:00.000Z',
});

const team = (n: number): TeamInstall => ({
  conversationId: `19:general-${n}@thread.tacv2`,
  teamId: `19:team-${n}@thread.tacv2`,
  teamName: `Team ${n}`,
  channelName: 'General',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  active: true,
});

/** One index as the tests drive it: seeded in the earlier format, then changed one entry at a time. */
interface Subject {
  seed(storage: Storage, count: number): Promise<void>;
  add(storage: Storage, n: number): Promise<void>;
  remove(storage: Storage, n: number): Promise<void>;
  ids(storage: Storage): Promise<string[]>;
  /** What has to exist before `remove(n)` means something (a team's install record). */
  prepare?(storage: Storage, n: number): Promise<void>;
  id(n: number): string;
}

const subjects: Record<string, Subject> = {
  'my tasks': {
    async seed(storage, count) {
      const earlier = new PagedIndex<MyTaskEntry>(storage, 'myTasks', { idOf: (e) => `${e.planId}|${e.taskId}` });
      await earlier.upsert(
        `${encodeURIComponent(TENANT)}/${encodeURIComponent(USER)}`,
        Array.from({ length: count }, (_, n) => task(n)),
      );
    },
    add: (storage, n) => new MyTasksIndex(storage).add(TENANT, USER, task(n)),
    remove: (storage, n) => new MyTasksIndex(storage).remove(TENANT, USER, [task(n)]),
    ids: async (storage) => (await new MyTasksIndex(storage).entries(TENANT, USER)).map((e) => e.planId),
    id: (n) => task(n).planId,
  },
  watch: {
    async seed(storage, count) {
      const earlier = new PagedIndex<ReminderEntry>(storage, 'watchIndex', { idOf: (e) => locationId(e.location) });
      await earlier.upsert(
        'all',
        Array.from({ length: count }, (_, n) => watched(n)),
      );
    },
    add: async (storage, n) => {
      expect(await new WatchIndex(storage).add(watched(n))).toBe('added');
    },
    remove: (storage, n) => new WatchIndex(storage).remove(watched(n).location, watched(n).planId),
    ids: async (storage) => (await new WatchIndex(storage).list()).map((e) => e.planId),
    id: (n) => watched(n).planId,
  },
  teams: {
    async seed(storage, count) {
      const earlier = new PagedIndex<TeamInstall>(storage, 'conversationIndex', {
        idOf: (t) => t.conversationId,
        field: 'teams',
      });
      await earlier.upsert(
        encodeURIComponent(TENANT),
        Array.from({ length: count }, (_, n) => team(n)),
      );
    },
    add: async (storage, n) => {
      const t = team(n);
      await new ConversationRegistry(storage).install(
        {
          reference: { conversation: { id: t.conversationId } as never, serviceUrl: t.serviceUrl },
          conversationType: 'channel',
          tenantId: TENANT,
          teamId: t.teamId,
          teamName: t.teamName,
          channelName: t.channelName,
        },
        new Date('2026-12-01T10:00:00.000Z'),
      );
    },
    remove: (storage, n) =>
      new ConversationRegistry(storage).markInactive(team(n).conversationId, new Date('2026-12-01T11:00:00.000Z')),
    ids: async (storage) => (await new ConversationRegistry(storage).teams(TENANT)).map((t) => t.teamId),
    id: (n) => team(n).teamId,
    prepare: (storage, n) => subjects.teams.add(storage, n),
  },
};

describe.each(Object.entries(subjects))('the %s index as it grows', (name, subject) => {
  const measured = new Map<number, Record<string, Counts>>();

  it.each(SIZES)('at %i entries: migrates the earlier chain, then adds and removes in constant reads', async (size) => {
    const memory = new MemoryStorage();
    const { storage, take } = counting(memory);
    await subject.seed(memory, size);

    // The first change migrates the chain (a locator per entry), losing nothing.
    await subject.add(storage, size);
    take();
    expect((await subject.ids(storage)).length).toBe(size + 1);

    await subject.prepare?.(storage, 3);
    take();
    await subject.add(storage, size + 1);
    const add = take();
    await subject.add(storage, Math.floor(size / 2));
    const refresh = take();
    await subject.remove(storage, 3);
    const remove = take();
    measured.set(size, { add, refresh, remove });

    const ids = await subject.ids(storage);
    // Booleans, not the lists: a failure at 20,000 entries should not print them all.
    expect([size + 1, Math.floor(size / 2), 3].map((n) => ids.includes(subject.id(n)))).toEqual([true, true, false]);
    expect(ids.length).toBe(size + 1);
    expect(await largestDocument(memory)).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES);

    for (const counts of [add, refresh, remove]) expect(counts.reads).toBeLessThanOrEqual(8);
  });

  it('reads the same number of documents at every size', () => {
    expect(measured.size).toBe(SIZES.length);
    const readsAt = (size: number) =>
      Object.fromEntries(Object.entries(measured.get(size)!).map(([op, counts]) => [op, counts.reads]));
    for (const size of SIZES) expect(readsAt(size)).toEqual(readsAt(SIZES[0]));
    // Writes may differ by the odd new page (an add that finds the last page full), never with the size as such.
    // Write calls, not documents: a page and the locators of what it gained are two calls (locators first).
    for (const size of SIZES)
      for (const counts of Object.values(measured.get(size)!)) expect(counts.writes).toBeLessThanOrEqual(4);
    if (process.env.INDEX_GROWTH_FIGURES) console.log(name, JSON.stringify(Object.fromEntries(measured)));
  });
});
