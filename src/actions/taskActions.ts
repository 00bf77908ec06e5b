/**
 * The task verb family, whole: the task buttons (`task.start`, `task.done`, `task.skip`, `task.reopen`,
 * `task.switchInstall`, and the read-only `task.show`; their strings in domain/taskVerbs.ts), the parsing of
 * their data, the change itself, the card that answers, and their typed twins ("done 3"). The bot only binds
 * `taskVerbHandlers` and `applyTaskByNumber` to Teams turns. Card data is untrusted: it is
 * validated here, the plan is always the one stored for the conversation the click came from, and
 * every outcome, refusals included, is a card to show, never an exception.
 */
import type { TaskId } from '../domain/catalog';
import { isTaskId } from '../domain/taskCatalog';
import { isPlanId, taskByNumber, type Actor, type PlanAction } from '../domain/plan';
import type { CheckEvidence } from '../domain/tenantHealth';
import {
  alreadyNotice,
  noPlanCard,
  noSuchTaskCard,
  notThisPlanCard,
  refusalNotice,
  type CardNotice,
} from '../cards/planNotices';
import { taskCard } from '../cards/taskCard';
import { ACTION_VERBS, SHOW_TASK_VERB } from '../domain/taskVerbs';
import { errorCard } from '../cards/errorCard';
import type { AdaptiveCardJson } from '../cards/render';
import type { PlanLocation, PlanStore } from '../store/planStore';
import type { Outgoing } from './outgoing';
import { unappliedCard } from './unappliedCards';

/** Verb → plan action, the inverse of the table the cards are built from. */
export const VERB_ACTIONS: Readonly<Record<string, PlanAction>> = Object.freeze(
  Object.fromEntries(Object.entries(ACTION_VERBS).map(([action, verb]) => [verb, action as PlanAction])),
);

export interface TaskActionDeps {
  readonly planStore: PlanStore;
  readonly clock: () => Date;
  /** Told of every change, so the other copies of the cards are updated and milestones announced (returns at once). */
  readonly outgoing: Pick<Outgoing, 'changed'>;
  /** GRAPH_CHECKS is on: the cards answered offer "Check now" where Graph can observe the task. */
  readonly tenantChecks?: boolean;
}

export interface TaskActionRequest {
  readonly planId: string;
  readonly taskId: TaskId;
  readonly action: PlanAction;
  readonly revision?: number;
  /** "Mark done with this evidence": the tenant check the card showed. */
  readonly evidence?: CheckEvidence;
}

export interface ActionData {
  readonly planId: string;
  readonly taskId: TaskId;
  readonly revision?: number;
}

const MAX_REVISION = 1_000_000_000;

/** Checks the `data` of a task button: ids of sane shape and a known task; nothing else is read. */
export function parseActionData(data: unknown): { ok: true; value: ActionData } | { ok: false; message: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'This button carries no task. Say "status" for a fresh plan card.' };
  }
  const { planId, taskId, revision } = data as Record<string, unknown>;
  if (!isPlanId(planId)) {
    return { ok: false, message: 'This button does not name a plan I can use. Say "status" for a fresh plan card.' };
  }
  if (!isTaskId(taskId)) {
    return { ok: false, message: 'This button names a task I do not know. Say "tasks" to see the current list.' };
  }
  const parsedRevision = parseRevision(revision);
  if (parsedRevision === null) {
    return { ok: false, message: 'This button carries a damaged plan version. Say "status" for a fresh plan card.' };
  }
  return { ok: true, value: { planId, taskId, ...(parsedRevision !== undefined ? { revision: parsedRevision } : {}) } };
}

/** A task verb as the bot calls it: where the click came from, who clicked, and the untrusted button data. */
export type TaskVerbHandler = (location: PlanLocation, actor: Actor, data: unknown) => Promise<AdaptiveCardJson>;

/** Every verb of the task family with its handler. */
export function taskVerbHandlers(deps: TaskActionDeps): Readonly<Record<string, TaskVerbHandler>> {
  const handlers: Record<string, TaskVerbHandler> = {};
  for (const verb of Object.values(ACTION_VERBS))
    handlers[verb] = (location, actor, data) => handleTaskVerb(deps, location, actor, verb, data);
  handlers[SHOW_TASK_VERB] = (location, _actor, data) =>
    showTask(deps.planStore, location, data, deps.clock(), deps.tenantChecks);
  return handlers;
}

