import { MemoryStorage } from 'botbuilder';
import { CardFanOut } from '../../src/actions/cardFanOut';
import { Delivery } from '../../src/actions/delivery';
import type { CardPort } from '../../src/messaging/ports';
import {
  applyTaskByNumber,
  handleTaskVerb,
  parseActionData,
  showTask,
  taskVerbHandlers,
  VERB_ACTIONS,
  type TaskActionDeps,
} from '../../src/actions/taskActions';
import type { AdaptiveCardJson } from '../../src/cards/render';
import { createPlan, type Actor } from '../../src/domain/plan';
import { OutgoingSender } from '../../src/messaging/sender';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { storePlan, summaryCardIn } from '../helpers/storedPlan';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const BEN: Actor = { id: 'aad-ben', name: 'Ben' };
const HERE: PlanLocation = { tenantId: 't1', conversationId: 'a:personal-chat' };
const THERE: PlanLocation = { tenantId: 't1', conversationId: '19:other@thread.tacv2' };

async function setup() {
  const planStore = new PlanStore(new MemoryStorage());
  const at = '2025-11-26T10:42:00.000Z';
  const plan = createPlan({ id: 'plan-here', selection: { tool: 'cloudSync' }, createdBy: ANA, at });
  const other = createPlan({ id: 'plan-there', selection: { tool: 'connect' }, createdBy: BEN, at });
  await storePlan(planStore, HERE, plan, [summaryCardIn(HERE)]);
  await storePlan(planStore, THERE, other);
  const changed: string[][] = [];
  const deps: TaskActionDeps = {
    planStore,
    clock: () => new Date('2025-11-26T11:05:00.000Z'),
    outgoing: { changed: (_location, _record, taskIds) => void changed.push([...taskIds]) },
  };
  const statusOf = async (location: PlanLocation, taskId: string) =>
    (await planStore.load(location))!.plan.tasks.find((t) => t.id === taskId)?.status;
  return { planStore, deps, plan, other, changed, statusOf };
}

