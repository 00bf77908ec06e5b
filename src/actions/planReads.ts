/**
 * The plan reads, whole: "what's next", "status", "tasks" and "history", and the summary's "What's next" button
 * (`plan.next`). Each reads the plan stored for the
 * conversation and answers with a card; none writes. The bot only binds them to Teams turns.
 */
import { earlierPlansCard, historyCard, taskHistoryCard } from '../cards/historyCard';
import { noPlanCard, noSuchTaskCard, notThisPlanCard } from '../cards/planNotices';
import { nextCard, summaryCard } from '../cards/summaryCard';
import { tasksCard } from '../cards/tasksCard';
import type { AdaptiveCardJson } from '../cards/render';
import { isPlanId, planHistory, taskByNumber, type Plan, type PlanHistoryEntry } from '../domain/plan';
import type { CardTarget } from '../messaging/ports';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { Outgoing } from './outgoing';

/** The summary's "What's next" button; the summary template (cards/summary.json) carries the string itself. */
export const NEXT_VERB = 'plan.next';

export interface PlanReadDeps {
  readonly planStore: Pick<PlanStore, 'load' | 'log' | 'archivedHistory'>;
  readonly clock: () => Date;
  /** GRAPH_CHECKS is on: the summary and the tasks Graph can observe offer "Check now". */
  readonly tenantChecks?: boolean;
  /** Posts the next task's card after "What's next" has answered (returns at once). */
  readonly outgoing: Pick<Outgoing, 'postCard'>;
}

/** The typed reads, by their command name. */
export type PlanReadName = 'next' | 'status' | 'tasks' | 'history';

/** What the summary's button needs of its turn: the plan's conversation, and this conversation for the new card. */
export interface PlanReadTurn {
  readonly location: PlanLocation;
  readonly target: CardTarget;
}

export type PlanReadVerbHandler = (turn: PlanReadTurn, data: unknown) => Promise<AdaptiveCardJson>;

/** Answers one typed read with the card to show ("no plan here" when there is none). */
export async function readPlan(
  deps: PlanReadDeps,
  location: PlanLocation,
  read: PlanReadName,
): Promise<AdaptiveCardJson> {
  if (read === 'history') return readHistory(deps, location);
  const record = await deps.planStore.load(location);
  if (!record) return noPlanCard();
  switch (read) {
    case 'next':
      return nextOf(deps, record);
    case 'status':
      return summaryOf(deps, record);
    case 'tasks':
      return tasksCard(record.plan);
  }
}

/** One task's changes ("history 3"): the archived pages are read too, as a task may have changed long ago. */
export async function readTaskHistory(
  deps: PlanReadDeps,
  location: PlanLocation,
  number: number,
): Promise<AdaptiveCardJson> {
  const record = await deps.planStore.load(location);
  if (!record) return noPlanCard();
  const task = taskByNumber(record.plan, number);
  if (!task) return noSuchTaskCard(record.plan, number);
  const archived = await archivedOrNothing(deps, record.plan);
  return taskHistoryCard(record.plan, task, [...(archived ?? []), ...planHistory(record.plan)], archived === undefined);
}

/** The plan's archived history, or undefined when a page cannot be read: the recent part is still worth showing. */
async function archivedOrNothing(deps: PlanReadDeps, plan: Plan): Promise<PlanHistoryEntry[] | undefined> {
  try {
    return await deps.planStore.archivedHistory(plan);
  } catch {
    return undefined;
  }
}

/** The plan's recent changes; where the plan is gone, the plans discarded or replaced here (to restore). */
async function readHistory(deps: PlanReadDeps, location: PlanLocation): Promise<AdaptiveCardJson> {
  const [record, log] = await Promise.all([deps.planStore.load(location), deps.planStore.log(location)]);
  const now = deps.clock();
  return record ? historyCard(record.plan, log, now) : log.length > 0 ? earlierPlansCard(log, now) : noPlanCard();
}

/**
 * The plan a "What's next" button names, or undefined when its data names none of sane shape (which, like
 * another plan's id, cannot be this conversation's plan).
 */
export function parseNextData(data: unknown): string | undefined {
  const planId = typeof data === 'object' && data !== null ? (data as { planId?: unknown }).planId : undefined;
  return isPlanId(planId) ? planId : undefined;
}

/** Every verb of the plan reads with its handler. */
export function planReadVerbHandlers(deps: PlanReadDeps): Readonly<Record<string, PlanReadVerbHandler>> {
  return {
    // The summary itself stays (refreshed) and the next task arrives as a new card below it.
    [NEXT_VERB]: async (turn, data) => {
      const record = await deps.planStore.load(turn.location);
      if (!record) return noPlanCard();
      if (record.plan.id !== parseNextData(data)) return notThisPlanCard();
      deps.outgoing.postCard(turn.location, turn.target, nextOf(deps, record));
      return summaryOf(deps, record);
    },
  };
}

function nextOf(deps: PlanReadDeps, record: PlanRecord): AdaptiveCardJson {
  return nextCard(record.plan, record.decision, deps.clock(), deps.tenantChecks === true);
}

function summaryOf(deps: PlanReadDeps, record: PlanRecord): AdaptiveCardJson {
  return summaryCard(record.plan, record.decision, { now: deps.clock(), tenantChecks: deps.tenantChecks === true });
}
