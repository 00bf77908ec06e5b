import { archiveHistory } from '../../src/domain/historyArchive';
import { CONNECT_INSTALL_TASK_IDS } from '../../src/domain/catalog';
import type { DecisionSummary } from '../../src/domain/decision';
import {
  applyAction,
  availableActions,
  createPlan,
  nextTask,
  numberedTasks,
  type Actor,
  type Plan,
  type PlanAction,
  type PlanSelection,
  type TaskStatus,
} from '../../src/domain/plan';
import {
  allDoneCard,
  formatWhen,
  historyCard,
  nextCard,
  noPlanCard,
  refusalNotice,
  summaryCard,
  taskCard,
  tasksCard,
} from '../../src/cards/planCards';
import { escapeMarkdown } from '../../src/cards/render';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { ACTION_VERBS } from '../../src/domain/taskVerbs';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const AT = '2025-11-26T10:42:00.000Z';
const TOOLS = [
  ['cloudSync', { tool: 'cloudSync', deviceSyncPreview: true }],
  ['connect', { tool: 'connect', connectInstall: 'custom' }],
  ['both', { tool: 'both', deviceSyncPreview: true, connectInstall: 'express' }],
] as const;

const decision = (tool: DecisionSummary['tool']): DecisionSummary => ({
  tool,
  headline: 'One forest, under 150,000 objects, password hash sync: Cloud Sync fits.',
  reasons: ['Single forest', 'No hybrid join needed', 'Wants several agents for high availability'],
  overridden: false,
  decidedBy: ANA,
  decidedAt: AT,
});

function act(plan: Plan, taskId: string, action: PlanAction, actor: Actor = ANA, at = AT): Plan {
  const result = applyAction(plan, { taskId, action, actor, at });
  if (result.kind !== 'changed') throw new Error(`${action} on ${taskId}: ${result.kind}`);
  return result.plan;
}

/** A plan where the open tasks walk through every status, so each card state is rendered. */
function planWithEveryStatus(selection: PlanSelection): Plan {
  let plan = createPlan({ id: 'plan-1', selection, createdBy: ANA, at: AT });
  const open = plan.tasks.filter((t) => t.status === 'todo').map((t) => t.id);
  const script: Array<[PlanAction, Actor]> = [
    ['done', ANA],
    ['start', { id: 'b', name: 'Ben' }],
    ['skip', { id: 'c', name: 'Chloé' }],
  ];
  open
    .slice(0, script.length)
    .forEach((taskId, i) => (plan = act(plan, taskId, script[i][0], script[i][1], `2025-11-26T1${i}:0${i}:00.000Z`)));
  if (open[3]) plan = act(act(plan, open[3], 'done'), open[3], 'reopen', { id: 'd', name: 'Dan' });
  return plan;
}

