/**
 * Weekly digests all open at one hour, so every weekly pointer ends up in the same hourly slot: at 100,000 weekly
 * plans that slot is hundreds of pages. Turning reminders on for one more plan must not read them all.
 */
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { ReminderIndex, type QueuedReminder } from '../../src/store/reminderIndex';

const NOW = new Date('2026-12-07T10:00:00.000Z');
/** Next Monday 09:00 UTC: where every weekly plan's pointer waits after this week's digest. */
const NEXT_MONDAY = new Date('2026-12-14T09:00:00.000Z');

const pointer = (n: number, dueAt = NEXT_MONDAY): QueuedReminder => ({
  location: {
    tenantId: `tenant-${n % 50}-0000-4000-8000-000000000000`,
    conversationId: `19:team-${Math.floor(n / 5)}-channel-${n % 5}@thread.tacv2`,
  },
  planId: `3f2c1d9e-0000-4000-8000-${String(n).padStart(12, '0')}`,
  fallback: {
    conversationId: `19:team-${Math.floor(n / 5)}-channel-${n % 5}@thread.tacv2`,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
  },
  since: '2026-11-30T10:00:00.000Z',
  dueAt: dueAt.toISOString(),
});

function countingReads(storage: Storage): { storage: Storage; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    storage: {
      read: (keys: string[]) => {
        reads.push(...keys);
        return storage.read(keys);
      },
      write: (changes: StoreItems) => storage.write(changes),
      delete: (keys: string[]) => storage.delete(keys),
    },
  };
}

describe('the reminder queue', () => {
  it('adds a pointer to a slot of many pages with a constant handful of reads', async () => {
    const counted = countingReads(new MemoryStorage());
    const index = new ReminderIndex(counted.storage);
    for (let from = 0; from < 30_000; from += 5_000)
      await index.addMany(
        Array.from({ length: 5_000 }, (_, i) => pointer(from + i)),
        NOW,
      );
    const slot = index.slotFor(NEXT_MONDAY.toISOString(), NOW);
    const keys = Array.from({ length: 400 }, (_, n) => index.slotKey(slot, n));
    const pages = Object.keys(await counted.storage.read(keys)).length;
    expect(pages).toBeGreaterThan(100);

    const reads: number[] = [];
    for (const n of [30_000, 30_001, 30_002]) {
      counted.reads.length = 0;
      const { dueAt: _dueAt, ...entry } = pointer(n);
      expect(await index.add(entry, NEXT_MONDAY, NOW)).toBe('added');
      reads.push(counted.reads.length);
    }
    expect(Math.max(...reads)).toBeLessThanOrEqual(4);

    const { due } = await index.due(new Date(NEXT_MONDAY.getTime() + 5 * 60_000));
    expect(due).toHaveLength(30_003);
    expect(due.filter((found) => found.slot === slot)).toHaveLength(30_003);
  });
});
