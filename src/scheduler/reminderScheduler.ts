/**
 * Posts reminder digests. Every check reads the plans the reminder queue holds as due (src/store/reminderIndex.ts:
 * the cost of a check follows the plans due, not every plan with reminders), and for each plan whose period is open
 * and not yet served: builds the digest (nothing open → nothing to send), claims the period on the plan
 * record with an eTag-guarded write (so one instance of several sends it; see digestClaims.ts for why clocks
 * that disagree cannot break that), sends through Delivery (the paced, retrying OutgoingSender; skipped where
 * the app was removed) and records the period as sent.
 *
 * The timer is unref'd so it never keeps a process (or jest) alive, and stop() waits for a check in
 * progress so shutdown does not cut a send between claim and record.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Delivery } from '../actions/delivery';
import type { CardTarget } from '../messaging/ports';
import type { MessagePort } from '../messaging/connectorPort';
import { digestMessage } from '../cards/digestCard';
import { buildDigest, periodKey } from '../domain/digest';
import { reminderCadence } from '../domain/plan';
import { baseConversationId } from '../store/conversationRegistry';
import type { PlanRecord, PlanStore } from '../store/planStore';
import {
  locationId,
  type DueReminder,
  type QueuedReminder,
  type ReminderEntry,
  type ReminderIndex,
} from '../store/reminderIndex';
import { CheckLoop, walkEach } from './checkLoop';
import { ClaimWatch } from './claimWatch';
import { claimPeriod, recordSent, releaseClaim } from './digestClaims';
import { runOf, type ReminderRun } from '../store/reminderRun';
import { HeldClaim } from './heldClaim';
import { digestWanted, nextDigestAt } from '../domain/digestSchedule';
import type { Logger } from '../logger';

export type SchedulerLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface ReminderSchedulerDeps {
  readonly planStore: PlanStore;
  readonly index: ReminderIndex;
  readonly delivery: Pick<Delivery, 'send'>;
  readonly port: MessagePort;
  readonly clock: () => Date;
  readonly logger: SchedulerLogger;
  /** The UTC hour a period opens for digests. */
  readonly hourUtc: number;
  /** Real seconds between checks; 0 means start() does nothing (tests call runOnce). */
  readonly checkSeconds: number;
  /**
   * How long another instance watches a claim, unchanged, before it may take the period over. Longer than one
   * send attempt (the holder renews its claim before each one); measured by each instance on its own clock.
   */
  readonly leaseMs?: number;
  /** Names this instance in claims; random by default. */
  readonly instanceId?: string;
  /** How the scheduler waits between renewals of a claim it holds; real (unref'd) timers by default. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export const DEFAULT_LEASE_MS = 10 * 60_000;

/** Timestamps of other instances this far in this instance's future mean the clocks disagree (NTP is assumed). */
const SKEW_TOLERANCE_MS = 2 * 60_000;
/** At most one warning about clocks per instance in this time; a skew lasts until someone fixes it. */
const SKEW_WARNING_INTERVAL_MS = 60 * 60_000;

/** Thrown instead of sending when the claim could not be renewed: another instance took it over, or storage could not say. */
class ClaimLostError extends Error {
  constructor() {
    super('Another instance took over this digest.');
    this.name = 'ClaimLostError';
  }
}

/** What one check did, per plan; for tests and the log. */
export type PlanCheck = 'sent' | 'notDue' | 'nothingOpen' | 'claimedElsewhere' | 'alreadySent' | 'removed' | 'failed';

export interface CheckSummary {
  readonly results: ReadonlyArray<{ readonly planId: string; readonly outcome: PlanCheck }>;
}

/** Where a plan's pointer goes after a check: the slot of a time, nowhere, or it stays due. */
type Next = Date | 'drop' | 'stay';
const asNext = (at: Date | 'soon'): Next => (at === 'soon' ? 'stay' : at);

/** Plans checked at once: enough to overlap storage round trips, few enough not to flood storage. */
const CONCURRENCY = 4;

