/**
 * The reminder family on its own, without Teams: the "Turn reminders on/off" data is checked before anything is read
 * or written, the question carries exactly that data, and a click records the change on the plan and in the queue.
 */
import {
  askReminders,
  parseReminderData,
  reminderVerbHandlers,
  REMINDER_VERBS,
  type ReminderActionDeps,
  type ReminderTurn,
} from '../../src/actions/reminderActions';
import { createPlan, reminderCadence, type Actor } from '../../src/domain/plan';
import type { PlanLocation } from '../../src/store/planStore';
import { ReminderIndex } from '../../src/store/reminderIndex';
import { planStoreWith } from '../helpers/storedPlan';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const HERE: PlanLocation = { tenantId: 't1', conversationId: 'a:reminder-chat' };
const TURN: ReminderTurn = {
  location: HERE,
  actor: ANA,
  target: { conversationId: 'a:reminder-chat', serviceUrl: 'https://smba.example/' },
};

async function setup() {
  const plan = createPlan({
    id: 'plan-remind',
    selection: { tool: 'cloudSync' },
    createdBy: ANA,
    at: '2026-12-01T09:00:00.000Z',
  });
  const { storage, planStore } = await planStoreWith(HERE, plan);
  const index = new ReminderIndex(storage);
  const deps: ReminderActionDeps = {
    planStore,
    index,
    clock: () => new Date('2026-12-01T10:00:00.000Z'),
    hourUtc: 8,
    checkSeconds: 60,
  };
  const cadence = async () => reminderCadence((await planStore.load(HERE))!.plan);
  return { deps, plan, index, cadence };
}

describe('reminder button data', () => {
  it.each([
    ['no data', undefined],
    ['an array', ['plan-remind', 'daily']],
    ['no plan id', { cadence: 'daily' }],
    ['a plan id of the wrong type', { planId: 42, cadence: 'daily' }],
    ['an oversized plan id', { planId: 'p'.repeat(10_000), cadence: 'daily' }],
    ['a plan id with markup', { planId: '<at>x</at>', cadence: 'daily' }],
    ['an unknown cadence', { planId: 'plan-remind', cadence: 'hourly' }],
    ['a cadence of the wrong type', { planId: 'plan-remind', cadence: ['daily'] }],
    ['no cadence', { planId: 'plan-remind' }],
  ])('refuses %s with a message that says what to do', (_name, data) => {
    const parsed = parseReminderData(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/remind daily/);
  });

  it.each(['daily', 'weekly', 'off'] as const)('accepts a plan id and the cadence %s, and nothing else', (cadence) => {
    expect(parseReminderData({ planId: 'plan-remind', cadence, extra: 'ignored' })).toEqual({
      ok: true,
      value: { planId: 'plan-remind', cadence },
    });
  });
});

describe('reminder verbs', () => {
  it('handles both of its verbs', async () => {
    const { deps } = await setup();
    expect(Object.keys(reminderVerbHandlers(deps)).sort()).toEqual([REMINDER_VERBS.cancel, REMINDER_VERBS.set].sort());
  });

  it('asks first, with buttons that carry the plan and the cadence', async () => {
    const { deps, plan, cadence } = await setup();
    const card = await askReminders(deps, HERE, 'daily');
    expectValidCard(card);
    expect(cardText(card)).toContain('Turn on daily reminders?');
    expect(executeActions(card).map((action) => [action.verb, action.data])).toEqual([
      [REMINDER_VERBS.set, { planId: plan.id, cadence: 'daily' }],
      [REMINDER_VERBS.cancel, { planId: plan.id }],
    ]);
    expect(await cadence()).toBe('off');
  });

  it('shows the setting when nothing would change', async () => {
    const { deps } = await setup();
    const card = await askReminders(deps, HERE, 'off');
    expect(cardText(card)).toContain('Reminders are off.');
    expect(executeActions(card)).toEqual([]);
  });

  it('turns reminders on: the plan records it and the queue points at the plan', async () => {
    const { deps, plan, index, cadence } = await setup();
    const card = await reminderVerbHandlers(deps)[REMINDER_VERBS.set](TURN, { planId: plan.id, cadence: 'weekly' });
    expect(cardText(card)).toContain('Weekly reminders turned on');
    expect(await cadence()).toBe('weekly');
    expect((await index.scheduled(HERE)).map((queued) => queued.planId)).toEqual([plan.id]);
  });

  it.each([
    ['forged data', { planId: '../other', cadence: 'daily' }, 'does not name a plan'],
    ['the card of another plan', { planId: 'plan-older', cadence: 'daily' }, 'plan'],
  ])('changes nothing on %s', async (_name, data, says) => {
    const { deps, index, cadence } = await setup();
    const card = await reminderVerbHandlers(deps)[REMINDER_VERBS.set](TURN, data);
    expectValidCard(card);
    expect(cardText(card)).toContain(says);
    expect(await cadence()).toBe('off');
    expect(await index.scheduled(HERE)).toEqual([]);
  });

  it('answers "no plan" where there is none, for both verbs', async () => {
    const { deps } = await setup();
    const elsewhere: ReminderTurn = { ...TURN, location: { tenantId: 't1', conversationId: 'a:empty' } };
    for (const verb of [REMINDER_VERBS.set, REMINDER_VERBS.cancel]) {
      const card = await reminderVerbHandlers(deps)[verb](elsewhere, { planId: 'plan-remind', cadence: 'daily' });
      expect(cardText(card)).toMatch(/no plan/i);
    }
  });
});
