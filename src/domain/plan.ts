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
 * - switchInstallType: only on the task of an alternative pair (the Connect install type, or how Connect
 *   moves to Cloud Sync) that currently applies (todo, inProgress or skipped). It becomes notApplicable and
 *   the other task of the pair becomes todo. A done task has to be reopened first, so recorded work is
 *   never discarded by a single click. The action keeps its old name: it is part of card data.
 * - notApplicable is entered and left only through switchInstallType.
 * - The "choose the tool" tasks accept no action: the tool is chosen by the questionnaire, and
 *   choosing again means starting a new plan, not reopening a task.
 * - Done and skipped are not interchangeable without a reopen. A stale card ("Done" pressed after a
 *   colleague skipped the task) is then refused instead of silently overriding that colleague.
 * - An action whose target status is already the task's status is "unchanged", not an error:
 *   Teams users double-click and old cards linger, and both must be harmless.
 *
 * Coordination (owners, due dates, reminders) goes through applyPlanEdit (planEdits.ts), not applyAction: it
 * never changes a status, so the status machine and everything built on `history` stay exactly as they
 * were. Its entries live in `editHistory`; planHistory() merges both in the order they happened.
 * All new fields are optional, so plans stored before they existed load and work unchanged.
 * Calendar-day arithmetic for due dates lives in planDates.ts, which knows nothing of plans.
 */
import {
  ALTERNATIVE_TASKS,
  PATH_TRACK_IDS,
  TOOL_CHOICE_TASK_IDS,
  alternativeOf,
  type CatalogSelection,
  type TaskContent,
  type TaskId,
  type InstallTrack,
  type Track,
} from './catalog';
import { catalogPosition, taskContent, tasksForSelection, tracksForSelection } from './taskCatalog';
import type { ConnectInstallType, MigrationMethod } from './advisorRules';
import { checkDueDate, utcDay } from './planDates';
import type { CheckEvidence } from './tenantHealth';

export type TaskStatus = 'todo' | 'inProgress' | 'done' | 'skipped' | 'notApplicable';
export type PlanAction = 'start' | 'done' | 'skip' | 'reopen' | 'switchInstallType';

export interface Actor {
  id: string;
  name: string;
}

export interface PlanSelection extends CatalogSelection {
  /** Which Connect install task applies; filled in (default express) whenever the plan has a Connect track. */
  connectInstall?: ConnectInstallType;
  /** Which way to Cloud Sync applies; filled in (default pilot by OU) whenever the plan moves Connect to Cloud Sync. */
  migrationMethod?: MigrationMethod;
}

export interface PlanTask {
  id: TaskId;
  track: Track;
  status: TaskStatus;
  /** The last status change; owner and due date changes do not count, cards say "marked done by". */
  changedAt?: string;
  changedBy?: Actor;
  owner?: Actor;
  /** A calendar date 'YYYY-MM-DD' meaning "by the end of that day, UTC". */
  due?: string;
  /** What a tenant check showed when the task was marked done with it; dropped when the task leaves done. */
  evidence?: CheckEvidence;
}

/** A status change. Stored entries have no `kind`; the optional tag only lets PlanHistoryEntry discriminate. */
export interface HistoryEntry {
  kind?: 'status';
  at: string;
  by: Actor;
  task: TaskId;
  from: TaskStatus;
  to: TaskStatus;
  /** Marked done with what a tenant check showed, next to who marked it. */
  evidence?: CheckEvidence;
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
  /**
   * Owner, due date and reminder changes; absent in plans that never had one. Kept apart from
   * `history` because its readers (history card, milestone notes) treat every entry as a status change.
   */
  editHistory?: PlanEditEntry[];
  /** Absent means reminders were never turned on: 'off'. */
  reminders?: ReminderSetting;
  /**
   * The oldest history, moved out of the plan document in pages (see historyArchive.ts) so a plan's size, and the
   * cost of every click on it, stays bounded however long it lives. Absent until the first page is cut.
   */
  archive?: HistoryArchive;
  /** Whether the tenant watch warns this plan's conversation; absent means it was never turned on. */
  watch?: WatchSetting;
  /**
   * What the latest tenant check found, per track: shown on the verify task cards and offered as evidence. Not a
   * change people make, so writing it leaves the revision alone.
   */
  lastCheck?: { checkedAt: string; byTrack: Partial<Record<InstallTrack, CheckEvidence>> };
}

