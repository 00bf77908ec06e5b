/**
 * A deployment plan and the state machine its task cards drive.
 *
 * Pure: no botbuilder, no clock, no I/O. The caller passes the time (ISO 8601 string) and the actor,
 * and stores the returned plan with optimistic concurrency. Every function returns new objects and
 * leaves its input untouched, so a failed write can simply be retried from a fresh read.
 *
 * Transition rules (see TRANSITIONS):
 * - start: todo → inProgress
 * - done:  todo | inProgress → done
 * - skip:  todo | inProgress → skipped
 * - reopen: inProgress | done | skipped → todo. From inProgress it undoes a mistaken "start".
 * - switchInstallType: only on the Connect install task that currently applies (todo, inProgress or
 *   skipped). It becomes notApplicable and the other install task becomes todo. A done install has
 *   to be reopened first, so recorded work is never discarded by a single click.
 * - notApplicable is entered and left only through switchInstallType.
 * - The "choose the tool" tasks accept no action: the tool is chosen by the questionnaire, and
 *   choosing again means starting a new plan, not reopening a task.
 * - Done and skipped are not interchangeable without a reopen. A stale card ("Done" pressed after a
 *   colleague skipped the task) is then refused instead of silently overriding that colleague.
 * - An action whose target status is already the task's status is "unchanged", not an error:
 *   Teams users double-click and old cards linger, and both must be harmless.
 */
import {
  CONNECT_INSTALL_TASK_IDS,
  TOOL_CHOICE_TASK_IDS,
  catalogPosition,
  taskContent,
  tasksForSelection,
  type CatalogSelection,
  type ConnectInstallType,
  type TaskContent,
  type TaskId,
  type Track,
} from './catalog';

export { taskContent };

export type TaskStatus = 'todo' | 'inProgress' | 'done' | 'skipped' | 'notApplicable';
export type PlanAction = 'start' | 'done' | 'skip' | 'reopen' | 'switchInstallType';

export interface Actor {
  id: string;
  name: string;
}

export interface PlanSelection extends CatalogSelection {
  /** Which Connect install task applies; filled in (default express) whenever the plan has a Connect track. */
  connectInstall?: ConnectInstallType;
}

export interface PlanTask {
  id: TaskId;
  track: Track;
  status: TaskStatus;
  changedAt?: string;
  changedBy?: Actor;
}

export interface HistoryEntry {
  at: string;
  by: Actor;
  task: TaskId;
  from: TaskStatus;
  to: TaskStatus;
}

export interface Plan {
  id: string;
  selection: PlanSelection;
  createdAt: string;
  createdBy: Actor;
  /** Starts at 1 and grows by one per applied action; cards carry it to recognise stale clicks. */
  revision: number;
  tasks: PlanTask[];
  history: HistoryEntry[];
}

/** A plan task joined with its catalog content, for card builders. */
export type TaskView = PlanTask & { content: TaskContent };

export type ActionResult =
  | {
      kind: 'changed';
      plan: Plan;
      /** The change to the task the action was aimed at. */
      entry: HistoryEntry;
      /** Every task change the action made (two for switchInstallType), in history order. */
      entries: HistoryEntry[];
    }
  | { kind: 'unchanged'; plan: Plan; reason: 'already'; by: Actor; at: string }
  | { kind: 'rejected'; reason: 'unknownTask' | 'notAllowed'; message: string };

export interface PlanProgress {
  done: number;
  skipped: number;
  open: number;
  notApplicable: number;
  totalApplicable: number;
  /** Done and skipped both count as settled; rounded down so 100 means nothing is left open. */
  percent: number;
}

export const TRANSITIONS: Readonly<Record<PlanAction, { from: readonly TaskStatus[]; to: TaskStatus }>> = {
  start: { from: ['todo'], to: 'inProgress' },
  done: { from: ['todo', 'inProgress'], to: 'done' },
  skip: { from: ['todo', 'inProgress'], to: 'skipped' },
  reopen: { from: ['inProgress', 'done', 'skipped'], to: 'todo' },
  switchInstallType: { from: ['todo', 'inProgress', 'skipped'], to: 'notApplicable' },
};

