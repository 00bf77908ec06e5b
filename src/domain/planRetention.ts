/**
 * How long a discarded or replaced plan can be restored: KEEP_DAYS from the moment it was discarded, computed from
 * the clock whenever someone asks (no timer deletes anything on time; copies are removed lazily, see
 * store/planLog.ts).
 */
import type { Actor, Plan } from './plan';

export const KEEP_DAYS = 30;
const KEEP_MS = KEEP_DAYS * 24 * 60 * 60 * 1000;

/** Until when a plan discarded or replaced at `at` can be restored. */
export function restorableUntil(at: string): string {
  return new Date(Date.parse(at) + KEEP_MS).toISOString();
}

/** Only discarded (`removed`) and replaced plans are kept; the date is dropped once a plan is back or its copy gone. */
export function isRestorable(entry: { readonly kind: string; readonly restorableUntil?: string }, now: Date): boolean {
  return (
    (entry.kind === 'replaced' || entry.kind === 'removed') &&
    entry.restorableUntil !== undefined &&
    Date.parse(entry.restorableUntil) > now.getTime()
  );
}

/** One line of a conversation's plan log: what happened to one of its plans, by whom and when. */
export interface PlanLogEntry {
  /**
   * `replaced`: by a new plan or a restored one; `removed`: discarded by "start over"; `unlinked`: a chat stopped
   * following a plan shared to a channel (the channel keeps it); `restored`: a kept plan became current again.
   */
  readonly kind: 'replaced' | 'removed' | 'unlinked' | 'restored';
  readonly planId: string;
  readonly tool: Plan['selection']['tool'];
  readonly by: Actor;
  readonly at: string;
  /** Until when `restore` can bring this plan back; absent when no copy is kept (any more). */
  readonly restorableUntil?: string;
}
