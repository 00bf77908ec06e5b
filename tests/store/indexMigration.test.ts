/**
 * Indexes stored by earlier versions (tests/fixtures/storedFormat/v1-indexes.json, copied from that format) carry
 * over on first start: the single reminder document moves into the due queue at the first scheduler check and is
 * deleted; the watch, my-tasks and team indexes are read as they are, as the first page of their paged lists.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { ConversationRegistry } from '../../src/store/conversationRegistry';
import { MyTasksIndex } from '../../src/store/myTasksIndex';
import { QUEUE_SLOTS, ReminderIndex } from '../../src/store/reminderIndex';
import { SqliteStorage } from '../../src/store/sqliteStorage';
import { WatchIndex } from '../../src/store/watchIndex';
import { startHarness } from '../helpers/botHarness';

const FIXTURE = join(__dirname, '..', 'fixtures', 'storedFormat', 'v1-indexes.json');
const TENANT = '00000000-0000-4000-8000-0000000000aa';
const NOW = new Date('2026-12-01T10:30:00.000Z');

function fixture(): StoreItems {
  const { _comment: _ignored, ...documents } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;
  // Written as they were stored; the stored eTag is replaced by the backend's own, as any write does.
  return Object.fromEntries(Object.entries(documents).map(([key, value]) => [key, { ...value, eTag: '*' }]));
}

describe('indexes of the previous stored format', () => {
  let dir: string;
  let storage: SqliteStorage;
  const legacy = fixture();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-migration-'));
    storage = new SqliteStorage(join(dir, 'bot.sqlite'));
    await storage.write(legacy);
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the reminder document becomes pointers due now in the queue, and is deleted; a second run finds nothing to do', async () => {
    const index = new ReminderIndex(storage);
    expect(await index.migrateSingleDocument(NOW)).toBe(2);
    expect(await storage.read(['reminderIndex/all'])).toEqual({});
    const { due } = await index.due(NOW);
    const old = legacy['reminderIndex/all'].entries;
    expect(due.map((found) => found.entry)).toEqual(
      old.map((entry: object) => ({ ...entry, dueAt: NOW.toISOString() })),
    );
    expect(await index.migrateSingleDocument(NOW)).toBe(0);
    expect((await index.due(NOW)).due).toHaveLength(2);
  });

  it('the watch, my-tasks and team indexes read as they were stored, and take new entries on top', async () => {
    const watch = new WatchIndex(storage);
    expect(await watch.list()).toEqual(legacy['watchIndex/all'].entries);

    const myTasks = new MyTasksIndex(storage);
    const tasks = await myTasks.entries(TENANT, 'aad-ben');
    expect(tasks.map((t) => t.taskId)).toEqual(['cloudSync.configure', 'cloudSync.verify']);
    expect(tasks[0].where).toBe('Identity Team › Identity rollout');

    const registry = new ConversationRegistry(storage);
    expect((await registry.teams(TENANT)).map((team) => team.teamName)).toEqual(['Identity Team']);
    await registry.install(
      {
        reference: {
          conversation: { id: '19:new@thread.tacv2' } as any,
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
        },
        conversationType: 'channel',
        tenantId: TENANT,
        teamId: '19:newteam@thread.tacv2',
        teamName: 'New Team',
      },
      NOW,
    );
    expect((await registry.teams(TENANT)).map((team) => team.teamName).sort()).toEqual(['Identity Team', 'New Team']);
  });

  it('a bot starting on the old documents moves the reminder pointers at its first check, without anyone asking', async () => {
    await storage.close();
    const bot = await startHarness(
      { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'bot.sqlite'), REMINDER_CHECK_SECONDS: '0' },
      { clock: () => NOW },
    );
    try {
      const check = await bot.app.reminders.runOnce();
      // Both pointers came due from the queue; their plans are not in this copy, so the check drops them.
      expect(check.results.map((r) => r.planId).sort()).toEqual([
        '11111111-1111-4111-8111-111111111111',
        '22222222-2222-4222-8222-222222222222',
      ]);
      expect(await bot.app.storage.storage.read(['reminderIndex/all'])).toEqual({});
      const index = new ReminderIndex(bot.app.storage.storage);
      const keys = Array.from({ length: QUEUE_SLOTS }, (_, slot) => index.slotKey(slot));
      const pages = Object.values(await bot.app.storage.storage.read(keys)) as Array<{ entries: unknown[] }>;
      expect(pages.flatMap((page) => page.entries)).toEqual([]);
    } finally {
      await bot.close();
      storage = new SqliteStorage(join(dir, 'bot.sqlite'));
    }
  });
});
