/**
 * The tenant watch's bookkeeping on a plan record: which incidents the plan's conversation has been warned about,
 * and which instance is acting on the current check. Like the digest claims it lives on the plan document, so a
 * claim is an eTag-guarded update, and it expires, so a crashed instance is replaced after the lease.
 *
 * "One warning per incident" comes from `open`: a warning names only keys not in it, a recovery note goes out only
 * when it empties, and both are recorded in the same write that drops the claim.
 *
 * Pure mutations for PlanStore.updateRecord: they may run several times under contention.
 */
import type { ErrorMemory, UnreadableSpell } from '../domain/tenantHealth';
import type { Mutation } from '../store/documentStore';
import type { PlanRecord } from '../store/planStore';

export interface WatchRun {
  /** Incident keys (tenantHealth.incidentKeys) the conversation has been warned about and that have not recovered. */
  readonly open: readonly string[];
  /** Objects in error per Cloud Sync job at the last check: an errors incident is a jump from these (tenantHealth.watchIncidents). */
  readonly errors?: ErrorMemory;
  /** While parts the watch needs cannot be read: since when, and whether the one note about it went out. */
  readonly unreadable?: UnreadableSpell;
  readonly lastCheckedAt?: string;
  readonly claim?: { readonly instanceId: string; readonly expiresAt: string };
}

export type RecordWithWatch = PlanRecord & { readonly watchRun?: WatchRun };

export function watchRunOf(record: PlanRecord): WatchRun {
  return (record as RecordWithWatch).watchRun ?? { open: [] };
}

export type WatchClaim =
  | { readonly kind: 'claimed'; readonly open: readonly string[] }
  | { readonly kind: 'held' }
  | { readonly kind: 'changed' };

export function claimWatch(
  record: PlanRecord,
  request: { planId: string; instanceId: string; now: Date; leaseMs: number },
): Mutation<PlanRecord, WatchClaim> {
  if (record.plan.id !== request.planId || !record.plan.watch?.on)
    return { next: undefined, result: { kind: 'changed' } };
  const run = watchRunOf(record);
  if (
    run.claim &&
    run.claim.instanceId !== request.instanceId &&
    Date.parse(run.claim.expiresAt) > request.now.getTime()
  )
    return { next: undefined, result: { kind: 'held' } };
  const next: RecordWithWatch = {
    ...record,
    watchRun: {
      ...run,
      claim: {
        instanceId: request.instanceId,
        expiresAt: new Date(request.now.getTime() + request.leaseMs).toISOString(),
      },
    },
  };
  return { next, result: { kind: 'claimed', open: run.open } };
}

/** After the posts: what the conversation now knows about, and the claim dropped. */
export function recordWatch(
  record: PlanRecord,
  request: {
    planId: string;
    instanceId: string;
    open: readonly string[];
    errors: ErrorMemory;
    unreadable?: UnreadableSpell;
    checkedAt: string;
  },
): Mutation<PlanRecord, boolean> {
  const run = watchRunOf(record);
  if (record.plan.id !== request.planId || run.claim?.instanceId !== request.instanceId)
    return { next: undefined, result: false };
  const next: RecordWithWatch = {
    ...record,
    watchRun: {
      open: [...request.open],
      errors: request.errors,
      ...(request.unreadable ? { unreadable: request.unreadable } : {}),
      lastCheckedAt: request.checkedAt,
    },
  };
  return { next, result: true };
}

/** A post that failed for now: free the claim so the next check tries again, keeping what was known. */
export function releaseWatch(
  record: PlanRecord,
  request: { planId: string; instanceId: string },
): Mutation<PlanRecord, boolean> {
  const run = watchRunOf(record);
  if (record.plan.id !== request.planId || run.claim?.instanceId !== request.instanceId)
    return { next: undefined, result: false };
  const { claim: _released, ...rest } = run;
  return { next: { ...record, watchRun: rest } as RecordWithWatch, result: true };
}
