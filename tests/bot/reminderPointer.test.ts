/**
 * The reminder index is a pointer the scheduler walks; a "Turn on reminders" click must only move it for the plan the
 * conversation holds now, after the plan itself recorded the change. Stale cards of a replaced plan, forged plan ids
 * and oversized ones are refused with a card and leave the pointer (and the reminders it keeps alive) as they were.
 */
import { QUEUE_SLOTS, ReminderIndex, MAX_REMINDER_TEXT } from '../../src/store/reminderIndex';
import { MemoryStorage } from 'botbuilder';
import { cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, planKey, startPlanIn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

describe('reminders.set moves the reminder pointer only for the current plan', () => {
  let bot: Harness;
  let connector: FakeConnector;
  let chat: ActivityOptions;
  const now = new Date('2026-12-01T10:00:00.000Z');
  let oldPlanId: string;
  let planId: string;

  const stored = async (key: string): Promise<any> => (await bot.app.storage.storage.read([key]))[key];
  /** The plan's pointers in the reminder queue, wherever they are. */
  const pointers = async () =>
    new ReminderIndex(bot.app.storage.storage).scheduled({ tenantId: TENANT_ID, conversationId: chat.conversationId! });
  const indexJson = async () => JSON.stringify(await pointers());
  const setReminders = async (data: Record<string, unknown>) => {
    const answer = await bot.invoke('reminders.set', data, chat);
    expect(answer.status).toBe(200);
    expectValidCard(answer.body.value);
    return cardText(answer.body.value);
  };

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startHarness({ REMINDER_CHECK_SECONDS: '0' }, { clock: () => now, sender: FAST_SENDER });
    chat = { conversationType: 'personal', conversationId: 'a:reminder-pointer', serviceUrl: connector.serviceUrl };
    await startPlanIn(bot.app, chat, { tool: 'cloudSync' }, testDecision());
    await bot.app.planFeature.idle();
    oldPlanId = (await stored(planKey(chat.conversationId!))).plan.id;
    // The first plan's reminder card, as it stays in the chat after the plan is replaced.
    expect(await setReminders({ planId: oldPlanId, cadence: 'weekly' })).toContain('Weekly reminders turned on');

    await startPlanIn(bot.app, chat, { tool: 'connect', connectInstall: 'express' }, testDecision('connect'), true);
    await bot.app.planFeature.idle();
    planId = (await stored(planKey(chat.conversationId!))).plan.id;
    expect(planId).not.toBe(oldPlanId);

    const [asked] = cardsOf(await bot.say('remind daily', chat));
    const [confirm] = executeActions(asked);
    expect(confirm.data).toEqual({ planId, cadence: 'daily' });
    expect(await setReminders(confirm.data!)).toContain('Daily reminders turned on');
    expect(await pointers()).toEqual([
      expect.objectContaining({ location: { tenantId: TENANT_ID, conversationId: chat.conversationId }, planId }),
    ]);
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });

  it.each([
    ['the stale card of the replaced plan', () => ({ planId: oldPlanId, cadence: 'weekly' }), 'not the current plan'],
    [
      'a forged plan id of the right shape',
      () => ({ planId: '3f2c1d9e-0000-4000-8000-000000000000', cadence: 'daily' }),
      'not the current plan',
    ],
    ['a 250 KB plan id', () => ({ planId: 'p'.repeat(250_000), cadence: 'daily' }), 'does not name a plan'],
    ['a plan id that is not a string', () => ({ planId: { id: 'x' }, cadence: 'daily' }), 'does not name a plan'],
  ])('%s is refused; the pointer, the plan and its reminders stay as they were', async (_label, data, message) => {
    const indexBefore = await indexJson();
    const planBefore = JSON.stringify(await stored(planKey(chat.conversationId!)));
    expect(await setReminders(data())).toContain(message);
    expect(await indexJson()).toBe(indexBefore);
    expect(JSON.stringify(await stored(planKey(chat.conversationId!)))).toBe(planBefore);
    expect(Buffer.byteLength(await indexJson())).toBeLessThan(2_000);

    // The scheduler keeps the plan: a check moves its pointer on to the next period, never drops it.
    const check = await bot.app.reminders.runOnce();
    expect(check.results.filter((r) => r.outcome === 'removed')).toEqual([]);
    expect(await pointers()).toEqual([expect.objectContaining({ planId })]);
    const [shown] = cardsOf(await bot.say('remind', chat));
    expect(cardText(shown)).toContain('Daily reminders are on');
  });

  it("turning reminders off with a stale card leaves the current plan's pointer alone", async () => {
    const indexBefore = await indexJson();
    expect(await setReminders({ planId: oldPlanId, cadence: 'off' })).toContain('not the current plan');
    expect(await indexJson()).toBe(indexBefore);
  });

  it("a pointer lost earlier comes back when the current plan's reminders are confirmed again", async () => {
    const index = new ReminderIndex(bot.app.storage.storage);
    await bot.app.storage.storage.delete(Array.from({ length: QUEUE_SLOTS }, (_, slot) => index.slotKey(slot)));
    expect(await pointers()).toEqual([]);
    expect(await setReminders({ planId, cadence: 'daily' })).toContain('Reminders unchanged');
    expect(await pointers()).toEqual([expect.objectContaining({ planId })]);
  });

  it('the 2,001st plan can turn reminders on: the queue has no cap', async () => {
    expect(await setReminders({ planId, cadence: 'off' })).toContain('Reminders turned off');
    const index = new ReminderIndex(bot.app.storage.storage);
    const others = Array.from({ length: 2_000 }, (_, i) => ({
      location: { tenantId: TENANT_ID, conversationId: `a:other-${i}` },
      planId: `3f2c1d9e-0000-4000-8000-${String(i).padStart(12, '0')}`,
      fallback: { conversationId: `a:other-${i}`, serviceUrl: connector.serviceUrl },
      since: now.toISOString(),
      dueAt: new Date(now.getTime() + (i % 7) * 86_400_000).toISOString(),
    }));
    await index.addMany(others, now);
    expect(await setReminders({ planId, cadence: 'daily' })).toContain('Daily reminders turned on');
    expect(await pointers()).toEqual([expect.objectContaining({ planId })]);
  });

  it('the 20,001st plan turns reminders on with a few reads of its slot, however many pages that slot has', async () => {
    const index = new ReminderIndex(bot.app.storage.storage);
    const [current] = await pointers();
    const slot = index.slotFor(current.dueAt, now);
    expect(await setReminders({ planId, cadence: 'off' })).toContain('Reminders turned off');
    // 20,000 other plans' pointers, all due when this one will be, written straight into the queue.
    await bot.app.storage.storage.delete(Array.from({ length: 400 }, (_, n) => index.slotKey(slot, n)));
    const others = Array.from({ length: 20_000 }, (_, i) => ({
      location: { tenantId: TENANT_ID, conversationId: `19:team-${i}-general@thread.tacv2` },
      planId: `3f2c1d9e-0000-4000-8000-${String(i).padStart(12, '0')}`,
      fallback: { conversationId: `19:team-${i}-general@thread.tacv2`, serviceUrl: connector.serviceUrl },
      since: now.toISOString(),
      dueAt: current.dueAt,
    }));
    await index.addMany(others, now);
    const pages = Object.keys(
      await bot.app.storage.storage.read(Array.from({ length: 400 }, (_, n) => index.slotKey(slot, n))),
    ).length;
    expect(pages).toBeGreaterThan(100);

    const read = jest.spyOn(bot.app.storage.storage, 'read');
    let queueReads: number;
    try {
      expect(await setReminders({ planId, cadence: 'daily' })).toContain('Daily reminders turned on');
      queueReads = read.mock.calls.flatMap(([keys]) => keys).filter((key) => key.startsWith('reminderQueue/')).length;
    } finally {
      read.mockRestore();
    }
    expect(queueReads).toBeLessThanOrEqual(4);
    expect(await pointers()).toEqual([expect.objectContaining({ planId, dueAt: current.dueAt })]);
    const { due } = await index.due(new Date(Date.parse(current.dueAt) + 60_000));
    expect(due.filter((found) => found.slot === slot)).toHaveLength(20_001);
  });

  it("when the queue cannot take the pointer, the plan's change is taken back instead of showing reminders that never come", async () => {
    expect(await setReminders({ planId, cadence: 'off' })).toContain('Reminders turned off');
    const refuse = jest.spyOn(ReminderIndex.prototype, 'add').mockRejectedValue(new Error('storage down'));
    try {
      expect(await setReminders({ planId, cadence: 'daily' })).toContain('could not be saved');
    } finally {
      refuse.mockRestore();
    }
    const plan = (await stored(planKey(chat.conversationId!))).plan;
    expect(plan.reminders.cadence).toBe('off');
    const [shown] = cardsOf(await bot.say('remind', chat));
    expect(cardText(shown)).toContain('Reminders are off');
  });
});

