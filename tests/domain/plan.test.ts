import type { TaskId } from '../../src/domain/catalog';
import { taskContent } from '../../src/domain/taskCatalog';
import {
  TRANSITIONS,
  applyAction,
  availableActions,
  isFinished,
  nextTask,
  progress,
  tasksInOrder,
  type ActionResult,
  type Actor,
  type Plan,
  type PlanAction,
  type PlanSelection,
  type TaskStatus,
} from '../../src/domain/plan';
import { alice, bob, newPlan, T0 } from '../helpers/planFixtures';

const T1 = '2026-11-26T10:42:00.000Z';
const T2 = '2026-11-26T11:15:00.000Z';

const ALL_ACTIONS: PlanAction[] = ['start', 'done', 'skip', 'reopen', 'switchInstallType'];

/** Test scaffolding: put a task straight into a status, as if someone had changed it earlier. */
function withStatus(plan: Plan, taskId: TaskId, status: TaskStatus, by: Actor = bob, at = T1): Plan {
  return {
    ...plan,
    tasks: plan.tasks.map((task) => (task.id === taskId ? { ...task, status, changedBy: by, changedAt: at } : task)),
  };
}

function settle(plan: Plan, taskIds: TaskId[], status: 'done' | 'skipped' = 'done'): Plan {
  return taskIds.reduce((current, taskId) => withStatus(current, taskId, status), plan);
}

function act(plan: Plan, taskId: string, action: PlanAction, actor: Actor = bob, at = T2): ActionResult {
  return applyAction(plan, { taskId, action, actor, at });
}

