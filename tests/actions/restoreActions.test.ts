import { MemoryStorage } from 'botbuilder';
import {
  parseRestoreData,
  RESTORE_VERBS,
  restoreLatest,
  restoreVerbHandlers,
  type RestoreActionDeps,
  type RestorePermission,
  type RestoreTurn,
} from '../../src/actions/restoreActions';
import { errorCard } from '../../src/cards/errorCard';
import { createPlan, type Actor } from '../../src/domain/plan';
import { DecisionStore } from '../../src/store/decisionStore';
import { MyTasksIndex } from '../../src/store/myTasksIndex';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { ReminderIndex } from '../../src/store/reminderIndex';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const HERE: PlanLocation = { tenantId: 't1', conversationId: '19:team@thread.tacv2' };
const NOW = new Date('2025-11-27T10:00:00.000Z');
const AT = '2025-11-26T10:00:00.000Z';

async function setup(permission: RestorePermission = { kind: 'allowed' }) {
  const storage = new MemoryStorage();
  const planStore = new PlanStore(storage);
  const deps: RestoreActionDeps = {
    planStore,
    decisions: new DecisionStore(storage),
    index: new ReminderIndex(storage),
    myTasks: new MyTasksIndex(storage),
    clock: () => NOW,
    logger: { warn: () => undefined },
  };
  const asked: string[] = [];
  const turn: RestoreTurn = {
    location: HERE,
    actor: ANA,
    fallback: { conversationId: HERE.conversationId, serviceUrl: 'https://smba.example/' },
    mayChange: async (plan, change) => {
      asked.push(`${change} ${plan.id}`);
      return permission;
    },
    place: async () => ({ location: HERE, where: 'Identity › Rollout', conversationType: 'channel' }),
  };
  const create = (id: string, replace: boolean) =>
    planStore.create(
      HERE,
      {
        plan: createPlan({ id, selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT }),
        conversationId: HERE.conversationId,
        tenantId: HERE.tenantId,
        cards: [],
      },
      { replace, audit: { by: ANA, at: AT } },
    );
  return { planStore, deps, turn, asked, create };
}

describe('parseRestoreData', () => {
  it.each([
    ['a plan id', { planId: 'plan-1' }, { planId: 'plan-1' }],
    [
      'a plan id and the plan it replaces',
      { planId: 'plan-1', replacing: 'plan-2' },
      { planId: 'plan-1', replacing: 'plan-2' },
    ],
    ['no object', 'plan-1', undefined],
    ['an array', ['plan-1'], undefined],
    ['null', null, undefined],
    ['no plan id', {}, undefined],
    ['a plan id of the wrong shape', { planId: 'plan 1;drop' }, undefined],
    ['an oversized plan id', { planId: 'p'.repeat(65) }, undefined],
    ['a forged "replacing"', { planId: 'plan-1', replacing: { $ne: 1 } }, undefined],
    ['an oversized "replacing"', { planId: 'plan-1', replacing: 'p'.repeat(10_000) }, undefined],
  ])('%s', (_label, data, expected) => {
    expect(parseRestoreData(data)).toEqual(expected);
  });
});

describe('restore verbs', () => {
  it('owns exactly the restore and keep verbs', async () => {
    const { deps } = await setup();
    expect(Object.keys(restoreVerbHandlers(deps)).sort()).toEqual([RESTORE_VERBS.keep, RESTORE_VERBS.restore].sort());
  });

  it('answers forged button data with a card that says what to do, and changes nothing', async () => {
    const { deps, turn, planStore, create } = await setup();
    await create('plan-1', false);
    const before = await planStore.load(HERE);
    const card = await restoreVerbHandlers(deps)[RESTORE_VERBS.restore](turn, { planId: 'x'.repeat(5_000) });
    expectValidCard(card);
    expect(cardText(card)).toContain('does not name a plan I can restore');
    expect(await planStore.load(HERE)).toEqual(before);
  });

  it('asks before replacing the current plan, and restores once "Restore it" names that plan', async () => {
    const { deps, turn, planStore, create, asked } = await setup();
    await create('plan-old', false);
    await create('plan-new', true);
    const question = await restoreLatest(deps, turn);
    expect(cardText(question)).toContain('Restore an earlier plan?');
    expect(asked).toEqual(['restore plan-old', 'replace plan-new']);
    const restoreButton = executeActions(question).find((action) => action.verb === RESTORE_VERBS.restore)!;
    expect(restoreButton.data).toEqual({ planId: 'plan-old', replacing: 'plan-new' });
    expect((await planStore.load(HERE))!.plan.id).toBe('plan-new');

    const done = await restoreVerbHandlers(deps)[RESTORE_VERBS.restore](turn, restoreButton.data);
    expect(cardText(done)).toContain('Plan restored');
    expect((await planStore.load(HERE))!.plan.id).toBe('plan-old');
  });

  it('shows the refusal the turn gives, and changes nothing', async () => {
    const refusal = errorCard('Only Ana can restore the plan.', 'Not something you can do here');
    const { deps, turn, planStore, create } = await setup({ kind: 'refused', card: refusal });
    await create('plan-old', false);
    await create('plan-new', true);
    expect(await restoreLatest(deps, turn)).toEqual(refusal);
    expect((await planStore.load(HERE))!.plan.id).toBe('plan-new');
  });

  it('says there is nothing to restore when no plan was discarded or replaced', async () => {
    const { deps, turn, create } = await setup();
    await create('plan-1', false);
    expect(cardText(await restoreLatest(deps, turn))).toContain('Nothing to restore');
  });

  it('"Keep the current plan" keeps it, and says so', async () => {
    const { deps, turn, planStore, create } = await setup();
    await create('plan-old', false);
    await create('plan-new', true);
    const card = await restoreVerbHandlers(deps)[RESTORE_VERBS.keep](turn, { planId: 'plan-old' });
    expect(cardText(card)).toContain('Nothing changed');
    expect((await planStore.load(HERE))!.plan.id).toBe('plan-new');
  });
});