export interface WatchSetting {
  on: boolean;
  changedBy: Actor;
  changedAt: string;
}

export interface HistoryArchive {
  /** Pages written so far; page n holds entries [n × page size, (n + 1) × page size) of the whole history. */
  pages: number;
  /** Entries moved out, and how many of them are status changes (edits' afterStatusEntries count those too). */
  entries: number;
  statusEntries: number;
  /** Each task's latest change among the moved entries, so reports need no page. */
  lastChangeByTask: Record<string, { by: Actor; at: string }>;
}

export type ReminderCadence = 'off' | 'daily' | 'weekly';
export const REMINDER_CADENCES: readonly ReminderCadence[] = ['off', 'daily', 'weekly'];

export interface ReminderSetting {
  cadence: ReminderCadence;
  changedBy: Actor;
  changedAt: string;
}

interface EditEntryBase {
  at: string;
  by: Actor;
  /**
   * How many status entries `history` held when this edit was made: its exact place among them.
   * Timestamps alone cannot order two changes made in the same millisecond.
   */
  afterStatusEntries: number;
}

/** Assign (no `from`), reassign (both) or unassign (no `to`). */
export interface OwnerHistoryEntry extends EditEntryBase {
  kind: 'owner';
  task: TaskId;
  from?: Actor;
  to?: Actor;
}

/** Set (no `from`), change (both) or clear (no `to`). */
export interface DueHistoryEntry extends EditEntryBase {
  kind: 'due';
  task: TaskId;
  from?: string;
  to?: string;
  /** The date was already past when set, and the person confirmed it. */
  pastConfirmed?: true;
}

export interface RemindersHistoryEntry extends EditEntryBase {
  kind: 'reminders';
  from: ReminderCadence;
  to: ReminderCadence;
}

export interface WatchHistoryEntry extends EditEntryBase {
  kind: 'watch';
  from: boolean;
  to: boolean;
}

export type PlanEditEntry = OwnerHistoryEntry | DueHistoryEntry | RemindersHistoryEntry | WatchHistoryEntry;
/** Everything that happened to a plan; an entry without `kind` is a status change. */
export type PlanHistoryEntry = HistoryEntry | PlanEditEntry;

/** A plan task joined with its catalog content, for card builders. */
export type TaskView = PlanTask & { content: TaskContent };

/**
 * Why a status action was refused, as data rather than a sentence: a refusal can name the person who settled
 * the task, and names are user text that only the card layer knows how to show safely.
 */
export type ActionRefusal =
  | { readonly kind: 'unknownTask' }
  | { readonly kind: 'unknownAction'; readonly action: string }
  /** The "choose the tool" tasks: the questionnaire decides them. */
  | { readonly kind: 'toolChosen' }
  /** switchInstallType on a task that has no alternative to switch to. */
  | { readonly kind: 'notSwitchable' }
  /** The task's status does not allow the action (done or skipped need a reopen first, and so on). */
  | {
      readonly kind: 'blocked';
      readonly taskId: TaskId;
      readonly status: TaskStatus;
      readonly action: PlanAction;
      readonly by?: Actor;
    };

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
  | { kind: 'rejected'; reason: 'unknownTask' | 'notAllowed'; refusal: ActionRefusal };

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

/**
 * The shape every plan id has (createPlan is given a UUID; older and test plans use short slugs). Card data naming a
 * plan is checked against it before anything else reads it, which also bounds its length.
 */
const PLAN_ID = /^[A-Za-z0-9-]{1,64}$/;

export function isPlanId(value: unknown): value is string {
  return typeof value === 'string' && PLAN_ID.test(value);
}

