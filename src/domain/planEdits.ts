/**
 * Coordination edits on a plan: owners, due dates, reminders and the tenant watch.
 *
 * Pure, like the status machine in plan.ts, and kept apart from it because an edit never changes a status:
 * it writes only `editHistory` and the fields it names, so everything built on `history` is untouched.
 * Card data reaches here unchecked, so every edit validates what it is given and says why it refused.
 */
import { TOOL_CHOICE_TASK_IDS } from './catalog';
import {
  REMINDER_CADENCES,
  reminderCadence,
  statusEntryCount,
  type Actor,
  type DueHistoryEntry,
  type OwnerHistoryEntry,
  type Plan,
  type PlanEditEntry,
  type PlanTask,
  type ReminderCadence,
  type RemindersHistoryEntry,
  type WatchHistoryEntry,
} from './plan';
import { checkDueDate, formatCalendarDay, utcDay } from './planDates';

export type PlanEdit =
  | { kind: 'assign'; taskId: string; owner: Actor }
  | { kind: 'unassign'; taskId: string }
  | { kind: 'setDue'; taskId: string; due: string; allowPast?: boolean }
  | { kind: 'clearDue'; taskId: string }
  | { kind: 'setReminders'; cadence: ReminderCadence }
  | { kind: 'setWatch'; on: boolean };

export type PlanEditRejection =
  | 'unknownTask'
  | 'notAllowed'
  | 'invalidOwner'
  | 'invalidDate'
  /** The date is real but before today (UTC): ask the person to confirm, then send allowPast. */
  | 'pastDate'
  | 'invalidCadence';

export type PlanEditResult =
  | { kind: 'changed'; plan: Plan; entry: PlanEditEntry }
  | { kind: 'unchanged'; plan: Plan; reason: 'already'; by: Actor; at: string }
  | { kind: 'rejected'; reason: PlanEditRejection; message: string };

export function applyPlanEdit(plan: Plan, edit: PlanEdit, actor: Actor, at: string): PlanEditResult {
  // Card data is untrusted: an unknown kind must be refused, not fall through to some edit.
  switch (edit?.kind) {
    case 'assign':
    case 'unassign':
      return editOwner(plan, edit, actor, at);
    case 'setDue':
    case 'clearDue':
      return editDue(plan, edit, actor, at);
    case 'setReminders':
      return editReminders(plan, edit.cadence, actor, at);
    case 'setWatch':
      return editWatch(plan, edit.on, actor, at);
    default:
      return reject('notAllowed', `Unknown change "${String((edit as { kind?: unknown } | undefined)?.kind)}".`);
  }
}

function editOwner(
  plan: Plan,
  edit: Extract<PlanEdit, { kind: 'assign' | 'unassign' }>,
  actor: Actor,
  at: string,
): PlanEditResult {
  const task = editableTask(plan, edit.taskId);
  if ('rejected' in task) return task.rejected;
  let owner: Actor | undefined;
  if (edit.kind === 'assign') {
    owner = cleanActor(edit.owner);
    if (!owner) return reject('invalidOwner', 'The owner needs an id and a name; pick a member of this conversation.');
  }
  // Same person by id: display names differ between mentions, rosters and sign-ins.
  if (owner?.id === task.found.owner?.id)
    return alreadyEdited(plan, (entry) => entry.kind === 'owner' && entry.task === task.found.id);

  const entry: OwnerHistoryEntry = {
    kind: 'owner',
    at,
    by: actor,
    afterStatusEntries: statusEntryCount(plan),
    task: task.found.id,
    ...(task.found.owner ? { from: task.found.owner } : {}),
    ...(owner ? { to: owner } : {}),
  };
  const { owner: _previous, ...withoutOwner } = task.found;
  return changed(plan, entry, replaceTask(plan, owner ? { ...withoutOwner, owner } : withoutOwner));
}

function editDue(
  plan: Plan,
  edit: Extract<PlanEdit, { kind: 'setDue' | 'clearDue' }>,
  actor: Actor,
  at: string,
): PlanEditResult {
  const task = editableTask(plan, edit.taskId);
  if ('rejected' in task) return task.rejected;
  let due: string | undefined;
  let pastConfirmed = false;
  if (edit.kind === 'setDue') {
    const check = checkDueDate(edit.due);
    if (!check.ok) return reject('invalidDate', check.message);
    due = check.due;
    if (due === task.found.due)
      return alreadyEdited(plan, (entry) => entry.kind === 'due' && entry.task === task.found.id);
    const today = utcDay(at);
    if (due < today) {
      if (edit.allowPast !== true) {
        return reject(
          'pastDate',
          `${formatCalendarDay(due)} is in the past (today is ${formatCalendarDay(today)}, UTC). Confirm to set a past due date anyway.`,
        );
      }
      pastConfirmed = true;
    }
  } else if (task.found.due === undefined) {
    return alreadyEdited(plan, (entry) => entry.kind === 'due' && entry.task === task.found.id);
  }

  const entry: DueHistoryEntry = {
    kind: 'due',
    at,
    by: actor,
    afterStatusEntries: statusEntryCount(plan),
    task: task.found.id,
    ...(task.found.due !== undefined ? { from: task.found.due } : {}),
    ...(due !== undefined ? { to: due } : {}),
    ...(pastConfirmed ? { pastConfirmed: true as const } : {}),
  };
  const { due: _previous, ...withoutDue } = task.found;
  return changed(plan, entry, replaceTask(plan, due !== undefined ? { ...withoutDue, due } : withoutDue));
}