function expectChanged(result: ActionResult): Extract<ActionResult, { kind: 'changed' }> {
  if (result.kind !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(result)}`);
  return result;
}

function statusOf(plan: Plan, taskId: TaskId): TaskStatus | undefined {
  return plan.tasks.find((task) => task.id === taskId)?.status;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

type Expected = 'unchanged' | 'rejected' | TaskStatus;

/** Written out by hand rather than derived from TRANSITIONS, so the table itself is under test. */
const ORDINARY_TASK_TABLE: Array<[TaskStatus, PlanAction, Expected]> = [
  ['todo', 'start', 'inProgress'],
  ['todo', 'done', 'done'],
  ['todo', 'skip', 'skipped'],
  ['todo', 'reopen', 'unchanged'],
  ['todo', 'switchInstallType', 'rejected'],
  ['inProgress', 'start', 'unchanged'],
  ['inProgress', 'done', 'done'],
  ['inProgress', 'skip', 'skipped'],
  ['inProgress', 'reopen', 'todo'],
  ['inProgress', 'switchInstallType', 'rejected'],
  ['done', 'start', 'rejected'],
  ['done', 'done', 'unchanged'],
  ['done', 'skip', 'rejected'],
  ['done', 'reopen', 'todo'],
  ['done', 'switchInstallType', 'rejected'],
  ['skipped', 'start', 'rejected'],
  ['skipped', 'done', 'rejected'],
  ['skipped', 'skip', 'unchanged'],
  ['skipped', 'reopen', 'todo'],
  ['skipped', 'switchInstallType', 'rejected'],
];

const INSTALL_TASK_TABLE: Array<[TaskStatus, PlanAction, Expected]> = [
  ['todo', 'start', 'inProgress'],
  ['todo', 'done', 'done'],
  ['todo', 'skip', 'skipped'],
  ['todo', 'reopen', 'unchanged'],
  ['todo', 'switchInstallType', 'notApplicable'],
  ['inProgress', 'start', 'unchanged'],
  ['inProgress', 'done', 'done'],
  ['inProgress', 'skip', 'skipped'],
  ['inProgress', 'reopen', 'todo'],
  ['inProgress', 'switchInstallType', 'notApplicable'],
  ['done', 'start', 'rejected'],
  ['done', 'done', 'unchanged'],
  ['done', 'skip', 'rejected'],
  ['done', 'reopen', 'todo'],
  ['done', 'switchInstallType', 'rejected'],
  ['skipped', 'start', 'rejected'],
  ['skipped', 'done', 'rejected'],
  ['skipped', 'skip', 'unchanged'],
  ['skipped', 'reopen', 'todo'],
  ['skipped', 'switchInstallType', 'notApplicable'],
  ['notApplicable', 'start', 'rejected'],
  ['notApplicable', 'done', 'rejected'],
  ['notApplicable', 'skip', 'rejected'],
  ['notApplicable', 'reopen', 'rejected'],
  ['notApplicable', 'switchInstallType', 'unchanged'],
];

function checkRow(plan: Plan, taskId: TaskId, action: PlanAction, expected: Expected): void {
  const result = act(plan, taskId, action);
  if (expected === 'unchanged') {
    expect(result).toEqual({ kind: 'unchanged', plan, reason: 'already', by: bob, at: T1 });
  } else if (expected === 'rejected') {
    expect(result).toMatchObject({ kind: 'rejected', reason: 'notAllowed' });
    // Refusals are data (the card layer words them): which rule, and the task's state the person ran into.
    if (result.kind === 'rejected' && result.refusal.kind !== 'notSwitchable') {
      expect(result.refusal).toEqual({ kind: 'blocked', taskId, status: statusOf(plan, taskId), action, by: bob });
    } else {
      expect(result).toMatchObject({ refusal: { kind: 'notSwitchable' } });
      expect(action).toBe('switchInstallType');
    }
  } else {
    const changed = expectChanged(result);
    expect(statusOf(changed.plan, taskId)).toBe(expected);
    expect(changed.entry).toEqual({ at: T2, by: bob, task: taskId, from: statusOf(plan, taskId), to: expected });
    expect(changed.plan.revision).toBe(plan.revision + 1);
  }
  // Cards show exactly the buttons that would change something.
  expect(availableActions(plan, taskId).includes(action)).toBe(result.kind === 'changed');
}

describe('transition table', () => {
  it.each(ORDINARY_TASK_TABLE)('ordinary task: %s + %s → %s', (from, action, expected) => {
    const plan = withStatus(newPlan({ tool: 'cloudSync' }), 'cloudSync.configure', from);
    checkRow(plan, 'cloudSync.configure', action, expected);
  });

  it.each(INSTALL_TASK_TABLE)('Connect install task: %s + %s → %s', (from, action, expected) => {
    // The express task is only naturally not applicable when custom was chosen.
    const base = newPlan({ tool: 'connect', connectInstall: from === 'notApplicable' ? 'custom' : 'express' });
    const plan = withStatus(base, 'connect.installExpress', from);
    checkRow(plan, 'connect.installExpress', action, expected);
  });

  it('covers every status and action in the exported table', () => {
    const covered = new Set(INSTALL_TASK_TABLE.map(([from, action]) => `${from}:${action}`));
    for (const action of ALL_ACTIONS) {
      for (const from of ['todo', 'inProgress', 'done', 'skipped', 'notApplicable'] as TaskStatus[]) {
        expect(covered).toContain(`${from}:${action}`);
      }
      expect(Object.keys(TRANSITIONS)).toContain(action);
    }
  });

  it.each(ALL_ACTIONS)('the tool-choice task refuses %s and offers no buttons', (action) => {
    const plan = newPlan({ tool: 'both' });
    for (const taskId of ['cloudSync.chooseTool', 'connect.chooseTool'] as TaskId[]) {
      const result = act(plan, taskId, action);
      expect(result).toMatchObject({ kind: 'rejected', reason: 'notAllowed' });
      expect(result).toMatchObject({ refusal: { kind: 'toolChosen' } });
      expect(availableActions(plan, taskId)).toEqual([]);
    }
  });

  it.each([
    ['a task of the other tool', 'connect.verify'],
    ['an id that does not exist', 'cloudSync.nope'],
    ['an inherited property name', 'constructor'],
  ])('rejects %s as unknownTask', (_label, taskId) => {
    const plan = newPlan({ tool: 'cloudSync' });
    expect(act(plan, taskId, 'done')).toMatchObject({ kind: 'rejected', reason: 'unknownTask' });
    expect(availableActions(plan, taskId)).toEqual([]);
  });

  it('rejects an action that is not in the table (forged card data)', () => {
    const plan = newPlan({ tool: 'cloudSync' });
    expect(act(plan, 'cloudSync.configure', 'delete' as PlanAction)).toMatchObject({
      kind: 'rejected',
      reason: 'notAllowed',
    });
    expect(act(plan, 'cloudSync.configure', 'toString' as PlanAction)).toMatchObject({ kind: 'rejected' });
  });

  it('explains a refusal with who settled the task', () => {
    const plan = withStatus(newPlan({ tool: 'cloudSync' }), 'cloudSync.configure', 'skipped', bob);
    const result = act(plan, 'cloudSync.configure', 'done', alice);
    expect(result).toEqual({
      kind: 'rejected',
      reason: 'notAllowed',
      refusal: { kind: 'blocked', taskId: 'cloudSync.configure', status: 'skipped', action: 'done', by: bob },
    });
  });
});

describe('availableActions', () => {
  it.each<[TaskStatus, PlanAction[]]>([
    ['todo', ['start', 'done', 'skip']],
    ['inProgress', ['done', 'skip', 'reopen']],
    ['done', ['reopen']],
    ['skipped', ['reopen']],
  ])('ordinary task in %s offers %j', (status, actions) => {
    const plan = withStatus(newPlan({ tool: 'cloudSync' }), 'cloudSync.verify', status);
    expect(availableActions(plan, 'cloudSync.verify')).toEqual(actions);
  });

  it('install tasks add the switch and a not-applicable one offers nothing', () => {
    const plan = newPlan({ tool: 'connect', connectInstall: 'custom' });
    expect(availableActions(plan, 'connect.installCustom')).toEqual(['start', 'done', 'skip', 'switchInstallType']);
    expect(availableActions(plan, 'connect.installExpress')).toEqual([]);
  });
});

describe('createPlan', () => {
  it('records the tool choice as done by the creator, at the given time', () => {
    const plan = newPlan({ tool: 'cloudSync' });
    expect(plan).toMatchObject({ id: 'plan-1', createdAt: T0, createdBy: alice, revision: 1 });
    expect(plan.tasks[0]).toEqual({
      id: 'cloudSync.chooseTool',
      track: 'cloudSync',
      status: 'done',
      changedAt: T0,
      changedBy: alice,
    });
    expect(plan.history).toEqual([{ at: T0, by: alice, task: 'cloudSync.chooseTool', from: 'todo', to: 'done' }]);
    expect(plan.tasks.slice(1).every((task) => task.status === 'todo' && task.changedAt === undefined)).toBe(true);
  });

  it.each<[PlanSelection, TaskId, TaskId]>([
    [{ tool: 'connect', connectInstall: 'express' }, 'connect.installExpress', 'connect.installCustom'],
    [{ tool: 'connect', connectInstall: 'custom' }, 'connect.installCustom', 'connect.installExpress'],
    [{ tool: 'connect' }, 'connect.installExpress', 'connect.installCustom'],
  ])('%j: %s applies, %s does not', (selection, applies, doesNot) => {
    const plan = newPlan(selection);
    expect(statusOf(plan, applies)).toBe('todo');
    expect(statusOf(plan, doesNot)).toBe('notApplicable');
    expect(plan.selection.connectInstall).toBe(applies === 'connect.installExpress' ? 'express' : 'custom');
  });

  it('holds both tracks for "both", with unique ids and both tool choices done', () => {
    const plan = newPlan({ tool: 'both', connectInstall: 'custom', deviceSyncPreview: true });
    const ids = plan.tasks.map((task) => task.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(plan.tasks.filter((task) => task.track === 'cloudSync')).toHaveLength(6);
    expect(plan.tasks.filter((task) => task.track === 'connect')).toHaveLength(8);
    expect(plan.history.map((entry) => entry.task)).toEqual(['cloudSync.chooseTool', 'connect.chooseTool']);
  });

  it('adds the device-sync task only when the selection asks for it', () => {
    expect(newPlan({ tool: 'cloudSync' }).tasks.map((task) => task.id)).not.toContain('cloudSync.deviceSync');
    expect(newPlan({ tool: 'cloudSync', deviceSyncPreview: true }).tasks.map((task) => task.id)).toContain(
      'cloudSync.deviceSync',
    );
  });

  it('drops selection details that do not apply to the chosen tool', () => {
    expect(newPlan({ tool: 'cloudSync', connectInstall: 'custom' }).selection).toEqual({ tool: 'cloudSync' });
    expect(newPlan({ tool: 'connect', deviceSyncPreview: true }).selection).toEqual({
      tool: 'connect',
      connectInstall: 'express',
    });
  });

  it('refuses an unknown tool from corrupted dialog state', () => {
    expect(() => newPlan({ tool: 'dirSync' } as unknown as PlanSelection)).toThrow(/dirSync/);
  });

  it('produces a JSON document that survives a storage round trip', () => {
    const plan = newPlan({ tool: 'both', deviceSyncPreview: true });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

describe('applyAction: idempotency, history, revisions, immutability', () => {
  it('repeating "done" changes nothing and reports who did it and when', () => {
    const first = expectChanged(act(newPlan({ tool: 'cloudSync' }), 'cloudSync.prerequisites', 'done', alice, T1));
    const repeat = act(first.plan, 'cloudSync.prerequisites', 'done', bob, T2);
    expect(repeat).toEqual({ kind: 'unchanged', plan: first.plan, reason: 'already', by: alice, at: T1 });
  });

  it('a repeated "reopen" on a never-touched task reports the plan creation', () => {
    const plan = newPlan({ tool: 'cloudSync' });
    expect(act(plan, 'cloudSync.verify', 'reopen', bob, T2)).toEqual({
      kind: 'unchanged',
      plan,
      reason: 'already',
      by: alice,
      at: T0,
    });
  });

  it('appends one history entry per change and bumps the revision each time', () => {
    let plan = newPlan({ tool: 'cloudSync' });
    const steps: Array<[TaskId, PlanAction, Actor, string]> = [
      ['cloudSync.prerequisites', 'start', alice, T1],
      ['cloudSync.prerequisites', 'done', bob, T2],
      ['cloudSync.installAgent', 'skip', alice, T2],
      ['cloudSync.installAgent', 'reopen', bob, T2],
    ];
    for (const [taskId, action, actor, at] of steps) {
      plan = expectChanged(applyAction(plan, { taskId, action, actor, at })).plan;
    }
    expect(plan.revision).toBe(5);
    expect(plan.history.slice(1)).toEqual([
      { at: T1, by: alice, task: 'cloudSync.prerequisites', from: 'todo', to: 'inProgress' },
      { at: T2, by: bob, task: 'cloudSync.prerequisites', from: 'inProgress', to: 'done' },
      { at: T2, by: alice, task: 'cloudSync.installAgent', from: 'todo', to: 'skipped' },
      { at: T2, by: bob, task: 'cloudSync.installAgent', from: 'skipped', to: 'todo' },
    ]);
    expect(plan.tasks.find((task) => task.id === 'cloudSync.installAgent')).toMatchObject({
      status: 'todo',
      changedBy: bob,
      changedAt: T2,
    });
  });

  it('never mutates the plan it is given', () => {
    const plan = deepFreeze(newPlan({ tool: 'connect' }));
    const before = JSON.stringify(plan);
    const changed = expectChanged(act(plan, 'connect.installExpress', 'switchInstallType'));
    expect(changed.plan).not.toBe(plan);
    expect(JSON.stringify(plan)).toBe(before);
    act(plan, 'connect.prerequisites', 'done');
    act(plan, 'connect.chooseTool', 'reopen');
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('unchanged and rejected results leave the revision alone', () => {
    const plan = withStatus(newPlan({ tool: 'cloudSync' }), 'cloudSync.configure', 'done');
    const unchanged = act(plan, 'cloudSync.configure', 'done');
    expect(unchanged.kind === 'unchanged' && unchanged.plan.revision).toBe(plan.revision);
    expect(act(plan, 'cloudSync.configure', 'skip').kind).toBe('rejected');
  });
});

describe('switchInstallType', () => {
  it('makes the other install task applicable, records both changes and updates the selection', () => {
    const plan = newPlan({ tool: 'connect', connectInstall: 'express' });
    const result = expectChanged(act(plan, 'connect.installExpress', 'switchInstallType', bob, T2));
    expect(statusOf(result.plan, 'connect.installExpress')).toBe('notApplicable');
    expect(statusOf(result.plan, 'connect.installCustom')).toBe('todo');
    expect(result.plan.selection.connectInstall).toBe('custom');
    expect(result.plan.revision).toBe(plan.revision + 1);
    expect(result.entries).toEqual([
      { at: T2, by: bob, task: 'connect.installExpress', from: 'todo', to: 'notApplicable' },
      { at: T2, by: bob, task: 'connect.installCustom', from: 'notApplicable', to: 'todo' },
    ]);
    expect(result.entry).toEqual(result.entries[0]);
    expect(result.plan.history.slice(-2)).toEqual(result.entries);
  });

  it('a stale second click is reported as already switched, not switched back', () => {
    const switched = expectChanged(
      act(newPlan({ tool: 'connect' }), 'connect.installExpress', 'switchInstallType', alice, T1),
    ).plan;
    expect(act(switched, 'connect.installExpress', 'switchInstallType', bob, T2)).toEqual({
      kind: 'unchanged',
      plan: switched,
      reason: 'already',
      by: alice,
      at: T1,
    });
  });

  it('switches back from the custom task', () => {
    const switched = expectChanged(
      act(newPlan({ tool: 'connect' }), 'connect.installExpress', 'switchInstallType'),
    ).plan;
    const back = expectChanged(act(switched, 'connect.installCustom', 'switchInstallType')).plan;
    expect(statusOf(back, 'connect.installExpress')).toBe('todo');
    expect(statusOf(back, 'connect.installCustom')).toBe('notApplicable');
    expect(back.selection.connectInstall).toBe('express');
  });

  it('works in a "both" plan without touching the Cloud Sync track', () => {
    const plan = newPlan({ tool: 'both', connectInstall: 'custom' });
    const result = expectChanged(act(plan, 'connect.installCustom', 'switchInstallType'));
    expect(result.plan.selection).toEqual({ tool: 'both', connectInstall: 'express' });
    expect(result.plan.tasks.filter((task) => task.track === 'cloudSync')).toEqual(
      plan.tasks.filter((task) => task.track === 'cloudSync'),
    );
  });
});

describe('nextTask', () => {
  it('starts after the tool choice', () => {
    expect(nextTask(newPlan({ tool: 'cloudSync' }))?.id).toBe('cloudSync.prerequisites');
    expect(nextTask(newPlan({ tool: 'connect' }))?.id).toBe('connect.prerequisites');
  });

  it('returns the content with the task', () => {
    const next = nextTask(newPlan({ tool: 'cloudSync' }));
    expect(next?.content).toBe(taskContent('cloudSync.prerequisites'));
  });

  it('keeps pointing at a task that is in progress', () => {
    const plan = withStatus(newPlan({ tool: 'cloudSync' }), 'cloudSync.prerequisites', 'inProgress');
    expect(nextTask(plan)?.id).toBe('cloudSync.prerequisites');
  });

  it('moves past skipped tasks', () => {
    const plan = settle(
      newPlan({ tool: 'cloudSync' }),
      ['cloudSync.prerequisites', 'cloudSync.installAgent'],
      'skipped',
    );
    expect(nextTask(plan)?.id).toBe('cloudSync.configure');
  });

  it('never offers the install type that does not apply, and treats it as a satisfied predecessor', () => {
    const express = settle(newPlan({ tool: 'connect', connectInstall: 'express' }), [
      'connect.prerequisites',
      'connect.chooseInstallType',
      'connect.download',
    ]);
    expect(nextTask(express)?.id).toBe('connect.installExpress');
    expect(nextTask(settle(express, ['connect.installExpress']))?.id).toBe('connect.postInstall');

    const custom = settle(newPlan({ tool: 'connect', connectInstall: 'custom' }), [
      'connect.prerequisites',
      'connect.chooseInstallType',
      'connect.download',
    ]);
    expect(nextTask(custom)?.id).toBe('connect.installCustom');
  });

  it('follows a switch of install type', () => {
    const plan = settle(newPlan({ tool: 'connect' }), [
      'connect.prerequisites',
      'connect.chooseInstallType',
      'connect.download',
    ]);
    const switched = expectChanged(act(plan, 'connect.installExpress', 'switchInstallType')).plan;
    expect(nextTask(switched)?.id).toBe('connect.installCustom');
  });

  it('offers preview device sync after configure, and verify once it is skipped', () => {
    const configured = settle(newPlan({ tool: 'cloudSync', deviceSyncPreview: true }), [
      'cloudSync.prerequisites',
      'cloudSync.installAgent',
      'cloudSync.configure',
    ]);
    expect(nextTask(configured)?.id).toBe('cloudSync.deviceSync');
    expect(nextTask(settle(configured, ['cloudSync.deviceSync'], 'skipped'))?.id).toBe('cloudSync.verify');
  });

  it('walks Cloud Sync first in a "both" plan, then Connect, and can be asked per track', () => {
    const plan = newPlan({ tool: 'both' });
    expect(nextTask(plan)?.id).toBe('cloudSync.prerequisites');
    expect(nextTask(plan, 'connect')?.id).toBe('connect.prerequisites');
    const cloudSyncDone = settle(plan, [
      'cloudSync.prerequisites',
      'cloudSync.installAgent',
      'cloudSync.configure',
      'cloudSync.verify',
    ]);
    expect(nextTask(cloudSyncDone)?.id).toBe('connect.prerequisites');
    expect(nextTask(cloudSyncDone, 'cloudSync')).toBeUndefined();
  });

  it('uses catalog order even when the stored task list is shuffled', () => {
    const plan = newPlan({ tool: 'connect' });
    const reversed: Plan = { ...plan, tasks: [...plan.tasks].reverse() };
    expect(nextTask(reversed)?.id).toBe('connect.prerequisites');
    expect(tasksInOrder(reversed).map((task) => task.id)).toEqual(plan.tasks.map((task) => task.id));
  });

  it('picks up a reopened early task first', () => {
    const plan = settle(newPlan({ tool: 'cloudSync' }), ['cloudSync.prerequisites', 'cloudSync.installAgent']);
    const reopened = expectChanged(act(plan, 'cloudSync.prerequisites', 'reopen')).plan;
    expect(nextTask(reopened)?.id).toBe('cloudSync.prerequisites');
  });

  it('is undefined when nothing is open', () => {
    const plan = settle(newPlan({ tool: 'cloudSync' }), [
      'cloudSync.prerequisites',
      'cloudSync.installAgent',
      'cloudSync.configure',
      'cloudSync.verify',
    ]);
    expect(nextTask(plan)).toBeUndefined();
  });
});

describe('progress and isFinished', () => {
  it('counts a fresh Connect plan', () => {
    expect(progress(newPlan({ tool: 'connect' }))).toEqual({
      done: 1,
      skipped: 0,
      open: 6,
      notApplicable: 1,
      totalApplicable: 7,
      percent: 14,
    });
  });

  it('counts a "both" plan with device sync, skipped and in-progress tasks', () => {
    let plan = newPlan({ tool: 'both', deviceSyncPreview: true });
    plan = settle(plan, ['cloudSync.prerequisites', 'connect.prerequisites']);
    plan = settle(plan, ['cloudSync.deviceSync'], 'skipped');
    plan = withStatus(plan, 'cloudSync.installAgent', 'inProgress');
    expect(progress(plan)).toEqual({
      done: 4,
      skipped: 1,
      open: 8,
      notApplicable: 1,
      totalApplicable: 13,
      percent: 38,
    });
    expect(isFinished(plan)).toBe(false);
  });

  it('reports a finished plan at 100 percent, skipped tasks included', () => {
    const open = tasksInOrder(newPlan({ tool: 'connect', connectInstall: 'custom' }))
      .filter((task) => task.status === 'todo')
      .map((task) => task.id);
    const [skippedOne, ...rest] = open;
    let plan = settle(newPlan({ tool: 'connect', connectInstall: 'custom' }), rest);
    expect(isFinished(plan)).toBe(false);
    expect(progress(plan).percent).toBeLessThan(100);
    plan = settle(plan, [skippedOne], 'skipped');
    expect(isFinished(plan)).toBe(true);
    expect(progress(plan)).toMatchObject({ open: 0, skipped: 1, percent: 100 });
    expect(nextTask(plan)).toBeUndefined();
  });
});

describe('tasksInOrder', () => {
  it('joins each task with its catalog content and ignores ids the catalog no longer has', () => {
    const plan = newPlan({ tool: 'cloudSync' });
    const withRetiredTask: Plan = {
      ...plan,
      tasks: [...plan.tasks, { id: 'cloudSync.retired' as TaskId, track: 'cloudSync', status: 'todo' }],
    };
    const views = tasksInOrder(withRetiredTask);
    expect(views.map((view) => view.id)).toEqual(plan.tasks.map((task) => task.id));
    for (const view of views) expect(view.content.id).toBe(view.id);
  });
});
