import { CONNECT_INSTALL_TASK_IDS } from '../../src/domain/catalog';
import { availableActions, createPlan, numberedTasks, type TaskStatus } from '../../src/domain/plan';
import { formatWhen } from '../../src/cards/planText';
import { taskCard } from '../../src/cards/taskCard';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { ACTION_VERBS } from '../../src/domain/taskVerbs';
import { act, ANA, AT, checkedPlan, freshPlan, planWithEveryStatus, TOOLS } from '../helpers/planCardFixtures';

describe.each(TOOLS)('task cards for %s', (tool, selection) => {
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

/** The buttons that change a task's status (the verbs of ACTION_VERBS). */
function statusButtons(card: object) {
  const statusVerbs = new Set<string>(Object.values(ACTION_VERBS));
  return executeActions(card).filter((action) => statusVerbs.has(action.verb));
}

describe('"Check now" follows GRAPH_CHECKS, not whether the plan was checked before', () => {
  const titles = (card: object) => executeActions(card).map((action) => action.title);
  it.each([
    ['Cloud Sync', { tool: 'cloudSync' }, 'cloudSync.verify'],
    ['Connect Sync', { tool: 'connect', connectInstall: 'express' }, 'connect.verify'],
  ] as const)(
    '%s: the verify task offers it from the start when checks are on, never when off',
    (_label, selection, taskId) => {
      const plan = freshPlan(selection);
      expect(plan.lastCheck).toBeUndefined();
      const on = taskCard(plan, taskId, undefined, { tenantChecks: true });
      expectValidCard(on);
      expect(titles(on)).toContain('Check now');
      expect(cardText(on)).toContain('Not checked yet');
      // Nothing checked yet, so nothing to mark done with.
      expect(titles(on)).not.toContain('Mark done with this evidence');

      for (const off of [
        taskCard(plan, taskId),
        taskCard(checkedPlan(plan), taskId, undefined, { tenantChecks: false }),
      ]) {
        expectValidCard(off);
        expect(titles(off)).not.toContain('Check now');
        expect(titles(off)).not.toContain('Mark done with this evidence');
        expect(cardText(off)).not.toMatch(/Not checked yet|Last tenant check/);
      }
      expect(titles(taskCard(checkedPlan(plan), taskId, undefined, { tenantChecks: true }))).toEqual(
        expect.arrayContaining(['Check now', 'Mark done with this evidence']),
      );
    },
  );

  it('tasks Graph cannot observe never offer it', () => {
    const plan = freshPlan({ tool: 'cloudSync' });
    const others = plan.tasks.filter((task) => task.id !== 'cloudSync.verify' && task.status !== 'notApplicable');
    expect(others.length).toBeGreaterThan(0);
    for (const task of others)
      expect(titles(taskCard(plan, task.id, undefined, { tenantChecks: true }))).not.toContain('Check now');
  });
});
