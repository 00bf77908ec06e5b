/**
 * Plans for tenants that already sync: which tracks and tasks they hold, the order "what's next" walks,
 * the guided-tool / pilot switch, and that plans stored before paths existed still load and work.
 */
import { ALTERNATIVE_TASKS, MIGRATION_METHOD_TASK_IDS, type CatalogSelection } from '../../src/domain/catalog';
import { TASK_CATALOG, tasksForSelection, tracksForSelection } from '../../src/domain/taskCatalog';
import {
  applyAction,
  availableActions,
  createPlan,
  nextTask,
  numberedTasks,
  type Plan,
  type PlanSelection,
} from '../../src/domain/plan';
import { taskCard } from '../../src/cards/taskCard';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { T0, alice, bob, changedPlan, newPlan } from '../helpers/planFixtures';

const ids = (selection: CatalogSelection): string[] => tasksForSelection(selection).map((task) => task.id);

describe('tracks and tasks for a tenant that already syncs', () => {
  it.each<[string, CatalogSelection, string[]]>([
    ['a first installation (and every plan stored before paths existed)', { tool: 'cloudSync' }, ['cloudSync']],
    [
      'Connect 2.4 moving to Cloud Sync',
      { tool: 'cloudSync', existing: 'connect', paths: ['restoreSync', 'migrateToCloudSync'] },
      ['restoreSync', 'migrateToCloudSync'],
    ],
    ['Connect staying', { tool: 'connect', existing: 'connect', paths: ['connectUpgrade'] }, ['connectUpgrade']],
    [
      'Connect staying, Cloud Sync added beside it',
      { tool: 'both', existing: 'connect', paths: ['connectUpgrade'] },
      ['connectUpgrade', 'cloudSync'],
    ],
    [
      'Cloud Sync running, Connect now needed',
      { tool: 'connect', existing: 'cloudSync', paths: ['cloudSyncHealth'] },
      ['cloudSyncHealth', 'connect'],
    ],
    [
      'both running, moving the rest to Cloud Sync',
      { tool: 'cloudSync', existing: 'both', paths: ['migrateToCloudSync', 'cloudSyncHealth'] },
      ['migrateToCloudSync', 'cloudSyncHealth'],
    ],
  ])('%s', (_name, selection, tracks) => {
    expect(tracksForSelection(selection)).toEqual(tracks);
    expect([...new Set(tasksForSelection(selection).map((task) => task.track))]).toEqual(tracks);
  });

  it('restoring first, the stay track does not repeat the upgrade', () => {
    expect(ids({ tool: 'connect', existing: 'connect', paths: ['connectUpgrade'] })).toContain(
      'connectUpgrade.upgrade',
    );
    expect(ids({ tool: 'connect', existing: 'connect', paths: ['restoreSync', 'connectUpgrade'] })).toEqual([
      'restoreSync.assess',
      'restoreSync.upgrade',
      'restoreSync.verify',
      'connectUpgrade.reasons',
      'connectUpgrade.stagingServer',
      'connectUpgrade.autoUpgrade',
      'connectUpgrade.verify',
    ]);
  });

  it('puts restoring sync before everything else in catalog order', () => {
    const tracks = TASK_CATALOG.map((task) => task.track);
    expect(tracks.indexOf('restoreSync')).toBe(0);
    expect(tracks.lastIndexOf('restoreSync')).toBeLessThan(tracks.indexOf('migrateToCloudSync'));
  });

  it('has path tasks with the same card shape as the install tracks (title, why, checklist, Learn links)', () => {
    for (const task of TASK_CATALOG.filter((candidate) => !['cloudSync', 'connect'].includes(candidate.track))) {
      expect(task.links.some((link) => link.url.startsWith('https://learn.microsoft.com/'))).toBe(true);
      expect(task.checklist.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('a plan that restores sync and then moves to Cloud Sync', () => {
  const selection: PlanSelection = {
    tool: 'cloudSync',
    existing: 'connect',
    paths: ['restoreSync', 'migrateToCloudSync'],
    migrationMethod: 'pilotByOu',
  };

  it('starts with the urgent restore, then the migration, and keeps the unused method aside', () => {
    const plan = newPlan(selection);
    expect(nextTask(plan)?.id).toBe('restoreSync.assess');
    expect(plan.tasks.find((task) => task.id === 'migrateToCloudSync.guidedTool')?.status).toBe('notApplicable');
    expect(plan.tasks.find((task) => task.id === 'migrateToCloudSync.pilotByOu')?.status).toBe('todo');
    expect(plan.selection).toEqual(selection);
    // No tool-choice task: the decision is on the summary card, and nothing here installs a tool from scratch.
    expect(plan.tasks.every((task) => task.status === 'todo' || task.status === 'notApplicable')).toBe(true);
  });

  it('walks the restore track before any migration task', () => {
    let plan = newPlan(selection);
    const order: string[] = [];
    for (let next = nextTask(plan); next; next = nextTask(plan)) {
      order.push(next.id);
      plan = changedPlan(applyAction(plan, { taskId: next.id, action: 'done', actor: alice, at: T0 }));
    }
    expect(order).toEqual([
      'restoreSync.assess',
      'restoreSync.upgrade',
      'restoreSync.verify',
      'migrateToCloudSync.readiness',
      'migrateToCloudSync.pilotByOu',
      'migrateToCloudSync.decommission',
    ]);
  });

  it('switches from the pilot to the guided tool and back, like the install type', () => {
    const plan = newPlan(selection);
    expect(availableActions(plan, MIGRATION_METHOD_TASK_IDS.pilotByOu)).toContain('switchInstallType');
    const switched = applyAction(plan, {
      taskId: MIGRATION_METHOD_TASK_IDS.pilotByOu,
      action: 'switchInstallType',
      actor: bob,
      at: T0,
    });
    expect(switched.kind).toBe('changed');
    const after = changedPlan(switched);
    expect(after.selection.migrationMethod).toBe('guidedTool');
    expect(after.tasks.find((task) => task.id === MIGRATION_METHOD_TASK_IDS.guidedTool)?.status).toBe('todo');
    expect(after.tasks.find((task) => task.id === MIGRATION_METHOD_TASK_IDS.pilotByOu)?.status).toBe('notApplicable');
    const back = changedPlan(
      applyAction(after, {
        taskId: MIGRATION_METHOD_TASK_IDS.guidedTool,
        action: 'switchInstallType',
        actor: bob,
        at: T0,
      }),
    );
    expect(back.selection.migrationMethod).toBe('pilotByOu');
  });

  it('refuses to switch away from a method that is done, so recorded work is not discarded', () => {
    const done = changedPlan(
      applyAction(newPlan(selection), {
        taskId: MIGRATION_METHOD_TASK_IDS.pilotByOu,
        action: 'done',
        actor: alice,
        at: T0,
      }),
    );
    expect(
      applyAction(done, {
        taskId: MIGRATION_METHOD_TASK_IDS.pilotByOu,
        action: 'switchInstallType',
        actor: alice,
        at: T0,
      }).kind,
    ).toBe('rejected');
  });

  it('words the switch button and the set-aside card for the migration, not the install type', () => {
    const plan = newPlan(selection);
    const pilot = taskCard(plan, MIGRATION_METHOD_TASK_IDS.pilotByOu);
    expectValidCard(pilot);
    expect(executeActions(pilot).map((action: any) => action.title)).toContain('Use the guided tool instead');
    const guided = taskCard(plan, MIGRATION_METHOD_TASK_IDS.guidedTool);
    expect(cardText(guided)).toContain('Not used: this plan moves to Cloud Sync OU by OU');
    expect(cardText(guided)).not.toContain('express');
  });

  it('every alternative pair names a default and a switch title for each option', () => {
    for (const pair of ALTERNATIVE_TASKS) {
      const options = Object.keys(pair.tasks);
      expect(options).toHaveLength(2);
      expect(options).toContain(pair.defaultOption);
      for (const option of options) expect(pair.switchTitle[option]).toBeTruthy();
    }
  });
});

describe('stored format: plans from before paths existed', () => {
  // A Connect plan as PlanStore held it before this change: no existing, paths or migrationMethod.
  const stored: Plan = JSON.parse(
    JSON.stringify({
      id: 'plan-old',
      selection: { tool: 'connect', connectInstall: 'custom' },
      createdAt: T0,
      createdBy: alice,
      revision: 3,
      tasks: [
        { id: 'connect.chooseTool', track: 'connect', status: 'done', changedAt: T0, changedBy: alice },
        { id: 'connect.prerequisites', track: 'connect', status: 'done', changedAt: T0, changedBy: alice },
        { id: 'connect.chooseInstallType', track: 'connect', status: 'inProgress', changedAt: T0, changedBy: bob },
        { id: 'connect.download', track: 'connect', status: 'todo' },
        { id: 'connect.installExpress', track: 'connect', status: 'notApplicable' },
        { id: 'connect.installCustom', track: 'connect', status: 'todo' },
        { id: 'connect.postInstall', track: 'connect', status: 'todo' },
        { id: 'connect.verify', track: 'connect', status: 'todo' },
      ],
      history: [],
    }),
  );

  it('loads with the same tasks, numbers and next task', () => {
    expect(numberedTasks(stored).map((task) => [task.number, task.id])).toEqual(
      stored.tasks.map((task, index) => [index + 1, task.id]),
    );
    expect(nextTask(stored)?.id).toBe('connect.chooseInstallType');
    expect(tracksForSelection(stored.selection)).toEqual(['connect']);
  });

  it('still switches its install type and renders its cards', () => {
    const switched = changedPlan(
      applyAction(stored, { taskId: 'connect.installCustom', action: 'switchInstallType', actor: bob, at: T0 }),
    );
    expect(switched.selection).toEqual({ tool: 'connect', connectInstall: 'express' });
    expect(switched.tasks.find((task) => task.id === 'connect.installExpress')?.status).toBe('todo');
    const card = taskCard(stored, 'connect.installExpress');
    expectValidCard(card);
    expect(cardText(card)).toContain('Not used: this plan installs Connect Sync with custom settings.');
  });

  it('a new plan for a first installation stores exactly the shape it did before', () => {
    const plan = createPlan({
      id: 'p',
      selection: { tool: 'connect', connectInstall: 'custom', deviceSyncPreview: true },
      createdBy: alice,
      at: T0,
    });
    expect(plan.selection).toEqual({ tool: 'connect', connectInstall: 'custom' });
    expect(plan.tasks.map((task) => task.id)).toEqual(tasksForSelection({ tool: 'connect' }).map((task) => task.id));
  });
});
