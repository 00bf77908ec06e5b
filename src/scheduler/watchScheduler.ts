/**
 * The tenant watch: every GRAPH_WATCH_SECONDS, for each plan with the watch on, reads the tenant (through the
 * shared per-tenant cache, so never more than one Graph round a minute), judges it for the plan's tools, and posts
 * into the plan's thread: one warning when new incidents appear (sync stopped, a job quarantined, objects in error
 * jumping from the last check's count), with the owners @mentioned and the steps to fix, and one "back to normal"
 * note when none is left. Nothing while things stay the same, and nothing when the tenant could not be read
 * (unknown is not an incident, and an incident whose part could not be read stays open: no "back to normal").
 * When parts it needs stay unreadable for hours, one note says so and names the permissions to check.
 *
 * Built like the reminder scheduler: a pointer index names the plans, a lease on the plan record lets one instance
 * act at a time, and the timer is unref'd and stopped cleanly.
 */
import { randomUUID } from 'node:crypto';
import type { Delivery } from '../actions/delivery';
import type { MessagePort } from '../messaging/connectorPort';
import { mentionOf } from '../cards/digestCard';
import { tenantCheckCard } from '../cards/tenantCheckCard';
import type { Actor, Plan } from '../domain/plan';
import {
  judgeTenant,
  nextUnreadableSpell,
  planTracks,
  UNREADABLE_NOTE_AFTER_MINUTES,
  watchIncidents,
} from '../domain/tenantHealth';
import type { PlanStore } from '../store/planStore';
import type { ReminderEntry } from '../store/reminderIndex';
import type { WatchIndex } from '../store/watchIndex';
import type { TenantChecks } from '../tenant/tenantChecks';
import { CheckLoop, walkEach } from './checkLoop';
import { digestTarget, type SchedulerLogger } from './reminderScheduler';
import { claimWatch, recordWatch, releaseWatch, watchRunOf } from './watchClaims';

export interface WatchSchedulerDeps {
  readonly planStore: PlanStore;
  readonly index: WatchIndex;
  readonly checks: TenantChecks;
  readonly delivery: Pick<Delivery, 'send'>;
  readonly port: MessagePort;
  readonly clock: () => Date;
  readonly logger: SchedulerLogger;
  /** Real seconds between checks; 0 means start() does nothing (tests call runOnce). */
  readonly checkSeconds: number;
  readonly leaseMs?: number;
  readonly instanceId?: string;
  readonly simulated?: boolean;
}

export type WatchCheck =
  'warned' | 'recovered' | 'unreadableNoted' | 'unchanged' | 'unreadable' | 'claimedElsewhere' | 'removed' | 'failed';

const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_MENTIONS = 10;

export class WatchScheduler extends CheckLoop<ReadonlyArray<{ planId: string; outcome: WatchCheck }>> {
  readonly instanceId: string;

  constructor(private readonly deps: WatchSchedulerDeps) {
    super(deps.checkSeconds);
    this.instanceId = deps.instanceId ?? randomUUID();
  }

  /** Without Graph checks there is nothing to watch, so no timer. */
  protected override isEnabled(): boolean {
    return this.deps.checks.enabled;
  }

  /** One pass over the watched plans. Never rejects; failures are logged per plan. */
  override runOnce(): Promise<ReadonlyArray<{ planId: string; outcome: WatchCheck }>> {
    return super.runOnce();
  }

