/**
 * The plan reads on their own, without Teams: each typed read answers from the plan stored for the conversation and
 * writes nothing, and the summary's "What's next" posts the next task only for the plan this conversation holds.
 */
import {
  NEXT_VERB,
  parseNextData,
  planReadVerbHandlers,
  readPlan,
  readTaskHistory,
  type PlanReadDeps,
} from '../../src/actions/planReads';
import type { AdaptiveCardJson } from '../../src/cards/render';
import { createPlan, type Actor } from '../../src/domain/plan';
import type { PlanLocation } from '../../src/store/planStore';
import { planStoreWith } from '../helpers/storedPlan';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const HERE: PlanLocation = { tenantId: 't1', conversationId: 'a:reads-chat' };
const EMPTY: PlanLocation = { tenantId: 't1', conversationId: 'a:no-plan' };
const TARGET = { conversationId: 'a:reads-chat', serviceUrl: 'https://smba.example/' };
const AT = '2026-12-01T09:00:00.000Z';

async function setup() {
  const plan = createPlan({ id: 'plan-reads', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
  const { storage, planStore } = await planStoreWith(HERE, plan);
  const posted: AdaptiveCardJson[] = [];
  const deps: PlanReadDeps = {
    planStore,
    clock: () => new Date('2026-12-01T10:00:00.000Z'),
    outgoing: { postCard: (_location, _target, card) => void posted.push(card) },
  };
  const stored = async () => JSON.stringify(await storage.read([]));
  return { deps, plan, planStore, posted, stored };
}

describe('typed plan reads', () => {
  it.each([
    ['next', /task 2 of 5\n\s*Review Cloud Sync prerequisites/],
    ['status', /^DEPLOYMENT PLAN[\s\S]*1 of 5 tasks settled/],
    ['tasks', /^TASKS[\s\S]*Verify users are syncing/],
    ['history', /^HISTORY[\s\S]*Choose the sync tool: To do → Done\n\s*Ana/],
  ] as const)('"%s" answers from the plan here, and changes nothing', async (read, says) => {
    const { deps, planStore } = await setup();
    const before = JSON.stringify(await planStore.load(HERE));
    const card = await readPlan(deps, HERE, read);
    expectValidCard(card);
    expect(cardText(card)).toMatch(says);
    expect(JSON.stringify(await planStore.load(HERE))).toBe(before);
  });

  it.each(['next', 'status', 'tasks', 'history'] as const)(
    '"%s" says there is no plan where there is none',
    async (read) => {
      const { deps } = await setup();
      expect(cardText(await readPlan(deps, EMPTY, read))).toMatch(/no plan/i);
    },
  );

  it('"history" offers the earlier plans where the plan was discarded', async () => {
    const { deps, planStore } = await setup();
    await planStore.remove(HERE, { by: ANA, at: AT });
    const text = cardText(await readPlan(deps, HERE, 'history'));
    expect(text).not.toMatch(/no plan here/i);
    expect(text).toMatch(/restore/i);
  });
});

describe('one task\'s history ("history 3")', () => {
  const BEN: Actor = { id: 'aad-ben', name: 'Ben' };

  /** Marks task 2 done and reopens it `times` times, and starts task 3 once, alternating Ana and Ben. */
  async function changed(times: number) {
    const setup_ = await setup();
    const { planStore, plan } = setup_;
    for (let i = 0; i < times; i++)
      for (const action of ['done', 'reopen'] as const) {
        const outcome = await planStore.applyAction(HERE, {
          planId: plan.id,
          taskId: 'cloudSync.prerequisites',
          action,
          actor: i % 2 ? BEN : ANA,
          at: new Date(Date.parse(AT) + (i * 2 + (action === 'done' ? 0 : 1)) * 60_000).toISOString(),
        });
        expect(outcome.kind).toBe('changed');
      }
    await planStore.applyAction(HERE, {
      planId: plan.id,
      taskId: 'cloudSync.installAgent',
      action: 'start',
      actor: BEN,
      at: AT,
    });
    return setup_;
  }

  it("shows only that task's changes, newest first, and changes nothing", async () => {
    const { deps, planStore } = await changed(2);
    const before = JSON.stringify(await planStore.load(HERE));
    const card = await readTaskHistory(deps, HERE, 2);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/4 changes to task 2, Review Cloud Sync prerequisites, newest first/);
    expect(text).not.toMatch(/Install the provisioning agent/);
    expect(text.indexOf('Done → To do')).toBeLessThan(text.indexOf('To do → Done'));
    expect(JSON.stringify(await planStore.load(HERE))).toBe(before);
  });

  it('reads the archived pages too: a task changed long ago still shows all its changes', async () => {
    const { deps, planStore } = await changed(30);
    expect((await planStore.load(HERE))!.plan.archive?.pages).toBeGreaterThan(0);
    expect(cardText(await readTaskHistory(deps, HERE, 2))).toMatch(/The latest 15 of 60 changes to task 2/);
  });

  it('shows what it has, and says so, when an archived page cannot be read', async () => {
    const { deps } = await changed(30);
    const broken: PlanReadDeps = {
      ...deps,
      planStore: {
        load: (location) => deps.planStore.load(location),
        log: (location) => deps.planStore.log(location),
        archivedHistory: () => Promise.reject(new Error('page missing')),
      },
    };
    const text = cardText(await readTaskHistory(broken, HERE, 2));
    expect(text).toMatch(/changes to task 2/);
    expect(text).toMatch(/Older changes could not be read just now/);
  });

  it('says when a task has no changes yet, when there is no such task, and when there is no plan', async () => {
    const { deps } = await setup();
    expect(cardText(await readTaskHistory(deps, HERE, 4))).toMatch(/No changes to task 4, Configure Cloud Sync yet/);
    expect(cardText(await readTaskHistory(deps, HERE, 42))).toMatch(/no task 42/);
    expect(cardText(await readTaskHistory(deps, EMPTY, 2))).toMatch(/no plan/i);
  });
});

describe('"What\'s next" on the summary', () => {
  it.each([
    ['no data', undefined, undefined],
    ['a plan id of the wrong type', { planId: 7 }, undefined],
    ['an oversized plan id', { planId: 'p'.repeat(5_000) }, undefined],
    ['a plan id with markup', { planId: '<b>x</b>' }, undefined],
    ['a plan id', { planId: 'plan-reads' }, 'plan-reads'],
  ])('reads %s', (_name, data, planId) => {
    expect(parseNextData(data)).toBe(planId);
  });

  it('answers with the summary and posts the next task as a new card', async () => {
    const { deps, plan, posted } = await setup();
    const card = await planReadVerbHandlers(deps)[NEXT_VERB]({ location: HERE, target: TARGET }, { planId: plan.id });
    expectValidCard(card);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).toBe(JSON.stringify(await readPlan(deps, HERE, 'next')));
    expect(JSON.stringify(card)).toBe(JSON.stringify(await readPlan(deps, HERE, 'status')));
  });

  it.each([
    ['another plan', HERE, { planId: 'plan-older' }, /plan/i],
    ['forged data', HERE, { planId: { $ne: null } }, /plan/i],
    ['a conversation without a plan', EMPTY, { planId: 'plan-reads' }, /no plan/i],
  ])('posts nothing for %s', async (_name, location, data, says) => {
    const { deps, posted } = await setup();
    const card = await planReadVerbHandlers(deps)[NEXT_VERB]({ location, target: TARGET }, data);
    expectValidCard(card);
    expect(cardText(card)).toMatch(says);
    expect(posted).toEqual([]);
  });
});