export function createPlan(input: { id: string; selection: PlanSelection; createdBy: Actor; at: string }): Plan {
  const { id, createdBy, at } = input;
  const selection = normalizeSelection(input.selection);

  const tasks = tasksForSelection(selection).map((content): PlanTask => {
    if (TOOL_CHOICE_TASK_IDS.includes(content.id)) {
      return { id: content.id, track: content.track, status: 'done', changedAt: at, changedBy: createdBy };
    }
    const alternative = alternativeOf(content.id);
    if (alternative && alternative.option !== chosenOption(selection, alternative.pair)) {
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
  request: { taskId: string; action: PlanAction; actor: Actor; at: string; evidence?: CheckEvidence },
): ActionResult {
  const { taskId, action, actor, at } = request;
  // Evidence belongs to a task being marked done, never to any other change.
  const evidence = action === 'done' ? request.evidence : undefined;
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (!task) {
    return { kind: 'rejected', reason: 'unknownTask', refusal: { kind: 'unknownTask' } };
  }
  // Card data is untrusted; an unknown verb must not fall through to a status change.
  if (!Object.prototype.hasOwnProperty.call(TRANSITIONS, action)) {
    return notAllowed({ kind: 'unknownAction', action: String(action).slice(0, 40) });
  }

  if (TOOL_CHOICE_TASK_IDS.includes(task.id)) return notAllowed({ kind: 'toolChosen' });
  if (action === 'switchInstallType' && !alternativeOf(task.id)) return notAllowed({ kind: 'notSwitchable' });

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
    return notAllowed({
      kind: 'blocked',
      taskId: task.id,
      status: task.status,
      action,
      ...(task.changedBy ? { by: task.changedBy } : {}),
    });
  }

  const changes: Array<{ task: PlanTask; to: TaskStatus }> = [{ task, to: rule.to }];
  let selection = plan.selection;
  const alternative = action === 'switchInstallType' ? alternativeOf(task.id) : undefined;
  if (alternative) {
    const otherTask = plan.tasks.find((candidate) => candidate.id === alternative.pair.tasks[alternative.other]);
    if (otherTask && otherTask.status === 'notApplicable') {
      changes.push({ task: otherTask, to: 'todo' });
    }
    selection = { ...plan.selection, [alternative.pair.selectionKey]: alternative.other };
  }

  const entries = changes.map((change): HistoryEntry => ({
    at,
    by: actor,
    task: change.task.id,
    from: change.task.status,
    to: change.to,
    ...(evidence && change.task.id === taskId ? { evidence } : {}),
  }));
  const newStatusById = new Map<string, TaskStatus>(changes.map((change) => [change.task.id, change.to]));
  const tasks = plan.tasks.map((candidate): PlanTask => {
    const to = newStatusById.get(candidate.id);
    if (to === undefined) return candidate;
    const { evidence: _previous, ...rest } = candidate;
    return {
      ...rest,
      status: to,
      changedAt: at,
      changedBy: actor,
      ...(evidence && candidate.id === taskId ? { evidence } : {}),
    };
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
      (action !== 'switchInstallType' || alternativeOf(task.id) !== undefined),
  );
}

/** The plan's tasks in catalog order with their content; ids the catalog no longer knows are left out. */
export function tasksInOrder(plan: Plan): TaskView[] {
  let ordered = orderedViews.get(plan.tasks);
  if (!ordered) {
    ordered = [...plan.tasks]
      .sort((a, b) => catalogPosition(a.id) - catalogPosition(b.id))
      .flatMap((task): TaskView[] => {
        const content = taskContent(task.id);
        return content ? [{ ...task, content }] : [];
      });
    orderedViews.set(plan.tasks, ordered);
  }
  return [...ordered];
}

/**
 * One turn asks for the ordered views several times (next task, numbering, the card); plans are never changed in
 * place — every transition builds a new task list — so the views can be kept per task list, for as long as that
 * list is alive.
 */
const orderedViews = new WeakMap<readonly PlanTask[], TaskView[]>();

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

/** Tasks numbered 1…n in catalog order: the numbers people see on cards and type ("due 3 2026-12-15"). */
export function numberedTasks(plan: Plan): Array<TaskView & { number: number }> {
  let numbered = numberedViews.get(plan.tasks);
  if (!numbered) {
    numbered = tasksInOrder(plan).map((task, index) => ({ ...task, number: index + 1 }));
    numberedViews.set(plan.tasks, numbered);
  }
  return [...numbered];
}

/** Kept like orderedViews, for the same reason. */
const numberedViews = new WeakMap<readonly PlanTask[], Array<TaskView & { number: number }>>();

export function taskByNumber(plan: Plan, number: number): (TaskView & { number: number }) | undefined {
  return numberedTasks(plan).find((task) => task.number === number);
}

export function taskNumber(plan: Plan, taskId: string): number | undefined {
  return numberedTasks(plan).find((task) => task.id === taskId)?.number;
}

export function reminderCadence(plan: Plan): ReminderCadence {
  return plan.reminders?.cadence ?? 'off';
}

/** Status changes and edits in the order they happened, from the plan document (archived pages aside). */
export function planHistory(plan: Plan): PlanHistoryEntry[] {
  const edits = plan.editHistory ?? [];
  const archived = plan.archive?.statusEntries ?? 0;
  const merged: PlanHistoryEntry[] = [];
  let nextEdit = 0;
  plan.history.forEach((statusEntry, index) => {
    while (nextEdit < edits.length && edits[nextEdit].afterStatusEntries <= archived + index)
      merged.push(edits[nextEdit++]);
    merged.push(statusEntry);
  });
  return [...merged, ...edits.slice(nextEdit)];
}

/** Status changes the plan has had, archived ones included: an edit's place among them. */
export function statusEntryCount(plan: Plan): number {
  return (plan.archive?.statusEntries ?? 0) + plan.history.length;
}

/** Open, with a due date whose day (UTC) has ended. A done or skipped task is never overdue. */
export function isOverdue(task: PlanTask, now: Date | string): boolean {
  if (!OPEN_STATUSES.includes(task.status) || task.due === undefined) return false;
  // A malformed stored date cannot be compared; it is shown as it is rather than flagged.
  if (!checkDueDate(task.due).ok) return false;
  return task.due < utcDay(now);
}

export function overdueTasks(plan: Plan, now: Date | string): Array<TaskView & { number: number }> {
  return numberedTasks(plan).filter((task) => isOverdue(task, now));
}

function normalizeSelection(selection: PlanSelection): PlanSelection {
  if (selection.tool !== 'cloudSync' && selection.tool !== 'connect' && selection.tool !== 'both') {
    throw new Error(`Unknown sync tool "${String(selection.tool)}".`);
  }
  const existing =
    selection.existing === 'connect' || selection.existing === 'cloudSync' || selection.existing === 'both'
      ? selection.existing
      : undefined;
  const paths = existing ? (selection.paths ?? []).filter((path) => PATH_TRACK_IDS.includes(path)) : [];
  const base: PlanSelection = { tool: selection.tool, ...(existing ? { existing, paths } : {}) };
  const tracks = tracksForSelection(base);
  const hasConnectInstall = tracks.includes('connect');
  const hasCloudSyncInstall = tracks.includes('cloudSync');
  const migrating = tracks.includes('migrateToCloudSync');
  // Express is Microsoft's default and what the advisor falls back to; a Connect plan always needs one.
  const connectInstall = hasConnectInstall ? (selection.connectInstall ?? 'express') : undefined;
  const migrationMethod = migrating
    ? selection.migrationMethod === 'guidedTool'
      ? 'guidedTool'
      : 'pilotByOu'
    : undefined;
  return {
    ...base,
    ...(connectInstall ? { connectInstall } : {}),
    ...(hasCloudSyncInstall && selection.deviceSyncPreview === true ? { deviceSyncPreview: true } : {}),
    ...(migrationMethod ? { migrationMethod } : {}),
  };
}

/** The option of an alternative pair a selection picks: absent means the pair's default. */
function chosenOption(selection: PlanSelection, pair: (typeof ALTERNATIVE_TASKS)[number]): string {
  return selection[pair.selectionKey] ?? pair.defaultOption;
}

function notAllowed(refusal: ActionRefusal): ActionResult {
  return { kind: 'rejected', reason: 'notAllowed', refusal };
}