  protected async check(): Promise<ReadonlyArray<{ planId: string; outcome: WatchCheck }>> {
    if (!this.deps.checks.enabled) return [];
    let entries: readonly ReminderEntry[];
    try {
      entries = await this.deps.index.list();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'watch: could not read the watch index; trying again at the next check');
      return [];
    }
    // One plan at a time: they share one tenant and one cached Graph round, so there is nothing to overlap.
    const walked = await walkEach(
      entries,
      1,
      (entry) => this.checkPlan(entry),
      (error, entry): WatchCheck => {
        this.deps.logger.error(
          { err: error, planId: entry.planId },
          'watch: checking a plan failed; trying again at the next check',
        );
        return 'failed';
      },
    );
    return walked.map(({ item, result }) => ({ planId: item.planId, outcome: result }));
  }

  private async checkPlan(entry: ReminderEntry): Promise<WatchCheck> {
    const { planStore, checks } = this.deps;
    const record = await planStore.load(entry.location);
    if (
      !record ||
      record.plan.id !== entry.planId ||
      !record.plan.watch?.on ||
      !checks.isOwnTenant(entry.location.tenantId)
    ) {
      await this.deps.index.remove(entry.location, entry.planId);
      return 'removed';
    }
    const outcome = await checks.check(entry.location.tenantId);
    if (outcome.kind !== 'read') return 'unreadable';
    const tracks = planTracks(record.plan);
    const health = judgeTenant(outcome.snapshot, tracks, this.deps.clock());

    const claim = await planStore.updateRecord(entry.location, (latest) =>
      claimWatch(latest, {
        planId: entry.planId,
        instanceId: this.instanceId,
        now: this.deps.clock(),
        leaseMs: this.deps.leaseMs ?? DEFAULT_LEASE_MS,
      }),
    );
    if (claim.kind === 'missing') return 'removed';
    if (claim.kind === 'gaveUp' || claim.result.kind === 'held') return 'claimedElsewhere';
    if (claim.result.kind === 'changed') return 'removed';
    const known = claim.result.open;
    // The claim's record holds what the last check left: open incidents stay open while their part is unreadable,
    // and objects in error are an incident only when they jump from the last check's count.
    const run = watchRunOf(claim.value);
    const { keys: current, errors } = watchIncidents(health, outcome.snapshot, tracks, run);
    const fresh = current.filter((key) => !known.includes(key));
    const recovered = known.length > 0 && current.length === 0;
    const { spell: unreadable, note: blindNote } = nextUnreadableSpell(
      run.unreadable,
      outcome.snapshot,
      tracks,
      this.deps.clock(),
      fresh.length > 0 || recovered,
    );

    let outcomeOfPlan: WatchCheck = 'unchanged';
    if (fresh.length > 0 || recovered || blindNote) {
      const plan = claim.value.plan;
      const mentions = recovered ? [] : ownersOf(plan).map(mentionOf);
      const cardOf = { health, planId: plan.id, simulated: this.deps.simulated };
      const card = recovered
        ? tenantCheckCard({
            ...cardOf,
            title: 'Sync is back to normal',
            intro: 'Everything the last warning named has recovered.',
          })
        : fresh.length > 0
          ? tenantCheckCard({
              ...cardOf,
              title: 'Sync needs attention',
              intro: 'The tenant watch found a new problem:',
              only: fresh,
            })
          : tenantCheckCard({
              ...cardOf,
              title: 'The tenant watch cannot read your tenant',
              intro: `For ${UNREADABLE_NOTE_AFTER_MINUTES / 60} hours or more Microsoft Graph has not given the watch these parts of the tenant, so it cannot tell whether sync works or has recovered. Check the permission and admin consent each one names:`,
              only: health.items.filter((item) => item.status === 'unknown').map((item) => item.key),
            });
      const who = mentions.length ? ` for ${mentions.map((m) => m.text).join(', ')}` : '';
      const text = recovered
        ? 'Tenant watch: sync is back to normal.'
        : fresh.length > 0
          ? `Tenant watch${who}: sync needs attention.`
          : `Tenant watch${who}: it cannot read your tenant.`;
      const target = digestTarget(claim.value, entry);
      const sent = await this.deps.delivery.send({
        conversationId: target.conversationId,
        tenantId: entry.location.tenantId,
        key: `watch:${entry.planId}:${outcome.snapshot.readAt}`,
        run: (signal) => this.deps.port.postMessage(target, { text, entities: mentions, card }, signal),
      });
      if (!sent.ok && sent.reason !== 'inactive' && sent.reason !== 'blocked' && sent.reason !== 'notFound') {
        this.deps.logger.warn(
          { planId: entry.planId, reason: sent.reason },
          'watch: posting failed; the next check tries again',
        );
        await planStore.updateRecord(entry.location, (latest) =>
          releaseWatch(latest, { planId: entry.planId, instanceId: this.instanceId }),
        );
        return 'failed';
      }
      outcomeOfPlan = recovered ? 'recovered' : fresh.length > 0 ? 'warned' : 'unreadableNoted';
    }
    // Keys that recovered leave `open` quietly while others remain; they would be warned about again if they came back.
    await planStore.updateRecord(entry.location, (latest) =>
      recordWatch(latest, {
        planId: entry.planId,
        instanceId: this.instanceId,
        open: current,
        errors,
        unreadable,
        checkedAt: outcome.snapshot.readAt,
      }),
    );
    return outcomeOfPlan;
  }
}

/** Everyone who owns a task of the plan, once each: the people who fix sync when it breaks. */
function ownersOf(plan: Plan): Actor[] {
  const owners = new Map<string, Actor>();
  for (const task of plan.tasks)
    if (task.owner && task.status !== 'notApplicable') owners.set(task.owner.id, task.owner);
  return [...owners.values()].slice(0, MAX_MENTIONS);
}
