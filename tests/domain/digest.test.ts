import type { TaskId } from '../../src/domain/catalog';
import {
  buildDigest,
  describeDue,
  digestHeadline,
  formatUtcDateTime,
  isDue,
  isoWeek,
  periodKey,
  type DigestCadence,
} from '../../src/domain/digest';
import type { Plan, TaskStatus } from '../../src/domain/plan';
import { formatCalendarDay } from '../../src/domain/planDates';
import { applyPlanEdit, type PlanEdit } from '../../src/domain/planEdits';
import { alice, bob, carol, changedPlan, newPlan, T0 } from '../helpers/planFixtures';

const NOW = new Date('2026-12-18T07:30:00.000Z');

function withEdits(plan: Plan, edits: PlanEdit[]): Plan {
  return edits.reduce((current, edit) => changedPlan(applyPlanEdit(current, edit, alice, T0)), plan);
}

function withStatuses(plan: Plan, statuses: Partial<Record<TaskId, TaskStatus>>): Plan {
  return { ...plan, tasks: plan.tasks.map((task) => ({ ...task, status: statuses[task.id] ?? task.status })) };
}

describe('buildDigest: content', () => {
  // Tasks: 1 choose tool (done), 2 prerequisites, 3 install agent, 4 configure, 5 verify.
  const plan = withEdits(newPlan(), [
    { kind: 'assign', taskId: 'cloudSync.prerequisites', owner: carol },
    { kind: 'setDue', taskId: 'cloudSync.prerequisites', due: '2026-12-15' },
    { kind: 'assign', taskId: 'cloudSync.installAgent', owner: carol },
    { kind: 'setDue', taskId: 'cloudSync.installAgent', due: '2026-12-17' },
    { kind: 'assign', taskId: 'cloudSync.verify', owner: bob },
    { kind: 'setDue', taskId: 'cloudSync.verify', due: '2027-01-10' },
  ]);

  it('lists overdue tasks, the next task, open count and each owner to mention once', () => {
    expect(buildDigest(plan, NOW, 'daily')).toEqual({
      periodKey: 'daily:2026-12-18',
      cadence: 'daily',
      day: '2026-12-18',
      overdue: [
        {
          number: 2,
          taskId: 'cloudSync.prerequisites',
          title: 'Review Cloud Sync prerequisites',
          status: 'todo',
          owner: carol,
          due: '2026-12-15',
          dueText: 'due 15 Dec 2026 (3 days overdue)',
          daysOverdue: 3,
        },
        {
          number: 3,
          taskId: 'cloudSync.installAgent',
          title: 'Install the provisioning agent',
          status: 'todo',
          owner: carol,
          due: '2026-12-17',
          dueText: 'due 17 Dec 2026 (1 day overdue)',
          daysOverdue: 1,
        },
      ],
      next: {
        number: 2,
        taskId: 'cloudSync.prerequisites',
        title: 'Review Cloud Sync prerequisites',
        status: 'todo',
        owner: carol,
        due: '2026-12-15',
        dueText: 'due 15 Dec 2026 (3 days overdue)',
      },
      openCount: 4,
      ownersToMention: [carol],
    });
  });

  it('mentions the next task’s owner too, and leaves out owners of tasks that are neither', () => {
    const moved = withStatuses(plan, { 'cloudSync.prerequisites': 'done', 'cloudSync.installAgent': 'done' });
    const digest = buildDigest(moved, NOW, 'weekly');
    expect(digest?.overdue).toEqual([]);
    expect(digest?.next).toEqual({
      number: 4,
      taskId: 'cloudSync.configure',
      title: 'Configure Cloud Sync',
      status: 'todo',
    });
    // Bob owns task 5, which is neither overdue nor next.
    expect(digest?.ownersToMention).toEqual([]);
    expect(digest?.openCount).toBe(2);
    expect(digest?.periodKey).toBe('weekly:2026-W51');
  });

  it('keeps a task in progress as the next one and counts it open', () => {
    const started = withStatuses(plan, { 'cloudSync.prerequisites': 'inProgress' });
    expect(buildDigest(started, NOW, 'daily')?.next).toMatchObject({ number: 2, status: 'inProgress' });
    expect(buildDigest(started, NOW, 'daily')?.openCount).toBe(4);
  });

  it('a task settled after its due date is no longer overdue', () => {
    const settled = withStatuses(plan, { 'cloudSync.prerequisites': 'skipped' });
    expect(buildDigest(settled, NOW, 'daily')?.overdue.map((task) => task.number)).toEqual([3]);
  });

  it('turns overdue exactly at midnight UTC after the due day', () => {
    const dueToday = withEdits(newPlan(), [{ kind: 'setDue', taskId: 'cloudSync.prerequisites', due: '2026-12-18' }]);
    expect(buildDigest(dueToday, new Date('2026-12-18T23:59:59.999Z'), 'daily')?.overdue).toEqual([]);
    expect(buildDigest(dueToday, new Date('2026-12-19T00:00:00.000Z'), 'daily')?.overdue).toMatchObject([
      { number: 2, daysOverdue: 1, dueText: 'due 18 Dec 2026 (1 day overdue)' },
    ]);
  });

  it('works for a plan stored before owners and due dates existed', () => {
    const old = newPlan();
    expect(buildDigest(old, NOW, 'daily')).toEqual({
      periodKey: 'daily:2026-12-18',
      cadence: 'daily',
      day: '2026-12-18',
      overdue: [],
      next: { number: 2, taskId: 'cloudSync.prerequisites', title: 'Review Cloud Sync prerequisites', status: 'todo' },
      openCount: 4,
      ownersToMention: [],
    });
  });
});