/** "done 3": the typed twin of a status button, naming the task by its number on this conversation's plan. */
export async function applyTaskByNumber(
  deps: TaskActionDeps,
  location: PlanLocation,
  actor: Actor,
  taskNumber: number,
  action: PlanAction,
): Promise<AdaptiveCardJson> {
  const record = await deps.planStore.load(location);
  if (!record) return noPlanCard();
  const task = taskByNumber(record.plan, taskNumber);
  if (!task) return noSuchTaskCard(record.plan, taskNumber);
  return applyTaskAction(deps, location, actor, { planId: record.plan.id, taskId: task.id, action });
}

/** A status button: validates the button data, then applies the action. */
export async function handleTaskVerb(
  deps: TaskActionDeps,
  location: PlanLocation,
  actor: Actor,
  verb: string,
  data: unknown,
): Promise<AdaptiveCardJson> {
  const action = Object.prototype.hasOwnProperty.call(VERB_ACTIONS, verb) ? VERB_ACTIONS[verb] : undefined;
  if (!action) return errorCard('This button is not something I recognise. Say "status" for a fresh plan card.');
  const parsed = parseActionData(data);
  if (!parsed.ok) return errorCard(parsed.message);
  return applyTaskAction(deps, location, actor, { ...parsed.value, action });
}

/** Applies one action (one conditional write at most) and answers with the card to show. */
export async function applyTaskAction(
  deps: TaskActionDeps,
  location: PlanLocation,
  actor: Actor,
  request: TaskActionRequest,
): Promise<AdaptiveCardJson> {
  const outcome = await deps.planStore.applyAction(location, {
    planId: request.planId,
    taskId: request.taskId,
    action: request.action,
    actor,
    at: deps.clock().toISOString(),
    expectedRevision: request.revision,
    ...(request.evidence ? { evidence: request.evidence } : {}),
  });
  switch (outcome.kind) {
    case 'changed': {
      deps.outgoing.changed(
        location,
        outcome.record,
        [...new Set(outcome.entries.map((entry) => entry.task))],
        outcome.entries,
      );
      const notice: CardNotice | undefined = outcome.stale
        ? { text: 'Your card was out of date; this is the plan as it stands now, with your change.', tone: 'info' }
        : undefined;
      return taskCard(outcome.record.plan, request.taskId, notice, {
        now: deps.clock(),
        tenantChecks: deps.tenantChecks,
      });
    }
    case 'unchanged': {
      const task = outcome.record.plan.tasks.find((candidate) => candidate.id === request.taskId);
      return taskCard(outcome.record.plan, request.taskId, task && alreadyNotice(task.status, outcome.by, outcome.at), {
        now: deps.clock(),
        tenantChecks: deps.tenantChecks,
      });
    }
    case 'rejected':
      return outcome.reason === 'unknownTask'
        ? unappliedCard('unknownTask')
        : taskCard(outcome.record.plan, request.taskId, refusalNotice(outcome.refusal), {
            now: deps.clock(),
            tenantChecks: deps.tenantChecks,
          });
    case 'noPlan':
    case 'otherPlan':
    case 'busy':
      return unappliedCard(outcome.kind, 'please press the button again');
  }
}

/** `task.show`: read-only, the current card of one task of this conversation's plan. */
export async function showTask(
  planStore: PlanStore,
  location: PlanLocation,
  data: unknown,
  now?: Date,
  tenantChecks?: boolean,
): Promise<AdaptiveCardJson> {
  const parsed = parseActionData(data);
  if (!parsed.ok) return errorCard(parsed.message);
  const record = await planStore.load(location);
  if (!record) return errorCard('There is no plan in this conversation any more. Say "start" to create one.');
  if (record.plan.id !== parsed.value.planId) {
    return notThisPlanCard();
  }
  return taskCard(record.plan, parsed.value.taskId, undefined, { now, tenantChecks });
}

/** undefined when absent, null when present but unusable. Submit fallbacks may deliver it as a string. */
function parseRevision(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 && number <= MAX_REVISION
    ? number
    : null;
}
