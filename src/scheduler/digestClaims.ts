/**
 * The scheduler's bookkeeping on a plan record: which period's digest was sent last, and which instance
 * is sending one now. It lives on the plan document itself because that document always exists: a claim is
 * then an eTag-guarded update, never a create (botbuilder's Storage has no create-if-absent, so two instances
 * creating a claim document at once could both believe they won).
 *
 * The period is claimed before the send, and while a claim stands no other instance sends any digest of the
 * plan. Instances never compare their clocks through the claim: each one times a claim it sees on its own
 * clock, from the moment it first saw that claim's token (ClaimWatch), and takes over only after a lease of
 * its own time with the token unchanged. The holder writes a new token while its send waits (HeldClaim) and
 * right before each send attempt, and sends only if that write finds its claim still in place: an instance
 * that lost its claim (it stalled) sends nothing, and one that kept it has a full lease for an attempt that
 * lasts seconds. Clocks that disagree by minutes or hours cannot make two instances send one period.
 *
 * An instance that crashed between claiming and recording is replaced after the lease. Should it crash after
 * sending but before recording, the period's digest is sent twice; that is the price of never losing one.
 *
 * These are pure mutations for PlanStore.updateRecord: they may run several times under contention.
 */
import { isDue, type DigestCadence } from '../domain/digest';
import { reminderCadence } from '../domain/plan';
import type { Mutation } from '../store/documentStore';
import type { PlanRecord } from '../store/planStore';
import { runOf, type DigestClaim, type RecordWithRun } from '../store/reminderRun';

/** What identifies one claim (and one renewal of it) for an instance watching it. */
export function claimKey(claim: DigestClaim): string {
  return claim.token ?? `${claim.instanceId}|${claim.periodKey}|${claim.expiresAt ?? ''}`;
}

export type ClaimResult =
  | 'claimed'
  /** The period's digest is recorded as sent (by anyone). */
  | 'sent'
  /** Another instance holds a claim this instance has not seen standing for a whole lease. */
  | 'held'
  /** The reminders were switched off or changed cadence, or the plan was replaced, since the scheduler looked. */
  | 'changed';

export interface ClaimRequest {
  readonly planId: string;
  readonly cadence: DigestCadence;
  readonly periodKey: string;
  readonly instanceId: string;
  /** The new claim's token. */
  readonly token: string;
  readonly now: Date;
  /** The key of a claim this instance has watched, unchanged, for a whole lease: it may be taken over. */
  readonly takeOver?: string;
}

export function claimPeriod(record: PlanRecord, request: ClaimRequest): Mutation<PlanRecord, ClaimResult> {
  if (record.plan.id !== request.planId || reminderCadence(record.plan) !== request.cadence)
    return { next: undefined, result: 'changed' };
  const run = runOf(record);
  if (!isDue(run.lastSentPeriodKey, request.now, request.cadence)) return { next: undefined, result: 'sent' };
  const claim = run.claim;
  // Whatever period it is for: an instance whose clock puts it in another period is sending a digest of this plan now.
  if (claim && claim.instanceId !== request.instanceId && claimKey(claim) !== request.takeOver)
    return { next: undefined, result: 'held' };
  const next: RecordWithRun = {
    ...record,
    reminderRun: {
      ...run,
      claim: {
        periodKey: request.periodKey,
        instanceId: request.instanceId,
        token: request.token,
        at: request.now.toISOString(),
      },
    },
  };
  return { next, result: 'claimed' };
}

/** Right before a send attempt: a new token if the claim is still this one, so watchers start their lease again. */
export function renewClaim(
  record: PlanRecord,
  request: { planId: string; token: string; next: string; now: Date },
): Mutation<PlanRecord, boolean> {
  const run = runOf(record);
  if (record.plan.id !== request.planId || !run.claim || run.claim.token !== request.token)
    return { next: undefined, result: false };
  const next: RecordWithRun = {
    ...record,
    reminderRun: { ...run, claim: { ...run.claim, token: request.next, at: request.now.toISOString() } },
  };
  return { next, result: true };
}

/** After the send: the period is done and the claim is dropped. */
export function recordSent(
  record: PlanRecord,
  request: { planId: string; periodKey: string; now: Date },
): Mutation<PlanRecord, boolean> {
  if (record.plan.id !== request.planId) return { next: undefined, result: false };
  const run = runOf(record);
  // Never move backwards: a slower instance must not overwrite a later period someone else recorded.
  const lastSentPeriodKey =
    run.lastSentPeriodKey &&
    sameCadence(run.lastSentPeriodKey, request.periodKey) &&
    run.lastSentPeriodKey > request.periodKey
      ? run.lastSentPeriodKey
      : request.periodKey;
  const next: RecordWithRun = { ...record, reminderRun: { lastSentPeriodKey, lastSentAt: request.now.toISOString() } };
  return { next, result: true };
}

/** After a send that may succeed later (retries exhausted): let the next check try again at once, not after the lease. */
export function releaseClaim(
  record: PlanRecord,
  request: { planId: string; token: string },
): Mutation<PlanRecord, boolean> {
  const run = runOf(record);
  if (record.plan.id !== request.planId || !run.claim || run.claim.token !== request.token)
    return { next: undefined, result: false };
  const { claim: _released, ...rest } = run;
  const next: RecordWithRun = { ...record, reminderRun: rest };
  return { next, result: true };
}

function sameCadence(a: string, b: string): boolean {
  return a.split(':')[0] === b.split(':')[0];
}