describe('buildDigest: nothing to send', () => {
  const connect = newPlan({ tool: 'connect' });
  type Row = [string, Plan];
  const TABLE: Row[] = [
    [
      'every task done',
      withStatuses(newPlan(), {
        'cloudSync.prerequisites': 'done',
        'cloudSync.installAgent': 'done',
        'cloudSync.configure': 'done',
        'cloudSync.verify': 'done',
      }),
    ],
    [
      'every task done or skipped, one overdue date left behind',
      withEdits(
        withStatuses(newPlan(), {
          'cloudSync.prerequisites': 'done',
          'cloudSync.installAgent': 'skipped',
          'cloudSync.configure': 'done',
          'cloudSync.verify': 'skipped',
        }),
        [{ kind: 'setDue', taskId: 'cloudSync.verify', due: '2026-12-01' }],
      ),
    ],
    [
      'Connect: done, skipped and not applicable',
      withStatuses(connect, {
        'connect.prerequisites': 'done',
        'connect.chooseInstallType': 'done',
        'connect.download': 'done',
        'connect.installExpress': 'done',
        'connect.postInstall': 'skipped',
        'connect.verify': 'done',
      }),
    ],
    ['a plan with no tasks', { ...newPlan(), tasks: [] }],
  ];
  it.each(TABLE)('%s → undefined', (_name, plan) => {
    expect(buildDigest(plan, NOW, 'daily')).toBeUndefined();
    expect(buildDigest(plan, NOW, 'weekly')).toBeUndefined();
  });
});

describe('periodKey', () => {
  type Row = [now: string, cadence: DigestCadence, expected: string];
  const TABLE: Row[] = [
    ['2026-11-26T00:00:00.000Z', 'daily', 'daily:2026-11-26'],
    ['2026-11-26T23:59:59.999Z', 'daily', 'daily:2026-11-26'],
    ['2026-11-27T00:00:00.000Z', 'daily', 'daily:2026-11-27'],
    ['2026-11-30T23:30:00.000Z', 'daily', 'daily:2026-11-30'],
    ['2026-12-01T00:00:00.000Z', 'daily', 'daily:2026-12-01'],
    ['2026-12-31T23:59:59.999Z', 'daily', 'daily:2026-12-31'],
    ['2027-01-01T00:00:00.000Z', 'daily', 'daily:2027-01-01'],
    ['2028-02-29T12:00:00.000Z', 'daily', 'daily:2028-02-29'],
    // The local evening of the 26th west of UTC is already the 27th in UTC.
    ['2026-11-26T22:00:00-05:00', 'daily', 'daily:2026-11-27'],
    ['2026-11-26T12:00:00.000Z', 'weekly', 'weekly:2026-W48'],
    ['2026-11-22T23:59:59.999Z', 'weekly', 'weekly:2026-W47'],
    ['2026-11-23T00:00:00.000Z', 'weekly', 'weekly:2026-W48'],
    ['2026-11-29T23:59:59.999Z', 'weekly', 'weekly:2026-W48'],
    ['2026-11-30T00:00:00.000Z', 'weekly', 'weekly:2026-W49'],
    ['2026-12-01T00:00:00.000Z', 'weekly', 'weekly:2026-W49'],
    ['2026-12-31T12:00:00.000Z', 'weekly', 'weekly:2026-W53'],
    ['2027-01-01T00:00:00.000Z', 'weekly', 'weekly:2026-W53'],
    ['2027-01-03T23:59:59.999Z', 'weekly', 'weekly:2026-W53'],
    ['2027-01-04T00:00:00.000Z', 'weekly', 'weekly:2027-W01'],
    ['2025-12-29T00:00:00.000Z', 'weekly', 'weekly:2026-W01'],
    ['2026-01-01T00:00:00.000Z', 'weekly', 'weekly:2026-W01'],
    ['2025-12-28T23:59:59.999Z', 'weekly', 'weekly:2025-W52'],
    ['2024-12-30T00:00:00.000Z', 'weekly', 'weekly:2025-W01'],
    ['2021-01-03T00:00:00.000Z', 'weekly', 'weekly:2020-W53'],
    ['2027-12-31T00:00:00.000Z', 'weekly', 'weekly:2027-W52'],
    ['2027-03-08T00:00:00.000Z', 'weekly', 'weekly:2027-W10'],
  ];
  it.each(TABLE)('%s, %s → %s', (now, cadence, expected) => {
    expect(periodKey(new Date(now), cadence)).toBe(expected);
  });

  it('every day of 2026 and 2027 has a week whose Monday-to-Sunday span contains it', () => {
    for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2028, 0, 1); time += 86_400_000) {
      const { year, week } = isoWeek(new Date(time));
      // Monday of ISO week 1 is the Monday on or before 4 January.
      const jan4 = Date.UTC(year, 0, 4);
      const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
      const monday = week1Monday + (week - 1) * 7 * 86_400_000;
      expect(time >= monday && time < monday + 7 * 86_400_000).toBe(true);
    }
  });
});

