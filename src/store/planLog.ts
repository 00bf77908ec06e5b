/**
 * What happened to the earlier plans of a conversation, and the copies kept of them.
 *
 * Nothing anyone types destroys a plan: when one is discarded ("start over") or replaced (by a new plan, or by a
 * restored one), a copy of its document is kept for KEEP_DAYS (domain/planRetention.ts) and its log entry says until when, so `restore` can
 * bring it back and `history` can list it. Whether a copy is still restorable is computed from the clock; copies
 * that are no longer (expired, restored, or pushed out of the log) are deleted the next time the log is written.
 *
 * The log is one small document per conversation, changed by eTag read-modify-write like the plan; a kept copy is
 * written once and only read or deleted afterwards, keyed by conversation and plan id.
 */
import type { Storage } from 'botbuilder';
import { isRestorable, type PlanLogEntry } from '../domain/planRetention';
import type { DecisionRecord } from './decisionStore';
import { DocumentStore, type DocumentStoreOptions } from './documentStore';
import type { PlanRecord } from './planStore';

/** A discarded or replaced plan as it was at that moment. */
export interface KeptPlan {
  readonly record: PlanRecord;
  /** The accepted decision it was built from, so "why" comes back with the plan. */
  readonly decision?: DecisionRecord;
  readonly keptAt: string;
}

/** Entries kept per conversation besides the restorable ones; only the latest few matter to anyone reading them. */
export const PLAN_LOG_LIMIT = 10;

/** Restorable copies per conversation: a bound on storage however often plans are replaced within the window. */
export const MAX_KEPT_PLANS = 10;

/** The plans `restore` can bring back, newest first. */
export function restorablePlans(entries: readonly PlanLogEntry[], now: Date): PlanLogEntry[] {
  return entries.filter((entry) => isRestorable(entry, now));
}

/**
 * The log after new entries (newest first): the latest PLAN_LOG_LIMIT entries and, beyond them, the newest restorable
 * ones up to MAX_KEPT_PLANS in all. Entries that are no longer restorable lose their date; `released` names the copies
 * that can go.
 */
export function nextLog(
  current: readonly PlanLogEntry[],
  added: readonly PlanLogEntry[],
  restoredPlanId: string | undefined,
  now: Date,
): { entries: PlanLogEntry[]; released: string[] } {
  const entries: PlanLogEntry[] = [];
  const released: string[] = [];
  let restorable = 0;
  [...added, ...current].forEach((entry, position) => {
    // The entry of a plan that is current again: its copy is no longer needed.
    const live = restoredPlanId !== undefined && entry.planId === restoredPlanId && entry.kind !== 'restored';
    const keepCopy = !live && isRestorable(entry, now) && restorable < MAX_KEPT_PLANS;
    if (keepCopy) restorable++;
    if (entry.restorableUntil !== undefined && !keepCopy) released.push(entry.planId);
    if (!keepCopy && position >= PLAN_LOG_LIMIT) return;
    if (keepCopy || entry.restorableUntil === undefined) entries.push(entry);
    else entries.push(withoutDate(entry));
  });
  // A plan id is kept once at most: a later entry for the same plan (restored, then discarded again) wins.
  return {
    entries,
    released: released.filter(
      (planId) => !entries.some((entry) => entry.planId === planId && entry.restorableUntil !== undefined),
    ),
  };
}

export class PlanLog {
  private readonly logs: DocumentStore<{ entries: readonly PlanLogEntry[] }>;
  private readonly kept: DocumentStore<KeptPlan>;

  constructor(storage: Storage, options: DocumentStoreOptions = {}) {
    this.logs = new DocumentStore<{ entries: readonly PlanLogEntry[] }>(storage, 'planLog', options);
    this.kept = new DocumentStore<KeptPlan>(storage, 'keptPlans', options);
  }

  /** `conversation` is the plan store's document id of the conversation. Newest first. */
  async entries(conversation: string): Promise<readonly PlanLogEntry[]> {
    return (await this.logs.read(conversation))?.value.entries ?? [];
  }

  /** The storage key of a kept copy, written just before the plan it is a copy of. */
  keptKey(conversation: string, planId: string): string {
    return this.kept.key(keptId(conversation, planId));
  }

  async keep(conversation: string, copy: KeptPlan): Promise<void> {
    await this.kept.put(keptId(conversation, copy.record.plan.id), copy);
  }

  async readKept(conversation: string, planId: string): Promise<KeptPlan | undefined> {
    return (await this.kept.read(keptId(conversation, planId)))?.value;
  }

  /** Adds entries (newest first); with `restoredPlanId`, that plan's earlier entry is no longer restorable. */
  async record(
    conversation: string,
    added: readonly PlanLogEntry[],
    now: Date,
    restoredPlanId?: string,
  ): Promise<void> {
    let released: string[] = [];
    const outcome = await this.logs.update(conversation, (current) => {
      const next = nextLog(current.entries, added, restoredPlanId, now);
      return { next: { entries: next.entries }, result: next.released };
    });
    if (outcome.kind === 'written') released = outcome.result;
    if (outcome.kind === 'gaveUp') throw new Error('The plan log stayed busy; the change to the plan itself was made.');
    if (outcome.kind === 'missing') {
      // No create-if-absent in Storage: a first entry is a plain write (two first entries at once is vanishingly rare).
      const first = nextLog([], added, restoredPlanId, now);
      await this.logs.put(conversation, { entries: first.entries });
      released = first.released;
    }
    // After the log no longer offers them: a copy is never missing while its entry says it can be restored.
    for (const planId of released) await this.kept.remove(keptId(conversation, planId));
  }
}

function keptId(conversation: string, planId: string): string {
  return `${conversation}/${encodeURIComponent(planId)}`;
}

function withoutDate(entry: PlanLogEntry): PlanLogEntry {
  const { restorableUntil: _dropped, ...rest } = entry;
  return rest;
}