describe.each(TOOLS)('plan cards for %s', (tool, selection) => {
  const plan = planWithEveryStatus(selection);

  it('renders a valid task card for every task, with exactly the buttons availableActions allows', () => {
    const statuses = new Set<TaskStatus>();
    for (const task of numberedTasks(plan)) {
      statuses.add(task.status);
      const card = taskCard(plan, task.id);
      expectValidCard(card);
      const text = cardText(card);
      expect(text).toContain(String(task.number));
      expect(text).toContain(task.content.title.replace(/[*_[\]\\]/g, (c) => `\\${c}`));
      // Status buttons first; the owner and due date buttons are checked in their own tests.
      const buttons = statusButtons(card);
      expect(buttons.map((b) => b.verb)).toEqual(availableActions(plan, task.id).map((a) => ACTION_VERBS[a]));
      for (const button of buttons) {
        expect(button.data).toEqual({ planId: plan.id, taskId: task.id, revision: plan.revision });
        expect((button as any).fallback).toEqual({
          type: 'Action.Submit',
          title: button.title,
          data: { verb: button.verb, ...button.data },
        });
      }
      if (task.content.preview) expect(text).toContain('PREVIEW');
      else expect(text).not.toContain('PREVIEW');
    }
    expect(statuses).toEqual(
      new Set(['todo', 'inProgress', 'done', 'skipped', ...(tool === 'cloudSync' ? [] : ['notApplicable'])]),
    );
  });

  it('renders valid summary, tasks, history, next and all-done cards', () => {
    for (const card of [
      summaryCard(plan, decision(tool)),
      summaryCard(plan),
      tasksCard(plan),
      historyCard(plan),
      nextCard(plan),
      allDoneCard(plan),
      noPlanCard(),
    ]) {
      expectValidCard(card);
    }
  });

  it('puts every task with its number on the summary and highlights the next one', () => {
    const card = summaryCard(plan, decision(tool));
    const text = cardText(card);
    const numbers = summaryNumbers(card);
    for (const task of numberedTasks(plan)) expect(numbers).toContain(String(task.number));
    const next = nextTask(plan)!;
    const number = numberedTasks(plan).find((t) => t.id === next.id)!.number;
    expect(text).toContain(`**Next:** ${number}.`);
    expect(JSON.stringify(card)).toContain('"style":"accent"');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['plan.next']);
    expect(executeActions(card)[0].data).toEqual({ planId: plan.id, revision: plan.revision });
  });
});

describe('task card details', () => {
  const plan = planWithEveryStatus({ tool: 'cloudSync' });

  it('shows who changed the task and when, in UTC', () => {
    const done = numberedTasks(plan).find((t) => t.status === 'done' && t.id !== 'cloudSync.chooseTool')!;
    expect(cardText(taskCard(plan, done.id))).toContain('Marked done by Ana at 10:00 UTC, 26 Nov');
    expect(formatWhen('2025-11-26T10:42:00.000Z')).toBe('10:42 UTC, 26 Nov 2025');
  });

  it('keeps checklist, commands and links behind a toggle so the card stays compact', () => {
    const card = taskCard(plan, 'cloudSync.verify') as any;
    const details = card.body.find((item: any) => item.type === 'Container' && item.isVisible === false);
    expect(details).toBeDefined();
    const toggle = JSON.stringify(card).match(/"Action.ToggleVisibility"[^}]*"targetElements":\["([^"]+)"\]/);
    expect(toggle?.[1]).toBe(details.id);
    expect(cardText(details)).toContain('Provision on demand');
    expect(cardText(details)).toContain('https://learn.microsoft.com/');
  });

  it('offers the install switch with the right words on each Connect install task', () => {
    const plan = createPlan({
      id: 'p',
      selection: { tool: 'connect', connectInstall: 'express' },
      createdBy: ANA,
      at: AT,
    });
    expect(executeActions(taskCard(plan, CONNECT_INSTALL_TASK_IDS.express)).map((a) => a.title)).toContain(
      'Use custom instead',
    );
    const switched = act(plan, CONNECT_INSTALL_TASK_IDS.express, 'switchInstallType');
    expect(executeActions(taskCard(switched, CONNECT_INSTALL_TASK_IDS.custom)).map((a) => a.title)).toContain(
      'Use express instead',
    );
    expect(executeActions(taskCard(switched, CONNECT_INSTALL_TASK_IDS.express))).toHaveLength(0);
  });

  it('gives the done "choose the tool" task no buttons', () => {
    expect(executeActions(taskCard(plan, 'cloudSync.chooseTool'))).toHaveLength(0);
  });
});