export const PLAN_ACTIONS: readonly PlanAction[] = ['start', 'done', 'skip', 'reopen', 'switchInstallType'];

const OPEN_STATUSES: readonly TaskStatus[] = ['todo', 'inProgress'];
/** A dependency in one of these states no longer holds anything up. */
const SETTLED_STATUSES: readonly TaskStatus[] = ['done', 'skipped', 'notApplicable'];

export function createPlan(input: { id: string; selection: PlanSelection; createdBy: Actor; at: string }): Plan {
  const { id, createdBy, at } = input;
  const selection = normalizeSelection(input.selection);
  const chosenInstallTaskId = selection.connectInstall && CONNECT_INSTALL_TASK_IDS[selection.connectInstall];

  const tasks = tasksForSelection(selection).map((content): PlanTask => {
    if (TOOL_CHOICE_TASK_IDS.includes(content.id)) {
      return { id: content.id, track: content.track, status: 'done', changedAt: at, changedBy: createdBy };
    }
    if (isConnectInstallTask(content.id) && content.id !== chosenInstallTaskId) {
      return { id: content.id, track: content.track, status: 'notApplicable' };
    }
    return { id: content.id, track: content.track, status: 'todo' };
  });

  const history = tasks
    .filter((task) => task.status === 'done')
    .map((task): HistoryEntry => ({ at, by: createdBy, task: task.id, from: 'todo', to: 'done' }));

  return { id, selection, createdAt: at, createdBy, revision: 1, tasks, history };
}

export function applyAction(
  plan: Plan,
  request: { taskId: string; action: PlanAction; actor: Actor; at: string },
): ActionResult {
  const { taskId, action, actor, at } = request;
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (!task) {
    return { kind: 'rejected', reason: 'unknownTask', message: 'That task is not part of this plan.' };
  }
  // Card data is untrusted; an unknown verb must not fall through to a status change.
  if (!Object.prototype.hasOwnProperty.call(TRANSITIONS, action)) {
    return { kind: 'rejected', reason: 'notAllowed', message: `Unknown action "${String(action)}".` };
  }

  const title = titleOf(task.id);
  if (TOOL_CHOICE_TASK_IDS.includes(task.id)) {
    return notAllowed('The sync tool was chosen when this plan was created. To choose again, start over.');
  }
  if (action === 'switchInstallType' && !isConnectInstallTask(task.id)) {
    return notAllowed('Only the Connect Sync install tasks can switch between express and custom.');
  }

  const rule = TRANSITIONS[action];
  if (task.status === rule.to) {
    return {
      kind: 'unchanged',
      plan,
      reason: 'already',
      by: task.changedBy ?? plan.createdBy,
      at: task.changedAt ?? plan.createdAt,
    };
  }
  if (!rule.from.includes(task.status)) {
    return notAllowed(refusalMessage(title, task, action));
  }

  const changes: Array<{ task: PlanTask; to: TaskStatus }> = [{ task, to: rule.to }];
  let selection = plan.selection;
  if (action === 'switchInstallType') {
    const otherType: ConnectInstallType = task.id === CONNECT_INSTALL_TASK_IDS.express ? 'custom' : 'express';
    const otherTask = plan.tasks.find((candidate) => candidate.id === CONNECT_INSTALL_TASK_IDS[otherType]);
    if (otherTask && otherTask.status === 'notApplicable') {
      changes.push({ task: otherTask, to: 'todo' });
    }
    selection = { ...plan.selection, connectInstall: otherType };
  }

  const entries = changes.map(
    (change): HistoryEntry => ({ at, by: actor, task: change.task.id, from: change.task.status, to: change.to }),
  );
  const newStatusById = new Map<string, TaskStatus>(changes.map((change) => [change.task.id, change.to]));
  const tasks = plan.tasks.map((candidate): PlanTask => {
    const to = newStatusById.get(candidate.id);
    return to === undefined ? candidate : { ...candidate, status: to, changedAt: at, changedBy: actor };
  });

  const changedPlan: Plan = {
    ...plan,
    selection,
    revision: plan.revision + 1,
    tasks,
    history: [...plan.history, ...entries],
  };
  return { kind: 'changed', plan: changedPlan, entry: entries[0], entries };
}

