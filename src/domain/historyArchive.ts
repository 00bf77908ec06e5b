/**
 * Keeps a plan document small however long the plan lives. Every click reads, parses, re-serialises and writes the
 * whole plan, and its history only ever grows, so without a bound a busy plan gets slower with every change (and a
 * Cosmos DB item stops at 2 MB). Once the document holds more than RECENT_HISTORY_LIMIT entries, the oldest
 * HISTORY_PAGE_SIZE of them move to a page of their own, written just before the plan.
 *
 * A page's number and content follow from the history alone (history only grows at its end), so writing a page
 * again — after an eTag conflict, or by two instances — writes the same thing: it never needs a condition.
 * What the plan's readers need from the moved entries (how many there were, each task's latest change) stays in
 * `plan.archive`, so no turn reads a page.
 *
 * Pure: no I/O; PlanStore writes the page.
 */
import { planHistory, type Actor, type Plan, type PlanHistoryEntry } from './plan';

/** At most this many entries (status changes and edits) stay in the plan document. */
export const RECENT_HISTORY_LIMIT = 30;
/** Entries per page. What stays behind (limit − page) still covers the history card's latest entries. */
export const HISTORY_PAGE_SIZE = 15;

export interface HistoryPage {
  readonly planId: string;
  /** 0 for the oldest page. */
  readonly number: number;
  readonly entries: readonly PlanHistoryEntry[];
}

/** The plan with its oldest page moved out, and that page; the plan unchanged (no page) while it is within the limit. */
export function archiveHistory(plan: Plan): { plan: Plan; page?: HistoryPage } {
  const recent = planHistory(plan);
  if (recent.length <= RECENT_HISTORY_LIMIT) return { plan };
  // planHistory interleaves the two lists in order, so its first entries are a prefix of each of them.
  const moved = recent.slice(0, HISTORY_PAGE_SIZE);
  const movedStatus = moved.filter((entry) => entry.kind === undefined || entry.kind === 'status').length;
  const archive = plan.archive;
  return {
    plan: {
      ...plan,
      history: plan.history.slice(movedStatus),
      ...(plan.editHistory ? { editHistory: plan.editHistory.slice(moved.length - movedStatus) } : {}),
      archive: {
        pages: (archive?.pages ?? 0) + 1,
        entries: (archive?.entries ?? 0) + moved.length,
        statusEntries: (archive?.statusEntries ?? 0) + movedStatus,
        lastChangeByTask: Object.fromEntries(
          latestChanges(moved, new Map(Object.entries(archive?.lastChangeByTask ?? {}))),
        ),
      },
    },
    page: { planId: plan.id, number: archive?.pages ?? 0, entries: moved },
  };
}

/** Every change the plan has had, archived ones included. */
export function historyLength(plan: Plan): number {
  return (plan.archive?.entries ?? 0) + plan.history.length + (plan.editHistory?.length ?? 0);
}

/** Each task's latest change of any kind (status, owner, due date), archived ones included. */
export function lastChangeByTask(plan: Plan): Map<string, { by: Actor; at: string }> {
  return latestChanges(planHistory(plan), new Map(Object.entries(plan.archive?.lastChangeByTask ?? {})));
}

function latestChanges(
  entries: readonly PlanHistoryEntry[],
  into: Map<string, { by: Actor; at: string }>,
): Map<string, { by: Actor; at: string }> {
  for (const entry of entries) {
    if (entry.kind === 'reminders' || entry.kind === 'watch') continue;
    into.set(entry.task, { by: entry.by, at: entry.at });
  }
  return into;
}