describe('user-provided names', () => {
  const evil = ['**Boss** [click](https://evil.example)', '${$root.planId} @{x}', '<script>alert(1)</script>'];

  it.each(evil)('shows %s literally on task, summary and history cards', (name) => {
    const actor = { id: 'x', name };
    let plan = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: actor, at: AT });
    plan = act(plan, 'cloudSync.prerequisites', 'done', actor);
    const cards = [
      taskCard(plan, 'cloudSync.prerequisites'),
      summaryCard(plan, { ...decision('cloudSync'), decidedBy: actor }),
      historyCard(plan),
    ];
    for (const card of cards) {
      expectValidCard(card);
      const json = JSON.stringify(card);
      expect(json).not.toContain('**Boss**');
      expect(json).not.toContain('[click](');
      expect(json).not.toContain('<script>');
      // Escaped, not dropped: the name is still there, character by character.
      const unescaped = cardText(card).replace(/\\(.)/g, '$1');
      expect(unescaped).toContain(name);
    }
  });

  it.each(evil)('a refusal names %s literally: "skipped by …, reopen it first"', (name) => {
    const actor = { id: 'x', name };
    const plan = act(
      createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: actor, at: AT }),
      'cloudSync.prerequisites',
      'skip',
      actor,
    );
    const refused = applyAction(plan, {
      taskId: 'cloudSync.prerequisites',
      action: 'done',
      actor: { id: 'y', name: 'Someone Else' },
      at: AT,
    });
    if (refused.kind !== 'rejected') throw new Error(`expected a refusal, got ${refused.kind}`);
    const notice = refusalNotice(refused.refusal);
    expect(notice).toEqual({
      text: `"Review Cloud Sync prerequisites" was skipped by ${escapeMarkdown(name)}. Reopen it first to work on it.`,
      tone: 'warning',
    });
    const card = taskCard(plan, 'cloudSync.prerequisites', notice);
    expectValidCard(card);
    expect(JSON.stringify(card)).not.toContain('**Boss**');
    expect(JSON.stringify(card)).not.toContain('<script>');
  });
});

describe('what next and all done', () => {
  it('answers with the next task card, then with the all-done card when nothing is open', () => {
    let plan = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
    expect(cardText(nextCard(plan))).toContain('Review Cloud Sync prerequisites');
    for (const task of plan.tasks.filter((t) => t.status === 'todo'))
      plan = act(plan, task.id, task.id === 'cloudSync.verify' ? 'skip' : 'done');
    const text = cardText(nextCard(plan));
    expect(text).toContain('All tasks are settled');
    expect(text).toContain('Verify users are syncing');
    expect(cardText(summaryCard(plan))).toContain('100%');
  });

  it('history shows the newest 15 changes first, with who, when, from and to', () => {
    let plan = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
    for (let i = 0; i < 10; i++) {
      plan = act(
        plan,
        'cloudSync.prerequisites',
        'done',
        { id: 'b', name: 'Ben' },
        `2025-11-26T11:${String(i).padStart(2, '0')}:00.000Z`,
      );
      plan = act(
        plan,
        'cloudSync.prerequisites',
        'reopen',
        { id: 'c', name: 'Cleo' },
        `2025-11-26T12:${String(i).padStart(2, '0')}:00.000Z`,
      );
    }
    const card = historyCard(plan) as any;
    expectValidCard(card);
    const entries = card.body.filter((item: any) => item.type === 'Container');
    expect(entries).toHaveLength(15);
    expect(cardText(entries[0])).toContain('Cleo · 12:09 UTC, 26 Nov');
    expect(cardText(entries[0])).toContain('2. Review Cloud Sync prerequisites: Done → To do');
    expect(cardText(card)).toContain('The latest 15 of 21 changes');
  });

  it('history counts and shows the same changes once the oldest have moved to archived pages', () => {
    let whole = createPlan({ id: 'p', selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
    let kept = whole;
    for (let i = 0; i < 90; i++) {
      const [action, who] =
        i % 2 ? (['reopen', { id: 'c', name: 'Cleo' }] as const) : (['done', { id: 'b', name: 'Ben' }] as const);
      const at = new Date(Date.parse(AT) + i * 60_000).toISOString();
      whole = act(whole, 'cloudSync.prerequisites', action, who, at);
      kept = archiveHistory(act(kept, 'cloudSync.prerequisites', action, who, at)).plan;
    }
    expect(kept.archive?.pages).toBeGreaterThan(0);
    expect(cardText(historyCard(kept))).toContain(`The latest 15 of ${whole.history.length} changes`);
    expect(historyCard(kept)).toEqual(historyCard(whole));
  });
});

/** The buttons that change a task's status (the verbs of ACTION_VERBS). */
function statusButtons(card: object) {
  const statusVerbs = new Set<string>(Object.values(ACTION_VERBS));
  return executeActions(card).filter((action) => statusVerbs.has(action.verb));
}

/** TextBlocks that hold only a task number; a "2."-style text would render as an empty Markdown list item. */
function summaryNumbers(card: object): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (key, value) => {
    if (key === 'text' && typeof value === 'string' && /^\d+\.?$/.test(value)) texts.push(value);
    return value;
  });
  expect(texts.filter((t) => t.endsWith('.'))).toEqual([]);
  return texts;
}