/** The buttons a card should offer: exactly the actions that would change the task right now. */
export function availableActions(plan: Plan, taskId: string): PlanAction[] {
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (!task || TOOL_CHOICE_TASK_IDS.includes(task.id)) {
    return [];
  }
  return PLAN_ACTIONS.filter(
    (action) =>
      TRANSITIONS[action].from.includes(task.status) &&
      (action !== 'switchInstallType' || isConnectInstallTask(task.id)),
  );
}

/** The plan's tasks in catalog order with their content; ids the catalog no longer knows are left out. */
export function tasksInOrder(plan: Plan): TaskView[] {
  return [...plan.tasks]
    .sort((a, b) => catalogPosition(a.id) - catalogPosition(b.id))
    .flatMap((task): TaskView[] => {
      const content = taskContent(task.id);
      return content ? [{ ...task, content }] : [];
    });
}

/**
 * The first open task, in catalog order, whose predecessors are settled. A predecessor missing from
 * the plan (the optional device-sync task) counts as settled. Pass a track to ask per tool in a
 * "both" plan.
 */
export function nextTask(plan: Plan, track?: Track): TaskView | undefined {
  const statusById = new Map<string, TaskStatus>(plan.tasks.map((task) => [task.id, task.status]));
  const isSettled = (taskId: TaskId): boolean => {
    const status = statusById.get(taskId);
    return status === undefined || SETTLED_STATUSES.includes(status);
  };
  return tasksInOrder(plan).find(
    (task) =>
      (track === undefined || task.track === track) &&
      OPEN_STATUSES.includes(task.status) &&
      task.content.dependsOn.every(isSettled),
  );
}

export function progress(plan: Plan): PlanProgress {
  const count = (status: TaskStatus): number => plan.tasks.filter((task) => task.status === status).length;
  const done = count('done');
  const skipped = count('skipped');
  const notApplicable = count('notApplicable');
  const open = count('todo') + count('inProgress');
  const totalApplicable = plan.tasks.length - notApplicable;
  const percent = totalApplicable === 0 ? 100 : Math.floor(((done + skipped) * 100) / totalApplicable);
  return { done, skipped, open, notApplicable, totalApplicable, percent };
}

export function isFinished(plan: Plan): boolean {
  return progress(plan).open === 0;
}

function normalizeSelection(selection: PlanSelection): PlanSelection {
  if (selection.tool !== 'cloudSync' && selection.tool !== 'connect' && selection.tool !== 'both') {
    throw new Error(`Unknown sync tool "${String(selection.tool)}".`);
  }
  const hasConnect = selection.tool !== 'cloudSync';
  const hasCloudSync = selection.tool !== 'connect';
  // Express is Microsoft's default and what the advisor falls back to; a Connect plan always needs one.
  const connectInstall = hasConnect ? (selection.connectInstall ?? 'express') : undefined;
  return {
    tool: selection.tool,
    ...(connectInstall ? { connectInstall } : {}),
    ...(hasCloudSync && selection.deviceSyncPreview === true ? { deviceSyncPreview: true } : {}),
  };
}

function isConnectInstallTask(taskId: TaskId): boolean {
  return taskId === CONNECT_INSTALL_TASK_IDS.express || taskId === CONNECT_INSTALL_TASK_IDS.custom;
}

function titleOf(taskId: TaskId): string {
  return taskContent(taskId)?.title ?? taskId;
}

function notAllowed(message: string): ActionResult {
  return { kind: 'rejected', reason: 'notAllowed', message };
}

function refusalMessage(title: string, task: PlanTask, action: PlanAction): string {
  const who = task.changedBy ? ` by ${task.changedBy.name}` : '';
  switch (task.status) {
    case 'done':
      return action === 'switchInstallType'
        ? `"${title}" is already done${who}. Reopen it before switching the install type.`
        : `"${title}" was marked done${who}. Reopen it first to change it.`;
    case 'skipped':
      return `"${title}" was skipped${who}. Reopen it first to work on it.`;
    case 'notApplicable':
      return `"${title}" does not apply to the install type this plan uses. Switch the install type to use it.`;
    default:
      return `"${title}" cannot be changed that way right now.`;
  }
}