function editReminders(plan: Plan, cadence: ReminderCadence, actor: Actor, at: string): PlanEditResult {
  if (!REMINDER_CADENCES.includes(cadence)) {
    return reject('invalidCadence', `Reminders can be daily, weekly or off, not "${String(cadence).slice(0, 40)}".`);
  }
  return editSetting(plan, { kind: 'reminders', from: reminderCadence(plan), to: cadence }, actor, at);
}

function editWatch(plan: Plan, on: unknown, actor: Actor, at: string): PlanEditResult {
  if (typeof on !== 'boolean') return reject('notAllowed', 'The tenant watch can be on or off, nothing else.');
  return editSetting(plan, { kind: 'watch', from: plan.watch?.on ?? false, to: on }, actor, at);
}

/** A plan-wide setting moving from one value to another, as its history entry records it. */
type SettingChange =
  Pick<RemindersHistoryEntry, 'kind' | 'from' | 'to'> | Pick<WatchHistoryEntry, 'kind' | 'from' | 'to'>;

/**
 * Reminders and the watch are edited alike: a repeat is "already so", credited to whoever last set it (the plan's
 * creator if nobody has); a change stores the new value with who and when, and its history entry.
 */
function editSetting(plan: Plan, change: SettingChange, actor: Actor, at: string): PlanEditResult {
  const setting = change.kind === 'reminders' ? plan.reminders : plan.watch;
  if (change.from === change.to) {
    return {
      kind: 'unchanged',
      plan,
      reason: 'already',
      by: setting?.changedBy ?? plan.createdBy,
      at: setting?.changedAt ?? plan.createdAt,
    };
  }
  const entry: PlanEditEntry = { ...change, at, by: actor, afterStatusEntries: statusEntryCount(plan) };
  const stamp = { changedBy: actor, changedAt: at };
  const next: Plan =
    change.kind === 'reminders'
      ? { ...plan, reminders: { cadence: change.to, ...stamp } }
      : { ...plan, watch: { on: change.to, ...stamp } };
  return changed(next, entry, plan.tasks);
}

function editableTask(plan: Plan, taskId: string): { found: PlanTask } | { rejected: PlanEditResult } {
  const found = plan.tasks.find((candidate) => candidate.id === taskId);
  if (!found) return { rejected: reject('unknownTask', 'That task is not part of this plan.') };
  if (TOOL_CHOICE_TASK_IDS.includes(found.id)) {
    return {
      rejected: reject(
        'notAllowed',
        'The sync tool was chosen when this plan was created; that task needs no owner or due date.',
      ),
    };
  }
  return { found };
}

/** Only the two fields a plan stores, trimmed; card data may carry anything. */
function cleanActor(candidate: unknown): Actor | undefined {
  if (!candidate || typeof candidate !== 'object') return undefined;
  const { id, name } = candidate as { id?: unknown; name?: unknown };
  if (typeof id !== 'string' || typeof name !== 'string') return undefined;
  const [cleanId, cleanName] = [id.trim(), name.trim()];
  return cleanId && cleanName ? { id: cleanId, name: cleanName } : undefined;
}

/** "Already so": report the last edit of the same kind, or the plan's creation if there never was one. */
function alreadyEdited(plan: Plan, sameKind: (entry: PlanEditEntry) => boolean): PlanEditResult {
  const last = [...(plan.editHistory ?? [])].reverse().find(sameKind);
  return { kind: 'unchanged', plan, reason: 'already', by: last?.by ?? plan.createdBy, at: last?.at ?? plan.createdAt };
}

function replaceTask(plan: Plan, task: PlanTask): PlanTask[] {
  return plan.tasks.map((candidate) => (candidate.id === task.id ? task : candidate));
}

function changed(plan: Plan, entry: PlanEditEntry, tasks: PlanTask[]): PlanEditResult {
  return {
    kind: 'changed',
    plan: { ...plan, tasks, revision: plan.revision + 1, editHistory: [...(plan.editHistory ?? []), entry] },
    entry,
  };
}

function reject(reason: PlanEditRejection, message: string): PlanEditResult {
  return { kind: 'rejected', reason, message };
}