describe('isDue', () => {
  type Row = [label: string, lastSent: string | undefined, now: string, cadence: DigestCadence, expected: boolean];
  const TABLE: Row[] = [
    ['never sent', undefined, '2026-11-26T09:00:00Z', 'daily', true],
    ['already sent today', 'daily:2026-11-26', '2026-11-26T23:59:59Z', 'daily', false],
    ['sent yesterday', 'daily:2026-11-25', '2026-11-26T00:00:00Z', 'daily', true],
    ['sent at the end of the year, now the new year', 'daily:2026-12-31', '2027-01-01T00:00:00Z', 'daily', true],
    // Another instance with a clock running ahead already sent tomorrow's: do not send a second one.
    ['a later period was already sent', 'daily:2026-11-27', '2026-11-26T23:59:00Z', 'daily', false],
    ['already sent this week', 'weekly:2026-W48', '2026-11-29T20:00:00Z', 'weekly', false],
    ['sent last week', 'weekly:2026-W48', '2026-11-30T00:00:00Z', 'weekly', true],
    ['2027-01-01 is still week 53 of 2026', 'weekly:2026-W53', '2027-01-01T08:00:00Z', 'weekly', false],
    ['across the ISO year boundary', 'weekly:2026-W53', '2027-01-04T08:00:00Z', 'weekly', true],
    ['cadence changed from daily to weekly', 'daily:2026-11-26', '2026-11-26T10:00:00Z', 'weekly', true],
    ['cadence changed from weekly to daily', 'weekly:2026-W48', '2026-11-26T10:00:00Z', 'daily', true],
    ['an empty key', '', '2026-11-26T10:00:00Z', 'daily', true],
  ];
  it.each(TABLE)('%s → %p', (_label, lastSent, now, cadence, expected) => {
    expect(isDue(lastSent, new Date(now), cadence)).toBe(expected);
  });
});

describe('human-readable UTC text', () => {
  type Row = [due: string, now: string, expected: string];
  const DUE_TABLE: Row[] = [
    ['2026-12-15', '2026-12-18T07:30:00Z', 'due 15 Dec 2026 (3 days overdue)'],
    ['2026-12-15', '2026-12-16T00:00:00Z', 'due 15 Dec 2026 (1 day overdue)'],
    ['2026-12-15', '2026-12-15T23:59:59Z', 'due today (15 Dec 2026)'],
    ['2026-12-15', '2026-12-14T00:00:00Z', 'due tomorrow (15 Dec 2026)'],
    ['2026-12-15', '2026-12-10T12:00:00Z', 'due 15 Dec 2026 (in 5 days)'],
    ['2027-01-02', '2026-12-31T12:00:00Z', 'due 2 Jan 2027 (in 2 days)'],
    ['2026-02-28', '2026-03-01T00:00:00Z', 'due 28 Feb 2026 (1 day overdue)'],
  ];
  it.each(DUE_TABLE)('due %s at %s → %s', (due, now, expected) => {
    expect(describeDue(due, new Date(now))).toBe(expected);
  });

  it('formats calendar days and instants with the month spelled out and UTC said', () => {
    expect(formatCalendarDay('2026-12-05')).toBe('5 Dec 2026');
    expect(formatCalendarDay('not a date')).toBe('not a date');
    expect(formatUtcDateTime('2026-11-26T10:42:13.000Z')).toBe('26 Nov 2026, 10:42 UTC');
    expect(formatUtcDateTime('2026-11-26T23:30:00-02:00')).toBe('27 Nov 2026, 01:30 UTC');
    expect(formatUtcDateTime('garbage')).toBe('an unknown time');
  });

  it('headlines a digest', () => {
    const plan = withEdits(newPlan(), [
      { kind: 'setDue', taskId: 'cloudSync.prerequisites', due: '2026-12-01', allowPast: true },
    ]);
    const daily = buildDigest(plan, NOW, 'daily');
    const weekly = buildDigest(newPlan(), new Date('2027-01-01T08:00:00Z'), 'weekly');
    if (!daily || !weekly) throw new Error('expected digests');
    expect(digestHeadline(daily)).toBe('Daily digest, 18 Dec 2026: 1 overdue, 4 open');
    expect(digestHeadline(weekly)).toBe('Weekly digest, week 53 of 2026: nothing overdue, 4 open');
  });
});