export class ReminderScheduler extends CheckLoop<CheckSummary> {
  readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly watch: ClaimWatch;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private lastSkewWarning: number | undefined;
  /** Whether this process moved the previous format's pointers into the queue yet (once per process; cheap after). */
  private migrated = false;

  constructor(private readonly deps: ReminderSchedulerDeps) {
    super(deps.checkSeconds);
    this.instanceId = deps.instanceId ?? randomUUID();
    this.leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
    this.watch = new ClaimWatch(this.leaseMs);
    this.sleep = deps.sleep ?? ((ms, signal) => delay(ms, undefined, { signal, ref: false }));
  }

  /** One check of the plans due now (those the reminder queue holds for this hour and any missed before). Never rejects; failures are logged per plan. */
  override runOnce(): Promise<CheckSummary> {
    return super.runOnce();
  }

  protected async check(): Promise<CheckSummary> {
    const { index } = this.deps;
    const now = this.deps.clock();
    let scan: Awaited<ReturnType<ReminderIndex['due']>>;
    try {
      if (!this.migrated) {
        const moved = await index.migrateSingleDocument(now);
        if (moved > 0)
          this.deps.logger.info(
            { plans: moved },
            'reminders: moved the reminder pointers of the previous storage format into the due queue',
          );
        this.migrated = true;
      }
      scan = await index.due(now);
    } catch (error) {
      this.deps.logger.error(
        { err: error },
        'reminders: could not read the reminder queue; trying again at the next check',
      );
      return { results: [] };
    }
    if (scan.through !== undefined && scan.through > scan.nowHour)
      this.warnSkew((scan.through - scan.nowHour) * 60 * 60_000, now);
    // One look per plan, even when its pointer turned up in two slots (a move cut short between its two writes).
    const groups = new Map<string, DueReminder[]>();
    for (const found of scan.due) {
      const id = locationId(found.entry.location);
      groups.set(id, [...(groups.get(id) ?? []), found]);
    }
    // The newest pointer first: it was written by the latest "turn on", so its plan id and fallback are current.
    const plans = [...groups.values()].map((found) =>
      [...found].sort((x, y) => (x.entry.since < y.entry.since ? 1 : x.entry.since > y.entry.since ? -1 : 0)),
    );
    const walked = await walkEach(
      plans,
      CONCURRENCY,
      (found) => this.checkPlan(found[0].entry, now),
      (error, found): { outcome: PlanCheck; next: Next } => {
        this.deps.logger.error(
          { err: error, planId: found[0].entry.planId },
          'reminders: checking a plan failed; trying again at the next check',
        );
        return { outcome: 'failed', next: 'stay' };
      },
    );
    const results = walked.map(({ item, result }) => ({ planId: item[0].entry.planId, outcome: result.outcome }));
    const settled = walked.map(({ item, result }) => ({ found: item, next: result.next }));
    this.watch.keepOnly(new Set([...groups.values()].map((found) => watchKey(found[0].entry))));
    try {
      await this.move(settled, now);
      await index.advance(scan.nowHour);
    } catch (error) {
      // The pointers stay where they were found; the next check finds them again and finishes the move.
      this.deps.logger.warn(
        { err: error },
        'reminders: could not move reminder pointers to their next period; the next check does it',
      );
    }
    return { results };
  }