describe('"Check now" follows GRAPH_CHECKS, not whether the plan was checked before', () => {
  const titles = (card: object) => executeActions(card).map((action) => action.title);
  const checkedAt = '2025-11-26T11:00:00.000Z';
  const fresh = (selection: PlanSelection) => createPlan({ id: 'plan-1', selection, createdBy: ANA, at: AT });
  const checked = (plan: Plan): Plan => ({
    ...plan,
    lastCheck: {
      checkedAt,
      byTrack: {
        cloudSync: { checkedAt, verdict: 'healthy', facts: ['Directory sync: On'] },
        connect: { checkedAt, verdict: 'healthy', facts: ['Directory sync: On'] },
      },
    },
  });

  it.each([
    ['Cloud Sync', { tool: 'cloudSync' }, 'cloudSync.verify'],
    ['Connect Sync', { tool: 'connect', connectInstall: 'express' }, 'connect.verify'],
  ] as const)(
    '%s: the verify task offers it from the start when checks are on, never when off',
    (_label, selection, taskId) => {
      const plan = fresh(selection);
      expect(plan.lastCheck).toBeUndefined();
      const on = taskCard(plan, taskId, undefined, { tenantChecks: true });
      expectValidCard(on);
      expect(titles(on)).toContain('Check now');
      expect(cardText(on)).toContain('Not checked yet');
      // Nothing checked yet, so nothing to mark done with.
      expect(titles(on)).not.toContain('Mark done with this evidence');

      for (const off of [taskCard(plan, taskId), taskCard(checked(plan), taskId, undefined, { tenantChecks: false })]) {
        expectValidCard(off);
        expect(titles(off)).not.toContain('Check now');
        expect(titles(off)).not.toContain('Mark done with this evidence');
        expect(cardText(off)).not.toMatch(/Not checked yet|Last tenant check/);
      }
      expect(titles(taskCard(checked(plan), taskId, undefined, { tenantChecks: true }))).toEqual(
        expect.arrayContaining(['Check now', 'Mark done with this evidence']),
      );
    },
  );

  it('tasks Graph cannot observe never offer it', () => {
    const plan = fresh({ tool: 'cloudSync' });
    const others = plan.tasks.filter((task) => task.id !== 'cloudSync.verify' && task.status !== 'notApplicable');
    expect(others.length).toBeGreaterThan(0);
    for (const task of others)
      expect(titles(taskCard(plan, task.id, undefined, { tenantChecks: true }))).not.toContain('Check now');
  });

  it('the summary offers it whenever checks are on, and never when off, checked before or not', () => {
    const plan = fresh({ tool: 'cloudSync' });
    for (const shown of [plan, checked(plan)]) {
      const on = summaryCard(shown, undefined, { tenantChecks: true });
      expectValidCard(on);
      expect(titles(on)).toContain('Check now');
      expect(titles(summaryCard(shown, undefined, { tenantChecks: false }))).not.toContain('Check now');
      expect(titles(summaryCard(shown))).not.toContain('Check now');
    }
    expect(titles(nextCard(plan, undefined, undefined, true))).not.toContain('Check now'); // the next task is not a verify task
  });
});
