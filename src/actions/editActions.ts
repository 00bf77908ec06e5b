/**
 * Owner and due date changes on a task (the domain's applyPlanEdit) and what follows them: the other copies
 * of the card are refreshed, and the owners' "my tasks" indexes are kept in step. Every outcome is a card to
 * show, refusals included. Who may be an owner is decided before this (the bot layer asks Teams); this file
 * only applies the change to the plan stored for the conversation.
 */
import type { TaskId } from '../domain/catalog';
import { taskNumber, type Actor, type PlanEditEntry } from '../domain/plan';
import { formatCalendarDay } from '../domain/planDates';
import type { PlanEdit } from '../domain/planEdits';
import { COORDINATION_VERBS } from '../domain/coordinationVerbs';
import { SHOW_TASK_VERB } from '../domain/taskVerbs';
import { type CardNotice } from '../cards/planNotices';
import { nameOf } from '../cards/planText';
import { taskCard } from '../cards/taskCard';
import { confirmCard } from '../cards/questionCards';
import { escapeMarkdown, type AdaptiveCardJson } from '../cards/render';
import type { MyTaskEntry, MyTasksIndex } from '../store/myTasksIndex';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import { unappliedCard } from './unappliedCards';
import type { Logger } from '../logger';
import type { Outgoing } from './outgoing';

/** Where a plan lives, as the owners' index records it. */
export interface PlanPlace {
  readonly location: PlanLocation;
  readonly where: string;
  readonly teamId?: string;
  readonly conversationType?: string;
}

export interface EditActionDeps {
  readonly planStore: PlanStore;
  readonly myTasks: MyTasksIndex;
  readonly clock: () => Date;
  /** Told of every change, so the other copies of the task and the summary are refreshed (returns at once). */
  readonly outgoing: Pick<Outgoing, 'changed'>;
  /** Where the plan stored for `location` really lives (its channel when the chat only links to it), for the index. */
  readonly placeOf: (location: PlanLocation) => Promise<PlanPlace>;
  readonly logger: Pick<Logger, 'warn'>;
  /** GRAPH_CHECKS is on: the card answered offers "Check now" where Graph can observe the task. */
  readonly tenantChecks?: boolean;
}

export interface EditRequest {
  readonly planId: string;
  readonly taskId: TaskId;
  readonly edit: PlanEdit;
  readonly revision?: number;
}

/** Applies one owner or due date edit (one conditional plan write at most) and answers with the card to show. */
export async function applyTaskEdit(
  deps: EditActionDeps,
  location: PlanLocation,
  actor: Actor,
  request: EditRequest,
): Promise<AdaptiveCardJson> {
  const now = deps.clock();
  const outcome = await deps.planStore.applyEdit(location, {
    planId: request.planId,
    edit: request.edit,
    actor,
    at: now.toISOString(),
    expectedRevision: request.revision,
  });
  switch (outcome.kind) {
    case 'changed': {
      deps.outgoing.changed(location, outcome.record, [request.taskId]);
      await updateIndexes(deps, location, outcome.record, outcome.entry);
      return taskCard(
        outcome.record.plan,
        request.taskId,
        { text: changedText(outcome.entry), tone: 'info' },
        { now, tenantChecks: deps.tenantChecks },
      );
    }
    case 'unchanged':
      return taskCard(
        outcome.record.plan,
        request.taskId,
        { text: `Nothing changed: that was already so (last set by ${nameOf(outcome.by)}).`, tone: 'info' },
        { now, tenantChecks: deps.tenantChecks },
      );
    case 'rejected':
      if (outcome.reason === 'pastDate' && request.edit.kind === 'setDue')
        return pastDateConfirmCard(outcome.record, request, outcome.message);
      if (outcome.reason === 'unknownTask') return unappliedCard('unknownTask');
      return taskCard(
        outcome.record.plan,
        request.taskId,
        { text: userSafe(outcome.message, request.edit), tone: 'warning' },
        { now, tenantChecks: deps.tenantChecks },
      );
    case 'noPlan':
    case 'otherPlan':
    case 'busy':
      return unappliedCard(outcome.kind);
  }
}