  /**
   * Each pointer goes to the slot of its plan's next period (written first), then leaves the slot it was found in,
   * so an interruption between the two leaves it in both (looked at twice, sent once) rather than in neither. The
   * new pointer is appended, even to the slot it was found in (a weekly plan's next Monday is the same slot), and
   * the old one is removed by its due time, which the new one does not share.
   * A pointer that stays due (claimed elsewhere, a send to retry) moves into the current hour's slot, which lets the
   * cursor pass the hour it was due in.
   */
  private async move(
    settled: ReadonlyArray<{ readonly found: readonly DueReminder[]; readonly next: Next }>,
    now: Date,
  ): Promise<void> {
    const { index } = this.deps;
    const adds: QueuedReminder[] = [];
    const removals = new Map<number, QueuedReminder[]>();
    for (const { found, next } of settled) {
      const entry = found[0].entry;
      const moved = next === 'drop' ? undefined : next === 'stay' ? entry : { ...entry, dueAt: next.toISOString() };
      const target = moved ? index.slotFor(moved.dueAt, now) : undefined;
      // A found pointer that already is the moved one (same slot, same time) stays; every other copy goes.
      const isMoved = (where: DueReminder) =>
        moved !== undefined && where.slot === target && where.entry.dueAt === moved.dueAt;
      if (moved && !found.some(isMoved)) adds.push(moved);
      for (const where of found) {
        if (isMoved(where)) continue;
        removals.set(where.slot, [...(removals.get(where.slot) ?? []), where.entry]);
      }
    }
    await index.addMany(adds, now);
    for (const [slot, entries] of removals) await index.removeFrom(slot, entries);
  }

  private async checkPlan(entry: QueuedReminder, now: Date): Promise<{ outcome: PlanCheck; next: Next }> {
    const { planStore } = this.deps;
    const record = await planStore.load(entry.location);
    const cadence = record && record.plan.id === entry.planId ? reminderCadence(record.plan) : 'off';
    // Replaced, removed or switched off: the pointer goes (turning reminders off leaves it for this to drop).
    if (!record || cadence === 'off') return { outcome: 'removed', next: 'drop' };
    const run = runOf(record);
    // Watched on every check while due, so a claim is timed from the first moment this instance could see it.
    const takeOver = this.watch.observe(watchKey(entry), run.claim, now.getTime());
    this.noticeSkew(run, now);
    const key = periodKey(now, cadence);
    /** After this period: the opening of the next one. */
    const nextPeriod = (): Next => asNext(nextDigestAt(key, now, cadence, this.deps.hourUtc));
    if (!digestWanted(run.lastSentPeriodKey, now, cadence, this.deps.hourUtc)) {
      return { outcome: 'notDue', next: asNext(nextDigestAt(run.lastSentPeriodKey, now, cadence, this.deps.hourUtc)) };
    }
    const digest = buildDigest(record.plan, now, cadence);
    if (!digest) return { outcome: 'nothingOpen', next: nextPeriod() };

    const token = randomUUID();
    const claim = await planStore.updateRecord(entry.location, (current) =>
      claimPeriod(current, {
        planId: entry.planId,
        cadence,
        periodKey: key,
        instanceId: this.instanceId,
        token,
        now,
        ...(takeOver ? { takeOver } : {}),
      }),
    );
    if (claim.kind === 'missing') return { outcome: 'removed', next: 'drop' };
    if (claim.kind === 'gaveUp') return { outcome: 'claimedElsewhere', next: 'stay' };
    if (claim.result === 'held') return { outcome: 'claimedElsewhere', next: 'stay' };
    if (claim.result === 'sent') return { outcome: 'alreadySent', next: nextPeriod() };
    // The cadence changed or the plan was replaced since the read: the next check looks again.
    if (claim.result !== 'claimed') return { outcome: 'removed', next: 'stay' };

    // Built from the plan as claimed, so a change made since the first read is in the digest.
    const fresh = buildDigest(claim.value.plan, now, cadence) ?? digest;
    const message = digestMessage(claim.value.plan, fresh, now);
    const target = digestTarget(claim.value, entry);
    const held = new HeldClaim(
      {
        planStore,
        location: entry.location,
        planId: entry.planId,
        clock: this.deps.clock,
        sleep: this.sleep,
        leaseMs: this.leaseMs,
      },
      token,
    );
    const sent = await held.keepWhile(() =>
      this.deps.delivery.send({
        conversationId: target.conversationId,
        tenantId: entry.location.tenantId,
        key: `digest:${entry.planId}:${key}`,
        run: async (signal) => {
          // However long the send waited, it goes out only under a claim this instance still holds, renewed now.
          if ((await held.renew()) !== 'renewed') throw new ClaimLostError();
          return this.deps.port.postMessage(target, message, signal);
        },
      }),
    );
    if (!sent.ok && held.isLost) {
      this.deps.logger.info(
        { planId: entry.planId, periodKey: key },
        'reminders: another instance took over this digest before it went out',
      );
      return { outcome: 'claimedElsewhere', next: 'stay' };
    }
    if (sent.ok || sent.reason === 'inactive' || sent.reason === 'blocked' || sent.reason === 'notFound') {
      // Delivered, or undeliverable for this whole period (the app is gone from the conversation): either way it is served.
      await planStore.updateRecord(entry.location, (current) =>
        recordSent(current, { planId: entry.planId, periodKey: key, now: this.deps.clock() }),
      );
      if (!sent.ok)
        this.deps.logger.warn(
          { planId: entry.planId, reason: sent.reason },
          'reminders: the digest could not be delivered; skipping this period',
        );
      return { outcome: sent.ok ? 'sent' : 'failed', next: nextPeriod() };
    }
    // Retries ran out: free the period so the next check tries again instead of waiting for the lease.
    this.deps.logger.warn(
      { planId: entry.planId, reason: sent.reason },
      'reminders: sending the digest failed; the next check tries again',
    );
    await planStore.updateRecord(entry.location, (current) =>
      releaseClaim(current, { planId: entry.planId, token: held.token }),
    );
    return { outcome: 'failed', next: 'stay' };
  }

