/**
 * The "my tasks" family on its own, without Teams: the plan is always found through the clicking person's own index,
 * forged button data and tasks that are not theirs change nothing, and a person Teams no longer counts as a member
 * where the plan lives (or cannot vouch for) neither sees nor changes it.
 */
import {
  answerMyTasks,
  myTasksVerbHandlers,
  type Access,
  type MyTasksDeps,
  type MyTasksTurn,
} from '../../src/actions/myTasks';
import { MY_TASK_OPEN_VERB, MY_TASK_VERBS, MY_TASKS_LIST_VERBS } from '../../src/domain/myTasksVerbs';
import { applyPlanEdit } from '../../src/domain/planEdits';
import { createPlan, numberedTasks, type Actor } from '../../src/domain/plan';
import { silentLogger } from '../../src/logger';
import { MyTasksIndex } from '../../src/store/myTasksIndex';
import type { PlanLocation } from '../../src/store/planStore';
import { planStoreWith } from '../helpers/storedPlan';
import { cardText, expectValidCard } from '../helpers/cardAssertions';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const CHANNEL: PlanLocation = { tenantId: 't1', conversationId: '19:rollout@thread.tacv2' };
const AT = '2026-12-01T09:00:00.000Z';

async function setup(access: Access = 'member') {
  const created = createPlan({ id: 'plan-mine', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
  const task2 = numberedTasks(created)[1];
  const assigned = applyPlanEdit(created, { kind: 'assign', taskId: task2.id, owner: ANA }, ANA, AT);
  if (assigned.kind !== 'changed') throw new Error('the fixture plan could not be assigned');
  const plan = assigned.plan;
  const { storage, planStore } = await planStoreWith(CHANNEL, plan);
  const myTasks = new MyTasksIndex(storage);
  await myTasks.add('t1', ANA.id, {
    planId: plan.id,
    taskId: task2.id,
    location: CHANNEL,
    where: 'Identity › Rollout',
    conversationType: 'channel',
    assignedAt: AT,
  });
  const changed: string[][] = [];
  const deps: MyTasksDeps = {
    planStore,
    myTasks,
    clock: () => new Date('2026-12-01T10:00:00.000Z'),
    logger: silentLogger,
    outgoing: { changed: (_location, _record, taskIds) => void changed.push([...taskIds]) },
  };
  const asked: string[] = [];
  const turn: MyTasksTurn = {
    tenantId: 't1',
    actor: ANA,
    conversationType: 'personal',
    accessTo: async (entry) => {
      asked.push(entry.location.conversationId);
      return access;
    },
  };
  const ids = { planId: plan.id, taskId: task2.id };
  const stored = async () => JSON.stringify((await planStore.load(CHANNEL))!.plan);
  const statusOf2 = async () => (await planStore.load(CHANNEL))!.plan.tasks.find((t) => t.id === task2.id)?.status;
  return { deps, turn, ids, changed, asked, stored, statusOf2 };
}

describe('"my tasks"', () => {
  it("lists the open tasks assigned to the person, after asking Teams about the plan's place", async () => {
    const { deps, turn, asked } = await setup();
    const card = await answerMyTasks(deps, turn);
    expectValidCard(card);
    expect(cardText(card)).toContain('Review Cloud Sync prerequisites');
    expect(cardText(card)).toContain('Identity › Rollout');
    expect(asked).toEqual([CHANNEL.conversationId]);
  });

  it.each(['channel', 'groupChat', undefined])('is answered only in personal chat, not in %s', async (type) => {
    const { deps, turn, asked } = await setup();
    const card = await answerMyTasks(deps, { ...turn, conversationType: type });
    expect(cardText(card)).toContain('only in your personal chat');
    expect(asked).toEqual([]);
  });

  it.each([
    ['notMember', /1 task still assigned to you is in a chat or channel you are no longer a member of/],
    ['unknown', /I could not check with Teams that you are still a member where 1 task of yours lives/],
  ] as const)('withholds the tasks of a plan where Teams answers %s, and says so', async (access, says) => {
    const { deps, turn } = await setup(access);
    const text = cardText(await answerMyTasks(deps, turn));
    expect(text).not.toContain('Review Cloud Sync prerequisites');
    expect(text).toMatch(says);
  });
});

describe('"my tasks" verbs', () => {
  it('handles every verb of the list and of a task opened from it', async () => {
    const { deps } = await setup();
    expect(Object.keys(myTasksVerbHandlers(deps)).sort()).toEqual(
      [...Object.values(MY_TASKS_LIST_VERBS), ...Object.values(MY_TASK_VERBS), MY_TASK_OPEN_VERB].sort(),
    );
  });

  it('"Mark done" on the list changes the plan where it lives and answers with the list', async () => {
    const { deps, turn, ids, changed, statusOf2 } = await setup();
    const card = await myTasksVerbHandlers(deps)[MY_TASKS_LIST_VERBS.done](turn, ids);
    expectValidCard(card);
    expect(await statusOf2()).toBe('done');
    expect(changed).toEqual([[ids.taskId]]);
  });

  it('"Start" on an opened task answers with that task', async () => {
    const { deps, turn, ids, statusOf2 } = await setup();
    const card = await myTasksVerbHandlers(deps)[MY_TASK_VERBS.start](turn, ids);
    expect(cardText(card)).toContain('Review Cloud Sync prerequisites');
    expect(await statusOf2()).toBe('inProgress');
  });

  it.each([
    ['no data', () => undefined, /carries no task/],
    ['a forged plan id', () => ({ planId: '../../x', taskId: 'x' }), /does not name a plan/],
    ['an oversized plan id', () => ({ planId: 'p'.repeat(5_000), taskId: 'x' }), /does not name a plan/],
    [
      'a plan not on the list',
      (ids: { taskId: string }) => ({ planId: 'plan-other', taskId: ids.taskId }),
      /not on your list/,
    ],
    ['a damaged revision', (ids: object) => ({ ...ids, revision: 'v2' }), /damaged plan version/],
  ])('refuses %s on every verb, and changes nothing', async (_name, dataOf, says) => {
    const { deps, turn, ids, stored, changed } = await setup();
    const before = await stored();
    for (const handle of Object.values(myTasksVerbHandlers(deps))) {
      const card = await handle(turn, dataOf(ids));
      expectValidCard(card);
      expect(cardText(card)).toMatch(says);
    }
    expect(await stored()).toBe(before);
    expect(changed).toEqual([]);
  });

  it.each([
    ['notMember', /not a member of Identity › Rollout any more/],
    ['unknown', /could not check with Teams whether you are still a member of Identity › Rollout/],
  ] as const)('neither shows nor changes the plan for someone Teams answers %s for', async (access, says) => {
    const { deps, turn, ids, stored, changed } = await setup(access);
    const before = await stored();
    for (const handle of Object.values(myTasksVerbHandlers(deps))) {
      const text = cardText(await handle(turn, ids));
      expect(text).toMatch(says);
      expect(text).not.toContain('Review Cloud Sync prerequisites');
    }
    expect(await stored()).toBe(before);
    expect(changed).toEqual([]);
  });
});