/** "2026-03-01 is in the past": the date is real but already over, so the person confirms before it is set. */
function pastDateConfirmCard(record: PlanRecord, request: EditRequest, message: string): AdaptiveCardJson {
  const due = request.edit.kind === 'setDue' ? request.edit.due.trim() : '';
  const ids = { planId: record.plan.id, taskId: request.taskId, revision: String(record.plan.revision) };
  const number = taskNumber(record.plan, request.taskId);
  return confirmCard({
    title: `Set a past due date on task ${number ?? ''}?`.replace(' ?', '?'),
    message: `${message} The task will show as overdue straight away.`,
    executeActions: [
      { title: `Yes, due ${formatCalendarDay(due)}`, verb: COORDINATION_VERBS.confirmPastDue, data: { ...ids, due } },
      { title: 'No, leave it as it was', verb: SHOW_TASK_VERB, data: ids },
    ],
  });
}

/**
 * The new owner's index gains the task, the previous owner's loses it. Done after the plan write, so the plan
 * stays the truth: if an index write fails, the change stands and "my tasks" catches up at the next change.
 */
async function updateIndexes(
  deps: EditActionDeps,
  location: PlanLocation,
  record: PlanRecord,
  entry: PlanEditEntry,
): Promise<void> {
  if (entry.kind !== 'owner') return;
  const tenantId = location.tenantId;
  try {
    if (entry.from && entry.from.id !== entry.to?.id)
      await deps.myTasks.remove(tenantId, entry.from.id, [{ planId: record.plan.id, taskId: entry.task }]);
    if (entry.to) {
      await deps.myTasks.add(
        tenantId,
        entry.to.id,
        myTaskEntry(await deps.placeOf(location), record.plan.id, entry.task, entry.at),
      );
    }
  } catch (error) {
    deps.logger.warn({ err: error }, 'the owner changed but the "my tasks" index could not be updated');
  }
}

/** The owners' index entry for one task of the plan at `place`. */
export function myTaskEntry(place: PlanPlace, planId: string, taskId: TaskId, assignedAt: string): MyTaskEntry {
  return {
    planId,
    taskId,
    location: place.location,
    where: place.where,
    ...(place.teamId ? { teamId: place.teamId } : {}),
    ...(place.conversationType ? { conversationType: place.conversationType } : {}),
    assignedAt,
  };
}

function changedText(entry: PlanEditEntry): string {
  switch (entry.kind) {
    case 'owner':
      return entry.to
        ? `Assigned to ${nameOf(entry.to)}${entry.from ? ` (was ${nameOf(entry.from)})` : ''}.`
        : `Unassigned${entry.from ? ` (was ${nameOf(entry.from)})` : ''}.`;
    case 'due':
      return entry.to
        ? `Due date set to ${formatCalendarDay(entry.to)}${entry.pastConfirmed ? ', a past date, as confirmed' : ''}.`
        : 'Due date cleared.';
    case 'reminders':
      return `Reminders set to ${entry.to}.`;
    case 'watch':
      return `Tenant watch turned ${entry.to ? 'on' : 'off'}.`;
  }
}

/** The domain quotes a typed date in its refusal; that is the only user text in it. */
function userSafe(message: string, edit: PlanEdit): string {
  if (edit.kind !== 'setDue' || typeof edit.due !== 'string') return message;
  const typed = edit.due.trim().slice(0, 40);
  return typed ? message.split(typed).join(escapeMarkdown(typed)) : message;
}

/** The notice for an owner or due date input that never reached us (Teams drops inputs of some channel clicks). */
export function missingInputNotice(kind: 'owner' | 'due', number: number | undefined): CardNotice {
  const n = number ?? 'N';
  return kind === 'due'
    ? {
        text: `I did not receive a date. Pick one and press Save again, or type: due ${n} 2026-12-15.`,
        tone: 'warning',
      }
    : {
        text: `I did not receive who to assign. Pick a member and press Assign again, or type: assign ${n} to @name.`,
        tone: 'warning',
      };
}
