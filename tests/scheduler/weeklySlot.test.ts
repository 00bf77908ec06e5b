/**
 * Every weekly plan's pointer waits in one slot, Monday 09:00, and each Monday's check moves it on to the next
 * Monday: the same slot. Over several weeks each plan gets one digest a week, keeps exactly one pointer, and the slot
 * reuses the pages the moved pointers left instead of growing.
 */
import { MemoryStorage } from 'botbuilder';
import type { Delivery } from '../../src/actions/delivery';
import type { MessagePort } from '../../src/messaging/connectorPort';
import { createPlan } from '../../src/domain/plan';
import { applyPlanEdit } from '../../src/domain/planEdits';
import { periodKey } from '../../src/domain/digest';
import { ReminderScheduler } from '../../src/scheduler/reminderScheduler';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { ReminderIndex, type QueuedReminder } from '../../src/store/reminderIndex';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const MONDAY_9 = Date.parse('2026-12-07T09:00:00.000Z');
const ANA = { id: 'aad-ana', name: 'Ana Admin' };
const PLANS = 1_000;

const locationOf = (n: number): PlanLocation => ({
  tenantId: `tenant-${n % 7}`,
  conversationId: `19:team-${n}@thread.tacv2`,
});
const planIdOf = (n: number) => `3f2c1d9e-0000-4000-8000-${String(n).padStart(12, '0')}`;

function setUp() {
  const storage = new MemoryStorage();
  const planStore = new PlanStore(storage);
  const index = new ReminderIndex(storage);
  let now = MONDAY_9 - WEEK;
  const sent: string[] = [];
  const delivery: Pick<Delivery, 'send'> = {
    send: async (job) => {
      sent.push(job.key ?? '');
      return { ok: true, value: await job.run(new AbortController().signal), attempts: 1 };
    },
  };
  const port: MessagePort = { postMessage: async () => `activity-${sent.length}` };
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const scheduler = new ReminderScheduler({
    planStore,
    index,
    delivery,
    port,
    clock: () => new Date(now),
    logger: quiet,
    hourUtc: 9,
    checkSeconds: 0,
    instanceId: 'one',
  });
  const seed = async (count: number, planId: (n: number) => string = planIdOf) => {
    const base = createPlan({
      id: 'template',
      selection: { tool: 'cloudSync' },
      createdBy: ANA,
      at: new Date(MONDAY_9 - 30 * 24 * HOUR).toISOString(),
    });
    const edited = applyPlanEdit(
      base,
      { kind: 'setReminders', cadence: 'weekly' },
      ANA,
      new Date(MONDAY_9 - 14 * 24 * HOUR).toISOString(),
    );
    if (edited.kind === 'rejected') throw new Error(edited.message);
    const weekly = edited.plan;
    const items: Record<string, object> = {};
    for (let n = 0; n < count; n++) {
      const location = locationOf(n);
      items[planStore.key(location)] = {
        plan: { ...weekly, id: planId(n) },
        conversationId: location.conversationId,
        tenantId: location.tenantId,
        cards: [],
        reminderRun: { lastSentPeriodKey: periodKey(new Date(MONDAY_9 - WEEK), 'weekly') },
        eTag: '*',
      };
    }
    await storage.write(items);
  };
  const pointer = (n: number, since: string, planId = planIdOf(n)): QueuedReminder => ({
    location: locationOf(n),
    planId,
    fallback: { conversationId: locationOf(n).conversationId, serviceUrl: 'https://smba.trafficmanager.net/emea/' },
    since,
    dueAt: new Date(MONDAY_9).toISOString(),
  });
  const slot = index.slotFor(new Date(MONDAY_9).toISOString(), new Date(MONDAY_9 - WEEK));
  /** The slot's pages and every pointer on them, copies included. */
  const slotContents = async () => {
    const keys = Array.from({ length: 200 }, (_, n) => index.slotKey(slot, n));
    const pages = Object.values(await storage.read(keys)) as Array<{ entries: QueuedReminder[] }>;
    return { pages: pages.length, pointers: pages.flatMap((page) => page.entries) };
  };
  return { storage, index, slot, scheduler, sent, seed, pointer, slotContents, at: (ms: number) => (now = ms) };
}

describe('the Monday 09:00 slot over several weeks', () => {
  it('sends each weekly plan once a week, keeps one pointer per plan and does not grow', async () => {
    const world = setUp();
    await world.seed(PLANS);
    await world.index.addMany(
      Array.from({ length: PLANS }, (_, n) => world.pointer(n, '2026-11-23T10:00:00.000Z')),
      new Date(MONDAY_9 - WEEK),
    );
    const pagesPerWeek: number[] = [];
    for (let week = 0; week < 4; week++) {
      world.at(MONDAY_9 + week * WEEK + 5 * 60_000);
      const before = world.sent.length;
      const summary = await world.scheduler.runOnce();
      expect(summary.results.filter((r) => r.outcome === 'sent')).toHaveLength(PLANS);
      expect(world.sent.length - before).toBe(PLANS);
      const { pages, pointers } = await world.slotContents();
      expect(pointers).toHaveLength(PLANS);
      expect(new Set(pointers.map((p) => p.planId)).size).toBe(PLANS);
      expect(new Set(pointers.map((p) => p.dueAt))).toEqual(
        new Set([new Date(MONDAY_9 + (week + 1) * WEEK).toISOString()]),
      );
      pagesPerWeek.push(pages);
      // An hour later nothing is due: the moved pointers wait for next Monday.
      world.at(MONDAY_9 + week * WEEK + HOUR + 5 * 60_000);
      expect((await world.scheduler.runOnce()).results).toEqual([]);
    }
    // The first move needs a second set of pages next to the first; after that the freed ones are reused.
    expect(pagesPerWeek[3]).toBe(pagesPerWeek[1]);
    expect(pagesPerWeek[3]).toBeLessThanOrEqual(2 * pagesPerWeek[0] + 1);
  });

  it('looks once at a plan with two pointers in the slot, goes by the newest, and leaves one', async () => {
    const world = setUp();
    await world.seed(1);
    // An older pointer from before the plan was replaced, and on the next page the one its current plan's "turn on"
    // appended without looking for the older one.
    await world.storage.write({
      [world.index.slotKey(world.slot, 0)]: {
        entries: [world.pointer(0, '2026-11-02T10:00:00.000Z', planIdOf(999))],
        more: true,
        eTag: '*',
      },
      [world.index.slotKey(world.slot, 1)]: { entries: [world.pointer(0, '2026-11-30T10:00:00.000Z')], eTag: '*' },
    });
    world.at(MONDAY_9 + 5 * 60_000);
    expect((await world.scheduler.runOnce()).results).toEqual([{ planId: planIdOf(0), outcome: 'sent' }]);
    const { pointers } = await world.slotContents();
    expect(pointers).toEqual([
      expect.objectContaining({ planId: planIdOf(0), dueAt: new Date(MONDAY_9 + WEEK).toISOString() }),
    ]);
  });
});
