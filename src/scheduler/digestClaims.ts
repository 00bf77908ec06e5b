/**
 * The scheduler's bookkeeping on a plan record: which period's digest was sent last, and which instance
 * is sending the current one. It lives on the plan document itself because that document always exists:
 * a claim is then an eTag-guarded update, never a create (botbuilder's Storage has no create-if-absent, so
 * two instances creating a claim document at once could both believe they won).
 *
 * A claim expires: an instance that crashed between claiming and recording is replaced by the next check
 * after the lease. Should it crash after sending but before recording, the period's digest is sent twice;
 * that is the price of never losing one.
 *
 * These are pure mutations for PlanStore.updateRecord: they may run several times under contention.
 */
import { isDue, type DigestCadence } from '../domain/digest';
import { reminderCadence } from '../domain/plan';
import type { Mutation } from '../store/documentStore';
import type { PlanRecord } from '../store/planStore';

export interface DigestClaim {
  readonly periodKey: string;
  readonly instanceId: string;
  /** ISO time after which any instance may take the period over. */
  readonly expiresAt: string;
}

export interface ReminderRun {
  readonly lastSentPeriodKey?: string;
  readonly lastSentAt?: string;
  readonly claim?: DigestClaim;
}

/** A plan record as the scheduler sees it; other readers ignore the extra field, and every record spread keeps it. */
export type RecordWithRun = PlanRecord & { readonly reminderRun?: ReminderRun };

export function runOf(record: PlanRecord): ReminderRun {
  return (record as RecordWithRun).reminderRun ?? {};
}

export type ClaimResult =
  | 'claimed'
  /** The period's digest is recorded as sent (by anyone). */
  | 'sent'
  /** Another instance holds an unexpired claim on this period. */
  | 'held'
  /** The reminders were switched off or changed cadence, or the plan was replaced, since the scheduler looked. */
  | 'changed';

export interface ClaimRequest {
  readonly planId: string;
  readonly cadence: DigestCadence;
  readonly periodKey: string;
  readonly instanceId: string;
  readonly now: Date;
  readonly leaseMs: number;
}

export function claimPeriod(record: PlanRecord, request: ClaimRequest): Mutation<PlanRecord, ClaimResult> {
  if (record.plan.id !== request.planId || reminderCadence(record.plan) !== request.cadence) return { next: undefined, result: 'changed' };
  const run = runOf(record);
  if (!isDue(run.lastSentPeriodKey, request.now, request.cadence)) return { next: undefined, result: 'sent' };
  const claim = run.claim;
  if (claim && claim.periodKey === request.periodKey && claim.instanceId !== request.instanceId && Date.parse(claim.expiresAt) > request.now.getTime()) {
    return { next: undefined, result: 'held' };
  }
  const next: RecordWithRun = {
    ...record,
    reminderRun: { ...run, claim: { periodKey: request.periodKey, instanceId: request.instanceId, expiresAt: new Date(request.now.getTime() + request.leaseMs).toISOString() } },
  };
  return { next, result: 'claimed' };
}

/** After the send: the period is done and the claim is dropped. */
export function recordSent(record: PlanRecord, request: { planId: string; periodKey: string; now: Date }): Mutation<PlanRecord, boolean> {
  if (record.plan.id !== request.planId) return { next: undefined, result: false };
  const run = runOf(record);
  // Never move backwards: a slower instance must not overwrite a later period someone else recorded.
  const lastSentPeriodKey = run.lastSentPeriodKey && sameCadence(run.lastSentPeriodKey, request.periodKey) && run.lastSentPeriodKey > request.periodKey ? run.lastSentPeriodKey : request.periodKey;
  const next: RecordWithRun = { ...record, reminderRun: { lastSentPeriodKey, lastSentAt: request.now.toISOString() } };
  return { next, result: true };
}

/** After a send that may succeed later (retries exhausted): let the next check try again at once, not after the lease. */
export function releaseClaim(record: PlanRecord, request: { planId: string; periodKey: string; instanceId: string }): Mutation<PlanRecord, boolean> {
  const run = runOf(record);
  if (record.plan.id !== request.planId || run.claim?.periodKey !== request.periodKey || run.claim.instanceId !== request.instanceId) return { next: undefined, result: false };
  const { claim: _released, ...rest } = run;
  const next: RecordWithRun = { ...record, reminderRun: rest };
  return { next, result: true };
}

function sameCadence(a: string, b: string): boolean {
  return a.split(':')[0] === b.split(':')[0];
}