  /**
   * Digests assume the instances' clocks agree (NTP): a claim or a send recorded by another instance at a time
   * still ahead of this instance's clock means they do not. Said at most once an hour, with the gap.
   */
  private noticeSkew(run: ReminderRun, now: Date): void {
    const stamps = [run.lastSentAt, run.claim && run.claim.instanceId !== this.instanceId ? run.claim.at : undefined];
    const ahead = Math.max(
      ...stamps.map((stamp) => (stamp ? Date.parse(stamp) - now.getTime() : 0)).filter((ms) => Number.isFinite(ms)),
    );
    if (ahead <= SKEW_TOLERANCE_MS) return;
    this.warnSkew(ahead, now);
  }

  /**
   * Said at most once an hour, with the gap. Besides plan records, the queue's cursor shows it: hours marked drained
   * that are still ahead of this instance's clock were marked by an instance whose clock runs ahead.
   */
  private warnSkew(ahead: number, now: Date): void {
    if (this.lastSkewWarning !== undefined && Math.abs(now.getTime() - this.lastSkewWarning) < SKEW_WARNING_INTERVAL_MS)
      return;
    this.lastSkewWarning = now.getTime();
    this.deps.logger.warn(
      { aheadByMinutes: Math.round(ahead / 60_000), instanceId: this.instanceId },
      "reminders: another instance recorded a digest at a time still ahead of this instance's clock; keep the clocks of all instances in step (NTP), or a day's digest can come early",
    );
  }
}

/** The plan a claim watch is about: its document's location. */
function watchKey(entry: ReminderEntry): string {
  return `${entry.location.tenantId}\u0000${entry.location.conversationId}`;
}

/**
 * Where the digest goes: under the plan's newest summary in its own conversation (the thread root in a
 * channel, so the digest joins the plan's thread), else where reminders were turned on.
 */
export function digestTarget(record: PlanRecord, entry: ReminderEntry): CardTarget {
  const home = baseConversationId(record.conversationId);
  const summaries = record.cards.filter(
    (ref) => ref.taskId === 'summary' && baseConversationId(ref.conversationId) === home,
  );
  const newest = summaries[summaries.length - 1];
  return newest ? { conversationId: newest.conversationId, serviceUrl: newest.serviceUrl } : entry.fallback;
}
