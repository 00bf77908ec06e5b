/**
 * "My tasks": the open tasks assigned to one person across every plan they take part in, read through their
 * index (src/store/myTasksIndex.ts) and checked against each plan; and the status buttons on that list, which
 * change the plan where it lives. The plan's location always comes from the clicking person's own index,
 * never from card data; whether they may see or change it (still a member where the plan lives) is asked
 * of Teams by the bot layer, after `listMyTasks` and `findMyTask`, before anything is shown or applied.
 */
import type { TaskId } from '../domain/catalog';
import { numberedTasks, type Actor, type PlanAction, type TaskView } from '../domain/plan';
import type { MyTaskEntry, MyTasksIndex } from '../store/myTasksIndex';
import type { ApplyOutcome, PlanRecord, PlanStore } from '../store/planStore';
import type { Logger } from '../logger';
import type { Outgoing } from './outgoing';

export interface MyTasksDeps {
  readonly planStore: PlanStore;
  readonly myTasks: MyTasksIndex;
  readonly clock: () => Date;
  /** Refreshes the plan's posted cards (and posts milestone notes) in its own conversation; returns at once. */
  readonly outgoing: Pick<Outgoing, 'changed'>;
  readonly logger: Pick<Logger, 'warn'>;
}

export interface MyTaskItem {
  readonly entry: MyTaskEntry;
  readonly record: PlanRecord;
  readonly task: TaskView & { number: number };
}

/** Plans read for one list; each costs a storage read, and nobody works on more at once. */
export const MAX_PLANS_PER_LIST = 25;

/** The person's open assigned tasks, newest assignment first; entries that no longer hold are dropped from the index. */
export async function listMyTasks(deps: MyTasksDeps, tenantId: string, userId: string): Promise<MyTaskItem[]> {
  const entries = await deps.myTasks.entries(tenantId, userId);
  const plans = new Map<string, Promise<PlanRecord | undefined>>();
  const stale: MyTaskEntry[] = [];
  const items: MyTaskItem[] = [];
  for (const entry of entries) {
    const key = `${entry.location.conversationId}\u0000${entry.planId}`;
    if (!plans.has(key)) {
      if (plans.size >= MAX_PLANS_PER_LIST) continue;
      plans.set(key, deps.planStore.load(entry.location));
    }
    const record = await plans.get(key);
    const task =
      record && record.plan.id === entry.planId
        ? numberedTasks(record.plan).find((candidate) => candidate.id === entry.taskId)
        : undefined;
    if (!record || !task || task.owner?.id !== userId) {
      stale.push(entry);
      continue;
    }
    // A done task stays in the index: reopened, it is this person's again.
    if (task.status === 'todo' || task.status === 'inProgress') items.push({ entry, record, task });
  }
  if (stale.length > 0) {
    await deps.myTasks
      .remove(tenantId, userId, stale)
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not drop stale "my tasks" entries'));
  }
  return items;
}

export type FoundMyTask =
  | {
      readonly kind: 'found';
      readonly entry: MyTaskEntry;
      readonly record: PlanRecord;
      readonly task: TaskView & { number: number };
    }
  /** Not in this person's index, or its plan is gone or replaced: nothing to act on. */
  | { readonly kind: 'notFound' };

/**
 * The plan a "my tasks" button refers to, located through the clicking person's index: any entry of theirs for
 * that plan gives its location (they may act on other tasks of a plan they take part in, if still a member).
 */
export async function findMyTask(
  deps: MyTasksDeps,
  tenantId: string,
  userId: string,
  planId: string,
  taskId: TaskId,
): Promise<FoundMyTask> {
  const entries = (await deps.myTasks.entries(tenantId, userId)).filter((entry) => entry.planId === planId);
  const entry = entries.find((candidate) => candidate.taskId === taskId) ?? entries[0];
  if (!entry) return { kind: 'notFound' };
  const record = await deps.planStore.load(entry.location);
  const task =
    record && record.plan.id === planId
      ? numberedTasks(record.plan).find((candidate) => candidate.id === taskId)
      : undefined;
  if (!record || !task) return { kind: 'notFound' };
  return { kind: 'found', entry, record, task };
}

/** Applies a status change to the plan where it lives and refreshes its cards there. */
export async function applyMyTaskAction(
  deps: MyTasksDeps,
  found: Extract<FoundMyTask, { kind: 'found' }>,
  actor: Actor,
  action: PlanAction,
  revision: number | undefined,
): Promise<ApplyOutcome> {
  const outcome = await deps.planStore.applyAction(found.entry.location, {
    planId: found.record.plan.id,
    taskId: found.task.id,
    action,
    actor,
    at: deps.clock().toISOString(),
    expectedRevision: revision,
  });
  if (outcome.kind === 'changed') {
    deps.outgoing.changed(
      found.entry.location,
      outcome.record,
      [...new Set(outcome.entries.map((entry) => entry.task))],
      outcome.entries,
    );
  }
  return outcome;
}
