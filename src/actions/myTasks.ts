/**
 * The "my tasks" verb family, whole: the typed `my tasks` (personal chat only), the list's buttons
 * (`mytasks.start`, `mytasks.done`, answered with the list again) and those of a task opened from it
 * (`mytask.start|done|skip|reopen`, `mytask.open`): the parsing of their data, the change to the plan where it
 * lives, and the card that answers.
 *
 * A person's open assigned tasks across every plan are read through their own index (src/store/myTasksIndex.ts)
 * and checked against each plan. The plan's location always comes from the clicking person's index, never from
 * card data, so card data only names a plan and a task and can never point a click at a conversation. Every
 * path (the list, Open and the status buttons) first asks whether the person still belongs where the plan lives
 * (`MyTasksTurn.accessTo`, which the bot answers from Teams): owning a task is not enough, since someone removed
 * from a chat or channel keeps their name on its tasks until someone reassigns them, but no longer reads or
 * changes that plan from here. When Teams cannot answer, the answer is no (with "try again"): an admin who
 * removes someone expects the access to end, and a retry costs the person a moment.
 */
import type { TaskId } from '../domain/catalog';
import { numberedTasks, type Actor, type PlanAction, type TaskView } from '../domain/plan';
import type { MemberLookup } from '../domain/planRoles';
import { MY_TASK_OPEN_VERB, MY_TASK_VERBS, MY_TASKS_LIST_VERBS } from '../domain/myTasksVerbs';
import { errorCard } from '../cards/errorCard';
import { myTaskNotice, myTasksCard, type MyTaskOutcome, type WithheldTasks } from '../cards/myTasksCard';
import type { CardNotice } from '../cards/planNotices';
import type { AdaptiveCardJson } from '../cards/render';
import { taskCard } from '../cards/taskCard';
import type { MyTaskEntry, MyTasksIndex } from '../store/myTasksIndex';
import type { ApplyOutcome, PlanRecord, PlanStore } from '../store/planStore';
import type { Logger } from '../logger';
import type { Outgoing } from './outgoing';
import { parseActionData } from './taskActions';

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

/** Whether the person acting still belongs where a plan lives, as Teams says now. */
export type Access = MemberLookup['kind'];

/** What the family needs of its Teams turn. */
export interface MyTasksTurn {
  readonly tenantId: string;
  readonly actor: Actor;
  /** Teams' conversation type: the list is only answered in 'personal'. */
  readonly conversationType: string | undefined;
  /** Asks Teams whether the person acting still belongs where the plan of this index entry lives. */
  readonly accessTo: (entry: MyTaskEntry, record: PlanRecord) => Promise<Access>;
}

export type MyTasksVerbHandler = (turn: MyTasksTurn, data: unknown) => Promise<AdaptiveCardJson>;

const NOT_YOURS =
  'This task is not on your list any more: it was given to someone else, or its plan was replaced. Nothing changed. Say "my tasks" for a fresh list.';

type Found = Extract<FoundMyTask, { kind: 'found' }>;

/** `my tasks`: the list, in personal chat only, since it gathers tasks from every plan the person takes part in. */
export async function answerMyTasks(deps: MyTasksDeps, turn: MyTasksTurn): Promise<AdaptiveCardJson> {
  if (turn.conversationType !== 'personal') {
    return errorCard(
      '"my tasks" lists your tasks from every plan, so I answer it only in your personal chat with me. Open the chat with Sync Guide and say "my tasks" there.',
      'Ask me in personal chat',
    );
  }
  return listCard(deps, turn);
}

/** Every verb of the "my tasks" family with its handler. */
export function myTasksVerbHandlers(deps: MyTasksDeps): Readonly<Record<string, MyTasksVerbHandler>> {
  const status =
    (action: PlanAction, answer: 'list' | 'task'): MyTasksVerbHandler =>
    (turn, data) =>
      changeMyTask(deps, turn, data, action, answer);
  return {
    [MY_TASKS_LIST_VERBS.start]: status('start', 'list'),
    [MY_TASKS_LIST_VERBS.done]: status('done', 'list'),
    [MY_TASK_VERBS.start]: status('start', 'task'),
    [MY_TASK_VERBS.done]: status('done', 'task'),
    [MY_TASK_VERBS.skip]: status('skip', 'task'),
    [MY_TASK_VERBS.reopen]: status('reopen', 'task'),
    // Read-only, but still only through the person's own index: a forged plan id shows nothing.
    [MY_TASK_OPEN_VERB]: async (turn, data) => {
      const parsed = parseActionData(data);
      if (!parsed.ok) return errorCard(parsed.message);
      const found = await findMyTask(deps, turn.tenantId, turn.actor.id, parsed.value.planId, parsed.value.taskId);
      if (found.kind === 'notFound') return errorCard(NOT_YOURS, 'Not on your list');
      const refusal = await refusalFor(turn, found);
      if (refusal) return errorCard(myTaskNotice(refusal).text, 'Not available from here');
      return remoteCard(deps, found);
    },
  };
}