describe('task verbs', () => {
  it('maps each verb to exactly one plan action', () => {
    expect(VERB_ACTIONS).toEqual({
      'task.start': 'start',
      'task.done': 'done',
      'task.skip': 'skip',
      'task.reopen': 'reopen',
      'task.switchInstall': 'switchInstallType',
    });
  });

  it('handles every task verb itself, the buttons and task.show alike', async () => {
    const { deps, plan, statusOf } = await setup();
    const handlers = taskVerbHandlers(deps);
    expect(Object.keys(handlers).sort()).toEqual([
      'task.done',
      'task.reopen',
      'task.show',
      'task.skip',
      'task.start',
      'task.switchInstall',
    ]);
    await handlers['task.done'](HERE, ANA, { planId: plan.id, taskId: 'cloudSync.prerequisites' });
    expect(await statusOf(HERE, 'cloudSync.prerequisites')).toBe('done');
    expect(cardText(await handlers['task.show'](HERE, ANA, { planId: plan.id, taskId: 'cloudSync.verify' }))).toContain(
      'Verify users are syncing',
    );
  });

  it('task.show offers "Check now" on a verify task exactly when GRAPH_CHECKS is on', async () => {
    const { deps, plan } = await setup();
    const titles = async (tenantChecks: boolean) =>
      executeActions(
        await taskVerbHandlers({ ...deps, tenantChecks })['task.show'](HERE, ANA, {
          planId: plan.id,
          taskId: 'cloudSync.verify',
        }),
      ).map((action) => action.title);
    expect(await titles(true)).toContain('Check now');
    expect(await titles(false)).not.toContain('Check now');
  });

  it('"done N" finds the task by its number, and says so when there is no plan or no such task', async () => {
    const { deps, plan, statusOf } = await setup();
    const number = plan.tasks.findIndex((task) => task.id === 'cloudSync.prerequisites') + 1;
    await applyTaskByNumber(deps, HERE, ANA, number, 'done');
    expect(await statusOf(HERE, 'cloudSync.prerequisites')).toBe('done');
    expect(cardText(await applyTaskByNumber(deps, HERE, ANA, 99, 'done'))).toMatch(/99/);
    expect(
      cardText(await applyTaskByNumber(deps, { tenantId: 't-1', conversationId: 'nowhere' }, ANA, 1, 'done')),
    ).toMatch(/no plan/i);
  });

  it('applies a click, answers with the updated card and reports the change for fan-out', async () => {
    const { deps, plan, changed, statusOf } = await setup();
    const card = await handleTaskVerb(deps, HERE, ANA, 'task.done', {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      revision: 1,
    });
    expectValidCard(card);
    expect(cardText(card)).toContain('Marked done by Ana at 11:05 UTC, 26 Nov');
    // Reopen is the only status button left; the owner and due date buttons stay on a done task.
    expect(executeActions(card).map((a) => a.verb)).toEqual([
      'task.reopen',
      'task.assignMe',
      'task.ownerEditor',
      'task.dueEditor',
    ]);
    expect(executeActions(card)[0].data).toEqual({ planId: plan.id, taskId: 'cloudSync.prerequisites', revision: 2 });
    expect(await statusOf(HERE, 'cloudSync.prerequisites')).toBe('done');
    expect(changed).toEqual([['cloudSync.prerequisites']]);
  });

  it('answers a stale or repeated click with the current card and who did it, changing nothing', async () => {
    const { deps, planStore, plan, changed } = await setup();
    await handleTaskVerb(deps, HERE, ANA, 'task.done', {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      revision: 1,
    });
    const card = await handleTaskVerb(deps, HERE, BEN, 'task.done', {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      revision: 1,
    });
    expect(cardText(card)).toContain('Already marked done by Ana at 11:05 UTC, 26 Nov');
    expect((await planStore.load(HERE))!.plan.revision).toBe(2);
    expect(changed).toHaveLength(1);
  });

  it('shows why a conflicting click was refused on the current card', async () => {
    const { deps, plan, statusOf } = await setup();
    await handleTaskVerb(deps, HERE, { id: 'x', name: '**Mallory**' }, 'task.skip', {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      revision: 1,
    });
    const card = await handleTaskVerb(deps, HERE, ANA, 'task.done', {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      revision: 1,
    });
    expect(cardText(card)).toMatch(/was skipped by \\\*\\\*Mallory\\\*\\\*\. Reopen it first/);
    expect(await statusOf(HERE, 'cloudSync.prerequisites')).toBe('skipped');
  });

  it.each([
    ['a forged plan id', { planId: 'forged-0000', taskId: 'cloudSync.prerequisites', revision: 1 }, 'Not this plan'],
    [
      "another conversation's plan id",
      { planId: 'plan-there', taskId: 'connect.prerequisites', revision: 1 },
      'Not this plan',
    ],
    [
      'an unknown task id',
      { planId: 'plan-here', taskId: 'cloudSync.launchRockets', revision: 1 },
      'task I do not know',
    ],
    [
      'a task of the other tool',
      { planId: 'plan-here', taskId: 'connect.download', revision: 1 },
      'not part of this plan',
    ],
    ['missing data', {}, 'does not name a plan'],
    ['a huge plan id', { planId: 'x'.repeat(100_000), taskId: 'cloudSync.prerequisites' }, 'does not name a plan'],
    ['a non-string task id', { planId: 'plan-here', taskId: { $ne: 1 } }, 'task I do not know'],
    [
      'a damaged revision',
      { planId: 'plan-here', taskId: 'cloudSync.prerequisites', revision: 'NaN' },
      'damaged plan version',
    ],
    ['a prototype key as task id', { planId: 'plan-here', taskId: '__proto__' }, 'task I do not know'],
  ])('refuses %s with an error card and changes nothing', async (_label, data, message) => {
    const { deps, planStore, changed } = await setup();
    const before = JSON.stringify([await planStore.load(HERE), await planStore.load(THERE)]);
    const card = await handleTaskVerb(deps, HERE, ANA, 'task.done', data);
    expectValidCard(card);
    expect(cardText(card)).toContain(message);
    expect(executeActions(card)).toHaveLength(0);
    expect(JSON.stringify([await planStore.load(HERE), await planStore.load(THERE)])).toBe(before);
    expect(changed).toHaveLength(0);
  });

  it('refuses an unknown verb and one that only looks like an action', async () => {
    const { deps, plan } = await setup();
    for (const verb of ['task.explode', 'toString', '__proto__', 'task.switchInstallType']) {
      expect(
        cardText(await handleTaskVerb(deps, HERE, ANA, verb, { planId: plan.id, taskId: 'cloudSync.prerequisites' })),
      ).toContain('not something I recognise');
    }
  });

  it('reports a missing plan', async () => {
    const { deps } = await setup();
    const card = await handleTaskVerb(deps, { tenantId: 't1', conversationId: 'a:empty' }, ANA, 'task.done', {
      planId: 'plan-here',
      taskId: 'cloudSync.prerequisites',
    });
    expect(cardText(card)).toContain('no plan in this conversation');
  });

  it('accepts a revision as a numeric string (Action.Submit fallbacks) and tolerates a missing one', () => {
    expect(parseActionData({ planId: 'p-1', taskId: 'cloudSync.verify', revision: '7' })).toEqual({
      ok: true,
      value: { planId: 'p-1', taskId: 'cloudSync.verify', revision: 7 },
    });
    expect(parseActionData({ planId: 'p-1', taskId: 'cloudSync.verify' })).toEqual({
      ok: true,
      value: { planId: 'p-1', taskId: 'cloudSync.verify' },
    });
    expect(parseActionData(null).ok).toBe(false);
    expect(parseActionData([1]).ok).toBe(false);
  });

  it('task.show returns the card of this conversation only', async () => {
    const { planStore, plan } = await setup();
    expect(cardText(await showTask(planStore, HERE, { planId: plan.id, taskId: 'cloudSync.verify' }))).toContain(
      'Verify users are syncing',
    );
    expect(cardText(await showTask(planStore, HERE, { planId: 'plan-there', taskId: 'connect.verify' }))).toContain(
      'Not this plan',
    );
  });
});