describe('the reminder index bounds what it stores', () => {
  const entry = {
    location: { tenantId: TENANT_ID, conversationId: 'a:chat' },
    planId: '3f2c1d9e-0000-4000-8000-000000000001',
    fallback: { conversationId: 'a:chat', serviceUrl: 'https://smba.trafficmanager.net/emea/' },
    since: '2026-12-01T10:00:00.000Z',
  };

  it.each([
    ['plan id', { ...entry, planId: 'p'.repeat(250_000) }],
    [
      'conversation id',
      { ...entry, location: { ...entry.location, conversationId: 'c'.repeat(MAX_REMINDER_TEXT + 1) } },
    ],
    ['tenant id', { ...entry, location: { ...entry.location, tenantId: 't'.repeat(MAX_REMINDER_TEXT + 1) } }],
    [
      'fallback service URL',
      { ...entry, fallback: { ...entry.fallback, serviceUrl: `https://${'s'.repeat(MAX_REMINDER_TEXT)}` } },
    ],
    [
      'fallback conversation id',
      { ...entry, fallback: { ...entry.fallback, conversationId: 'c'.repeat(MAX_REMINDER_TEXT + 1) } },
    ],
    ['time', { ...entry, since: 'x'.repeat(MAX_REMINDER_TEXT + 1) }],
  ])('an oversized %s is refused and nothing is written', async (_label, oversized) => {
    const storage = new MemoryStorage();
    const index = new ReminderIndex(storage);
    const now = new Date('2026-12-01T10:00:00.000Z');
    expect(await index.add(entry, now, now)).toBe('added');
    const key = index.slotKey(index.slotFor(now.toISOString(), now));
    const before = JSON.stringify(await storage.read([key]));
    expect(await index.add(oversized, now, now)).toBe('invalid');
    expect(JSON.stringify(await storage.read([key]))).toBe(before);
  });
});