/** The list card, showing only the tasks of plans the person still belongs to and counting the rest. */
async function listCard(deps: MyTasksDeps, turn: MyTasksTurn, notice?: CardNotice): Promise<AdaptiveCardJson> {
  const items = await listMyTasks(deps, turn.tenantId, turn.actor.id);
  // One question to Teams per place, asked at once: a list spans up to MAX_PLANS_PER_LIST plans.
  const access = await Promise.all(items.map((item) => turn.accessTo(item.entry, item.record)));
  const shown: MyTaskItem[] = [];
  const withheld = { notMember: 0, unchecked: 0 } satisfies WithheldTasks;
  items.forEach((item, i) => {
    if (access[i] === 'member') shown.push(item);
    else if (access[i] === 'notMember') withheld.notMember++;
    else withheld.unchecked++;
  });
  return myTasksCard(
    shown.map((item) => ({ plan: item.record.plan, task: item.task, where: item.entry.where })),
    deps.clock(),
    notice,
    withheld,
  );
}

/** Why the person may not act on a found task from here, or undefined when they may. */
async function refusalFor(turn: MyTasksTurn, found: Found): Promise<MyTaskOutcome | undefined> {
  const access = await turn.accessTo(found.entry, found.record);
  if (access === 'member') return undefined;
  return { kind: access === 'notMember' ? 'notMember' : 'unchecked', where: found.entry.where };
}

/** A status button on the list (`list`) or on a task opened from it (`task`). */
async function changeMyTask(
  deps: MyTasksDeps,
  turn: MyTasksTurn,
  data: unknown,
  action: PlanAction,
  answer: 'list' | 'task',
): Promise<AdaptiveCardJson> {
  const parsed = parseActionData(data);
  if (!parsed.ok) return errorCard(parsed.message);
  const me = turn.actor;
  const found = await findMyTask(deps, turn.tenantId, me.id, parsed.value.planId, parsed.value.taskId);
  const notYours = () =>
    answer === 'list'
      ? listCard(deps, turn, { text: NOT_YOURS, tone: 'warning' })
      : errorCard(NOT_YOURS, 'Not on your list');
  if (found.kind === 'notFound') return notYours();
  const refusal = await refusalFor(turn, found);
  if (refusal) {
    // The task card would show the plan's current state, which is exactly what a former member may not read.
    return answer === 'list'
      ? listCard(deps, turn, myTaskNotice(refusal))
      : errorCard(myTaskNotice(refusal).text, 'Not available from here');
  }

  const outcome = await applyMyTaskAction(deps, found, me, action, parsed.value.revision);
  let result: MyTaskOutcome;
  let current = found;
  switch (outcome.kind) {
    case 'changed':
      result = { kind: 'changed', task: found.task, action, where: found.entry.where };
      current = { ...found, record: outcome.record };
      break;
    case 'unchanged': {
      const status = outcome.record.plan.tasks.find((task) => task.id === found.task.id)?.status ?? found.task.status;
      result = { kind: 'already', task: found.task, status, by: outcome.by, at: outcome.at };
      current = { ...found, record: outcome.record };
      break;
    }
    case 'rejected':
      result = { kind: 'refused', refusal: outcome.refusal };
      current = { ...found, record: outcome.record };
      break;
    case 'noPlan':
    case 'otherPlan':
      return notYours();
    case 'busy':
      result = { kind: 'busy' };
      break;
  }
  const notice = myTaskNotice(result);
  return answer === 'list' ? listCard(deps, turn, notice) : remoteCard(deps, current, notice);
}

/** A task shown away from its plan's conversation, with the "my tasks" status buttons. */
function remoteCard(deps: MyTasksDeps, found: Found, notice?: CardNotice): AdaptiveCardJson {
  return taskCard(found.record.plan, found.task.id, notice, {
    now: deps.clock(),
    remote: { where: found.entry.where },
  });
}