describe('CardFanOut', () => {
  function recordingPort(failUpdates: Array<'notFound' | 'blocked'> = []) {
    const calls: Array<{ op: 'update' | 'post'; activityId?: string; card: AdaptiveCardJson }> = [];
    let posted = 0;
    const port: CardPort = {
      update: async (target, card) => {
        calls.push({ op: 'update', activityId: target.activityId, card });
        const failure = failUpdates.shift();
        if (failure === 'notFound')
          throw Object.assign(new Error('not found'), { statusCode: 404, code: 'ActivityNotFoundInConversation' });
        if (failure === 'blocked')
          throw Object.assign(new Error('blocked'), { statusCode: 403, code: 'MessageWritesBlocked' });
      },
      post: async (_target, card) => {
        calls.push({ op: 'post', card });
        return `fresh-${++posted}`;
      },
    };
    return { port, calls };
  }
  const quietLogger = { warn: () => {}, error: () => {} };

  /** The task set-up with a real fan-out over a recording port whose updates fail as listed, and "done" on task 1. */
  async function withFanOut(failUpdates: Array<'notFound' | 'blocked'> = [], sender = new OutgoingSender()) {
    const { deps, planStore, plan } = await setup();
    const { port, calls } = recordingPort(failUpdates);
    const fanOut = new CardFanOut({
      planStore,
      delivery: new Delivery(sender, quietLogger),
      port,
      logger: quietLogger,
    });
    const fanningDeps: TaskActionDeps = {
      ...deps,
      outgoing: { changed: (location, record, ids) => fanOut.refresh(location, record, ids) },
    };
    await handleTaskVerb(fanningDeps, HERE, ANA, 'task.done', { planId: plan.id, taskId: 'cloudSync.prerequisites' });
    return { deps: fanningDeps, planStore, plan, fanOut, calls };
  }

  it('updates the summary with the current progress and coalesces a burst of changes', async () => {
    const { deps, plan, fanOut, calls } = await withFanOut([], new OutgoingSender({ retry: { baseDelayMs: 1 } }));
    await handleTaskVerb(deps, HERE, BEN, 'task.start', { planId: plan.id, taskId: 'cloudSync.installAgent' });
    await fanOut.idle();
    const updates = calls.filter((c) => c.op === 'update' && c.activityId === 'sum-1');
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(2);
    // Whatever was coalesced, the last update shows the newest state.
    expect(cardText(updates[updates.length - 1].card)).toContain('2 of 5 tasks settled');
    expect(cardText(updates[updates.length - 1].card)).toContain('Ben');
  });

  it('posts a fresh card when Teams lost the old one, and remembers the new id instead', async () => {
    const { planStore, fanOut, calls } = await withFanOut(['notFound']);
    await fanOut.idle();
    expect(calls.map((c) => c.op)).toEqual(['update', 'post']);
    expect(cardText(calls[1].card)).toContain('2 of 5 tasks settled');
    expect((await planStore.load(HERE))!.cards.map((c) => c.activityId)).toEqual(['fresh-1']);
  });

  it('leaves a card alone when the conversation blocked the bot (no repost)', async () => {
    const { planStore, fanOut, calls } = await withFanOut(['blocked']);
    await fanOut.idle();
    expect(calls.map((c) => c.op)).toEqual(['update']);
    expect((await planStore.load(HERE))!.cards.map((c) => c.activityId)).toEqual(['sum-1']);
  });
});
