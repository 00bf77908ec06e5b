import type { TaskId } from '../../src/domain/catalog';
import {
  applyAction,
  isOverdue,
  nextTask,
  numberedTasks,
  overdueTasks,
  planHistory,
  progress,
  reminderCadence,
  tasksInOrder,
  type Actor,
  type Plan,
  type PlanTask,
  type TaskStatus,
} from '../../src/domain/plan';
import { checkDueDate, utcDay } from '../../src/domain/planDates';
import { applyPlanEdit, type PlanEdit, type PlanEditResult } from '../../src/domain/planEdits';
import { alice, bob, carol, newPlan, T0 } from '../helpers/planFixtures';

const T1 = '2026-11-26T10:42:00.000Z';
const T2 = '2026-11-26T11:15:00.000Z';
const TASK: TaskId = 'cloudSync.configure';

function edit(plan: Plan, change: PlanEdit, actor: Actor = bob, at = T1): PlanEditResult {
  return applyPlanEdit(plan, change, actor, at);
}

function expectChanged(result: PlanEditResult): Extract<PlanEditResult, { kind: 'changed' }> {
  if (result.kind !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(result)}`);
  return result;
}

function changedPlan(plan: Plan, change: PlanEdit, actor: Actor = bob, at = T1): Plan {
  return expectChanged(edit(plan, change, actor, at)).plan;
}

function taskOf(plan: Plan, taskId: TaskId = TASK): PlanTask {
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (!task) throw new Error(`no task ${taskId}`);
  return task;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('owners', () => {
  it('assigns, reassigns and unassigns, recording each change in the edit history', () => {
    const assigned = expectChanged(edit(newPlan(), { kind: 'assign', taskId: TASK, owner: carol }, bob, T1));
    expect(taskOf(assigned.plan).owner).toEqual(carol);
    expect(assigned.entry).toEqual({ kind: 'owner', at: T1, by: bob, afterStatusEntries: 1, task: TASK, to: carol });

    const reassigned = expectChanged(edit(assigned.plan, { kind: 'assign', taskId: TASK, owner: alice }, carol, T2));
    expect(taskOf(reassigned.plan).owner).toEqual(alice);
    expect(reassigned.entry).toMatchObject({ kind: 'owner', from: carol, to: alice, by: carol, at: T2 });

    const unassigned = expectChanged(edit(reassigned.plan, { kind: 'unassign', taskId: TASK }, alice, T2));
    expect(taskOf(unassigned.plan)).not.toHaveProperty('owner');
    expect(unassigned.entry).toEqual({
      kind: 'owner',
      at: T2,
      by: alice,
      afterStatusEntries: 1,
      task: TASK,
      from: alice,
    });

    expect(unassigned.plan.editHistory).toEqual([assigned.entry, reassigned.entry, unassigned.entry]);
    expect(unassigned.plan.revision).toBe(newPlan().revision + 3);
    // Status history and the status itself are not touched by coordination edits.
    expect(unassigned.plan.history).toEqual(newPlan().history);
    expect(taskOf(unassigned.plan).status).toBe('todo');
    expect(taskOf(unassigned.plan)).not.toHaveProperty('changedBy');
  });

  type OwnerRepeat = [string, PlanEdit, PlanEdit | undefined, { by: Actor; at: string }];
  const REPEATS: OwnerRepeat[] = [
    [
      'assigning the same person again',
      { kind: 'assign', taskId: TASK, owner: carol },
      { kind: 'assign', taskId: TASK, owner: carol },
      { by: bob, at: T1 },
    ],
    // Display names differ between a mention and the roster; the id is the person.
    [
      'assigning the same id under another display name',
      { kind: 'assign', taskId: TASK, owner: carol },
      { kind: 'assign', taskId: TASK, owner: { id: carol.id, name: 'Carol (Ops)' } },
      { by: bob, at: T1 },
    ],
    ['unassigning a task nobody owns', { kind: 'unassign', taskId: TASK }, undefined, { by: alice, at: T0 }],
  ];
  it.each(REPEATS)('%s is unchanged and says who set it', (_name, repeat, first, expected) => {
    const plan = deepFreeze(first ? changedPlan(newPlan(), first, bob, T1) : newPlan());
    const result = edit(plan, repeat, carol, T2);
    expect(result).toEqual({ kind: 'unchanged', plan, reason: 'already', ...expected });
  });

  type Rejection = [string, PlanEdit, string];
  const REJECTIONS: Rejection[] = [
    ['an unknown task', { kind: 'assign', taskId: 'cloudSync.nope', owner: carol }, 'unknownTask'],
    ['a task of the other tool', { kind: 'unassign', taskId: 'connect.download' }, 'unknownTask'],
    ['the tool choice task', { kind: 'assign', taskId: 'cloudSync.chooseTool', owner: carol }, 'notAllowed'],
    ['an owner without an id', { kind: 'assign', taskId: TASK, owner: { id: '  ', name: 'Nobody' } }, 'invalidOwner'],
    ['an owner without a name', { kind: 'assign', taskId: TASK, owner: { id: 'x', name: '' } }, 'invalidOwner'],
    [
      'an owner that is not an object (forged card data)',
      { kind: 'assign', taskId: TASK, owner: 'carol' as unknown as Actor },
      'invalidOwner',
    ],
    ['an unknown edit kind', { kind: 'delete', taskId: TASK } as unknown as PlanEdit, 'notAllowed'],
  ];
  it.each(REJECTIONS)('rejects %s with a message', (_name, change, reason) => {
    const result = edit(deepFreeze(newPlan()), change);
    expect(result).toMatchObject({ kind: 'rejected', reason });
    if (result.kind === 'rejected') expect(result.message.length).toBeGreaterThan(10);
  });

  it('stores only the id and trimmed name of an owner from card data', () => {
    const forged = { id: ' aad-carol ', name: ' Carol Ops ', role: 'admin', tenant: 'other' } as unknown as Actor;
    expect(taskOf(changedPlan(newPlan(), { kind: 'assign', taskId: TASK, owner: forged })).owner).toEqual(carol);
  });

  it('owners survive status changes, and status changes survive owner changes', () => {
    const owned = changedPlan(newPlan(), { kind: 'assign', taskId: TASK, owner: carol });
    const started = applyAction(owned, { taskId: TASK, action: 'start', actor: carol, at: T2 });
    if (started.kind !== 'changed') throw new Error('expected a change');
    expect(taskOf(started.plan)).toMatchObject({ status: 'inProgress', owner: carol, changedBy: carol });
    const reassigned = changedPlan(started.plan, { kind: 'assign', taskId: TASK, owner: bob }, alice, T2);
    expect(taskOf(reassigned)).toMatchObject({ status: 'inProgress', owner: bob, changedBy: carol, changedAt: T2 });
    expect(reassigned.editHistory).toHaveLength(2);
  });
});

describe('due date validation', () => {
  // Today (UTC) is 2026-11-26 in every row.
  // Every row has all five cells: jest reads a test function with more parameters than cells as a `done` callback.
  type Row = [
    label: string,
    input: unknown,
    allowPast: boolean,
    expected: 'ok' | 'invalidDate' | 'pastDate',
    messagePart: string,
  ];
  const TABLE: Row[] = [
    ['a future date', '2026-12-15', false, 'ok', ''],
    ['today (due by the end of the day)', '2026-11-26', false, 'ok', ''],
    ['surrounding spaces', '  2026-12-15 ', false, 'ok', ''],
    ['29 February of a leap year', '2028-02-29', false, 'ok', ''],
    ['31 December', '2026-12-31', false, 'ok', ''],
    ['30 February', '2026-02-30', true, 'invalidDate', 'February 2026 has 28 days'],
    ['29 February of a common year', '2027-02-29', false, 'invalidDate', 'February 2027 has 28 days'],
    ['31 April', '2027-04-31', false, 'invalidDate', 'April 2027 has 30 days'],
    ['day zero', '2026-12-00', false, 'invalidDate', 'December 2026 has 31 days'],
    ['month 13', '2026-13-01', false, 'invalidDate', 'no month 13'],
    ['month zero', '2026-00-10', false, 'invalidDate', 'no month 0'],
    ['US format', '12/15/2026', false, 'invalidDate', 'YYYY-MM-DD'],
    ['European format', '15.12.2026', false, 'invalidDate', 'YYYY-MM-DD'],
    ['no zero padding', '2026-1-5', false, 'invalidDate', 'YYYY-MM-DD'],
    ['a date with a time', '2026-12-15T10:00:00Z', false, 'invalidDate', 'YYYY-MM-DD'],
    ['words', 'next friday', false, 'invalidDate', 'YYYY-MM-DD'],
    ['empty', '', false, 'invalidDate', 'YYYY-MM-DD'],
    ['only spaces', '   ', false, 'invalidDate', 'YYYY-MM-DD'],
    ['not a string (forged card data)', 20261215, false, 'invalidDate', 'YYYY-MM-DD'],
    ['yesterday', '2026-11-25', false, 'pastDate', '25 Nov 2026 is in the past (today is 26 Nov 2026, UTC)'],
    ['last year', '2025-12-15', false, 'pastDate', 'Confirm'],
    ['yesterday, confirmed', '2026-11-25', true, 'ok', ''],
    ['last year, confirmed', '2025-12-15', true, 'ok', ''],
  ];

  it.each(TABLE)('%s (%p, allowPast %p) → %s', (_label, input, allowPast, expected, messagePart) => {
    const plan = deepFreeze(newPlan());
    const result = edit(plan, { kind: 'setDue', taskId: TASK, due: input as string, allowPast }, bob, T1);
    if (expected === 'ok') {
      const changed = expectChanged(result);
      const stored = (input as string).trim();
      expect(taskOf(changed.plan).due).toBe(stored);
      const past = stored < '2026-11-26';
      expect(changed.entry).toEqual({
        kind: 'due',
        at: T1,
        by: bob,
        afterStatusEntries: 1,
        task: TASK,
        to: stored,
        ...(past ? { pastConfirmed: true } : {}),
      });
    } else {
      expect(result).toMatchObject({ kind: 'rejected', reason: expected });
      if (result.kind === 'rejected') expect(result.message).toContain(messagePart);
    }
  });

  it('checkDueDate is usable on its own, for a text command before any plan is touched', () => {
    expect(checkDueDate('2026-12-15')).toEqual({ ok: true, due: '2026-12-15' });
    expect(checkDueDate(undefined)).toMatchObject({ ok: false });
  });

  it('judges "past" by the UTC day of the edit, not by the hour', () => {
    const lateEvening = '2026-11-26T23:59:59.999Z';
    const justAfterMidnight = '2026-11-27T00:00:00.000Z';
    expect(edit(newPlan(), { kind: 'setDue', taskId: TASK, due: '2026-11-26' }, bob, lateEvening).kind).toBe('changed');
    expect(edit(newPlan(), { kind: 'setDue', taskId: TASK, due: '2026-11-26' }, bob, justAfterMidnight)).toMatchObject({
      kind: 'rejected',
      reason: 'pastDate',
    });
  });

  it('only a literal true confirms a past date', () => {
    const fromCardData = { kind: 'setDue', taskId: TASK, due: '2026-11-01', allowPast: 'true' } as unknown as PlanEdit;
    expect(edit(newPlan(), fromCardData)).toMatchObject({ kind: 'rejected', reason: 'pastDate' });
  });

  it('changes and clears a due date, recording from and to', () => {
    const set = changedPlan(newPlan(), { kind: 'setDue', taskId: TASK, due: '2026-12-15' }, bob, T1);
    const moved = expectChanged(edit(set, { kind: 'setDue', taskId: TASK, due: '2026-12-20' }, carol, T2));
    expect(moved.entry).toMatchObject({ kind: 'due', from: '2026-12-15', to: '2026-12-20', by: carol });
    const cleared = expectChanged(edit(moved.plan, { kind: 'clearDue', taskId: TASK }, alice, T2));
    expect(cleared.entry).toEqual({
      kind: 'due',
      at: T2,
      by: alice,
      afterStatusEntries: 1,
      task: TASK,
      from: '2026-12-20',
    });
    expect(taskOf(cleared.plan)).not.toHaveProperty('due');
    expect(cleared.plan.revision).toBe(newPlan().revision + 3);
  });

  it('setting the same date again is unchanged, even when it has passed since', () => {
    const set = deepFreeze(changedPlan(newPlan(), { kind: 'setDue', taskId: TASK, due: '2026-12-15' }, bob, T1));
    const muchLater = '2027-01-10T08:00:00.000Z';
    expect(edit(set, { kind: 'setDue', taskId: TASK, due: '2026-12-15' }, carol, muchLater)).toEqual({
      kind: 'unchanged',
      plan: set,
      reason: 'already',
      by: bob,
      at: T1,
    });
  });

  it('clearing a due date that is not set is unchanged; on the tool choice or an unknown task it is rejected', () => {
    expect(edit(newPlan(), { kind: 'clearDue', taskId: TASK })).toMatchObject({ kind: 'unchanged', by: alice, at: T0 });
    expect(edit(newPlan(), { kind: 'clearDue', taskId: 'nope' })).toMatchObject({
      kind: 'rejected',
      reason: 'unknownTask',
    });
    expect(edit(newPlan(), { kind: 'setDue', taskId: 'cloudSync.chooseTool', due: '2026-12-15' })).toMatchObject({
      kind: 'rejected',
      reason: 'notAllowed',
    });
  });

  it('refuses an invalid date before comparing it with the current one', () => {
    expect(edit(newPlan(), { kind: 'setDue', taskId: TASK, due: 'soon' })).toMatchObject({
      kind: 'rejected',
      reason: 'invalidDate',
    });
  });
});

describe('reminders', () => {
  it('defaults to off, and turning it on and off is recorded with who and when', () => {
    const plan = newPlan();
    expect(reminderCadence(plan)).toBe('off');
    const daily = expectChanged(edit(plan, { kind: 'setReminders', cadence: 'daily' }, bob, T1));
    expect(daily.plan.reminders).toEqual({ cadence: 'daily', changedBy: bob, changedAt: T1 });
    expect(daily.entry).toEqual({
      kind: 'reminders',
      at: T1,
      by: bob,
      afterStatusEntries: 1,
      from: 'off',
      to: 'daily',
    });
    const weekly = expectChanged(edit(daily.plan, { kind: 'setReminders', cadence: 'weekly' }, carol, T2));
    expect(weekly.entry).toMatchObject({ from: 'daily', to: 'weekly', by: carol });
    const off = expectChanged(edit(weekly.plan, { kind: 'setReminders', cadence: 'off' }, alice, T2));
    expect(reminderCadence(off.plan)).toBe('off');
    expect(off.plan.reminders).toEqual({ cadence: 'off', changedBy: alice, changedAt: T2 });
    expect(off.plan.revision).toBe(plan.revision + 3);
  });

  it('repeating the current cadence is unchanged, reporting who set it (or the plan creation)', () => {
    expect(edit(newPlan(), { kind: 'setReminders', cadence: 'off' })).toMatchObject({
      kind: 'unchanged',
      by: alice,
      at: T0,
    });
    const daily = changedPlan(newPlan(), { kind: 'setReminders', cadence: 'daily' }, bob, T1);
    expect(edit(daily, { kind: 'setReminders', cadence: 'daily' }, carol, T2)).toEqual({
      kind: 'unchanged',
      plan: daily,
      reason: 'already',
      by: bob,
      at: T1,
    });
  });

  it('rejects an unknown cadence', () => {
    const result = edit(newPlan(), { kind: 'setReminders', cadence: 'hourly' as 'daily' });
    expect(result).toMatchObject({ kind: 'rejected', reason: 'invalidCadence' });
  });
});

describe('edits in general', () => {
  const EDITS: PlanEdit[] = [
    { kind: 'assign', taskId: TASK, owner: carol },
    { kind: 'setDue', taskId: TASK, due: '2026-12-15' },
    { kind: 'setReminders', cadence: 'weekly' },
  ];

  it.each(EDITS)('never mutates the plan it is given (%p)', (change) => {
    const plan = deepFreeze(newPlan());
    const snapshot = JSON.stringify(plan);
    expect(edit(plan, change).kind).toBe('changed');
    expect(JSON.stringify(plan)).toBe(snapshot);
  });

  it('the edited plan survives a JSON storage round trip', () => {
    let plan = newPlan();
    for (const change of EDITS) plan = changedPlan(plan, change);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('planHistory interleaves status changes and edits in the order they happened', () => {
    let plan = newPlan();
    plan = changedPlan(plan, { kind: 'setReminders', cadence: 'daily' }, alice, T1);
    const started = applyAction(plan, { taskId: 'cloudSync.prerequisites', action: 'start', actor: bob, at: T1 });
    if (started.kind !== 'changed') throw new Error('expected a change');
    // Same timestamp as the status change: the order must still be exact.
    plan = changedPlan(started.plan, { kind: 'assign', taskId: 'cloudSync.prerequisites', owner: bob }, bob, T1);
    const done = applyAction(plan, { taskId: 'cloudSync.prerequisites', action: 'done', actor: bob, at: T2 });
    if (done.kind !== 'changed') throw new Error('expected a change');
    plan = done.plan;

    const described = planHistory(plan).map((entry) =>
      entry.kind === undefined || entry.kind === 'status' ? `status:${entry.to}` : entry.kind,
    );
    expect(described).toEqual(['status:done', 'reminders', 'status:inProgress', 'owner', 'status:done']);
  });
});

describe('overdue', () => {
  const DUE = '2026-12-15';
  function planWithDue(status: TaskStatus, due: string | null = DUE): Plan {
    const plan = newPlan();
    return {
      ...plan,
      tasks: plan.tasks.map((task) => (task.id === TASK ? { ...task, status, ...(due ? { due } : {}) } : task)),
    };
  }

  type Row = [now: string, status: TaskStatus, expected: boolean];
  const TABLE: Row[] = [
    ['2026-12-14T12:00:00.000Z', 'todo', false],
    ['2026-12-15T00:00:00.000Z', 'todo', false],
    ['2026-12-15T23:59:59.999Z', 'todo', false],
    ['2026-12-16T00:00:00.000Z', 'todo', true],
    ['2026-12-16T00:00:00.000Z', 'inProgress', true],
    ['2027-03-01T09:00:00.000Z', 'todo', true],
    ['2026-12-16T00:00:00.000Z', 'done', false],
    ['2026-12-16T00:00:00.000Z', 'skipped', false],
    ['2026-12-16T00:00:00.000Z', 'notApplicable', false],
  ];
  it.each(TABLE)('due 2026-12-15, now %s, %s → overdue %p', (now, status, expected) => {
    const plan = planWithDue(status);
    expect(isOverdue(taskOf(plan), new Date(now))).toBe(expected);
    expect(overdueTasks(plan, new Date(now)).map((task) => task.id)).toEqual(expected ? [TASK] : []);
  });

  it('uses the UTC day: 01:00 on 16 Dec in UTC+2 is still 15 Dec in UTC', () => {
    expect(isOverdue(taskOf(planWithDue('todo')), new Date('2026-12-16T01:00:00+02:00'))).toBe(false);
    expect(isOverdue(taskOf(planWithDue('todo')), '2026-12-16T01:00:00-02:00')).toBe(true);
  });

  it('a task without a due date, or with a malformed stored one, is never overdue', () => {
    expect(isOverdue(taskOf(planWithDue('todo', null)), new Date('2030-01-01'))).toBe(false);
    expect(isOverdue({ ...taskOf(newPlan()), due: 'garbage' }, new Date('2030-01-01'))).toBe(false);
  });

  it('lists overdue tasks in card order with their card numbers', () => {
    let plan = newPlan();
    plan = changedPlan(plan, { kind: 'setDue', taskId: 'cloudSync.verify', due: '2026-12-01' });
    plan = changedPlan(plan, { kind: 'setDue', taskId: 'cloudSync.prerequisites', due: '2026-12-10' });
    plan = changedPlan(plan, { kind: 'setDue', taskId: 'cloudSync.installAgent', due: '2026-12-31' });
    expect(overdueTasks(plan, new Date('2026-12-20T08:00:00Z')).map((task) => [task.number, task.id])).toEqual([
      [2, 'cloudSync.prerequisites'],
      [5, 'cloudSync.verify'],
    ]);
  });

  it('refuses an invalid clock value instead of guessing a day', () => {
    expect(() => utcDay('not a time')).toThrow(/valid time/);
  });
});

describe('plans stored before owners, due dates and reminders existed', () => {
  /** Exactly the JSON an older version wrote: no owner, due, editHistory or reminders anywhere. */
  function oldStoredPlan(): Plan {
    const plan = newPlan();
    const json = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
    delete json.editHistory;
    delete json.reminders;
    return deepFreeze(json as unknown as Plan);
  }

  it('work with every reading function', () => {
    const plan = oldStoredPlan();
    const now = new Date('2027-06-01T00:00:00Z');
    expect(reminderCadence(plan)).toBe('off');
    expect(overdueTasks(plan, now)).toEqual([]);
    expect(plan.tasks.every((task) => !isOverdue(task, now))).toBe(true);
    expect(planHistory(plan)).toEqual(plan.history);
    expect(numberedTasks(plan).map((task) => task.number)).toEqual([1, 2, 3, 4, 5]);
    expect(nextTask(plan)?.id).toBe('cloudSync.prerequisites');
    expect(progress(plan).open).toBe(4);
    expect(tasksInOrder(plan)).toHaveLength(5);
  });

  it('accept every edit, starting the edit history', () => {
    const plan = oldStoredPlan();
    const assigned = expectChanged(edit(plan, { kind: 'assign', taskId: TASK, owner: carol }));
    expect(assigned.plan.editHistory).toEqual([assigned.entry]);
    expect(
      expectChanged(edit(plan, { kind: 'setDue', taskId: TASK, due: '2026-12-15' })).plan.editHistory,
    ).toHaveLength(1);
    expect(expectChanged(edit(plan, { kind: 'setReminders', cadence: 'daily' })).plan.reminders?.cadence).toBe('daily');
  });

  it('keep the status machine exactly as before', () => {
    const plan = oldStoredPlan();
    const result = applyAction(plan, { taskId: TASK, action: 'done', actor: bob, at: T1 });
    if (result.kind !== 'changed') throw new Error('expected a change');
    expect(result.entry).toEqual({ at: T1, by: bob, task: TASK, from: 'todo', to: 'done' });
    expect(result.plan).not.toHaveProperty('editHistory');
    expect(result.plan).not.toHaveProperty('reminders');
    expect(taskOf(result.plan)).not.toHaveProperty('owner');
  });
});

describe('tenant watch and evidence', () => {
  const EVIDENCE = {
    checkedAt: T1,
    verdict: 'healthy' as const,
    facts: ['Directory sync: On', 'Last sync: 3 min ago'],
  };

  it('the watch is off until turned on; repeating is unchanged; each change is recorded with who and when', () => {
    const plan = newPlan();
    const on = applyPlanEdit(plan, { kind: 'setWatch', on: true }, alice, T1);
    expect(on).toMatchObject({ kind: 'changed', entry: { kind: 'watch', from: false, to: true, by: alice, at: T1 } });
    const turnedOn = (on as Extract<PlanEditResult, { kind: 'changed' }>).plan;
    expect(turnedOn.watch).toEqual({ on: true, changedBy: alice, changedAt: T1 });
    expect(applyPlanEdit(turnedOn, { kind: 'setWatch', on: true }, bob, T2)).toMatchObject({
      kind: 'unchanged',
      by: alice,
      at: T1,
    });
    expect(applyPlanEdit(plan, { kind: 'setWatch', on: 'yes' } as unknown as PlanEdit, alice, T1)).toMatchObject({
      kind: 'rejected',
      reason: 'notAllowed',
    });
  });

  it("turning off a watch nobody turned on is unchanged, credited to the plan's creator, like reminders", () => {
    const plan = newPlan();
    const watch = applyPlanEdit(plan, { kind: 'setWatch', on: false }, bob, T2);
    const reminders = applyPlanEdit(plan, { kind: 'setReminders', cadence: 'off' }, bob, T2);
    expect(watch).toEqual({ kind: 'unchanged', plan, reason: 'already', by: plan.createdBy, at: plan.createdAt });
    expect(reminders).toEqual(watch);
  });

  it('"done" keeps the evidence on the task and its history entry; reopening drops it from the task; other actions never carry it', () => {
    const plan = newPlan();
    const done = applyAction(plan, {
      taskId: 'cloudSync.verify',
      action: 'done',
      actor: alice,
      at: T1,
      evidence: EVIDENCE,
    });
    if (done.kind !== 'changed') throw new Error('expected a change');
    expect(done.plan.tasks.find((t) => t.id === 'cloudSync.verify')?.evidence).toEqual(EVIDENCE);
    expect(done.entry).toMatchObject({ task: 'cloudSync.verify', to: 'done', by: alice, evidence: EVIDENCE });

    const reopened = applyAction(done.plan, { taskId: 'cloudSync.verify', action: 'reopen', actor: bob, at: T2 });
    if (reopened.kind !== 'changed') throw new Error('expected a change');
    expect(reopened.plan.tasks.find((t) => t.id === 'cloudSync.verify')?.evidence).toBeUndefined();
    expect(reopened.entry.evidence).toBeUndefined();

    const started = applyAction(plan, {
      taskId: 'cloudSync.verify',
      action: 'start',
      actor: alice,
      at: T1,
      evidence: EVIDENCE,
    });
    if (started.kind !== 'changed') throw new Error('expected a change');
    expect(started.plan.tasks.find((t) => t.id === 'cloudSync.verify')?.evidence).toBeUndefined();
  });
});
