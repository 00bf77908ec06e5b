/**
 * The tenant check family, whole: `check` (the status card), "Check now" on the verify tasks and the summary,
 * "Mark done with this evidence", and `watch on|off` with its confirmation (the verbs of TENANT_VERBS), the
 * parsing of their button data, and the answers. Reading Graph is src/tenant's job, the judgement the domain's
 * (tenantHealth.ts), the watch's posts the scheduler's (src/scheduler/watchScheduler.ts).
 *
 * A click answers at once: from the last minute's check when there is one, otherwise with the card as it is and a
 * note, while the check runs; when it returns, the verify cards are updated in place and the status card posted.
 */
import { errorCard } from '../cards/errorCard';
import { noPlanCard, notThisPlanCard } from '../cards/planNotices';
import { nameOf } from '../cards/planText';
import { confirmCard } from '../cards/questionCards';
import type { AdaptiveCardJson } from '../cards/render';
import { summaryCard } from '../cards/summaryCard';
import { taskCard } from '../cards/taskCard';
import { OBSERVABLE_TASKS, tenantCheckCard, tenantUnavailableCard, tokenFailedCard } from '../cards/tenantCheckCard';
import type { InstallTrack, TaskId } from '../domain/catalog';
import { formatUtcDateTime } from '../domain/digest';
import { isPlanId, type Actor, type Plan } from '../domain/plan';
import { isTaskId } from '../domain/taskCatalog';
import { evidenceOf, judgeTenant, planTracks, type TenantSnapshot } from '../domain/tenantHealth';
import { TENANT_VERBS } from '../domain/tenantVerbs';
import type { Logger } from '../logger';
import type { MessagePort } from '../messaging/connectorPort';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { WatchIndex } from '../store/watchIndex';
import type { CheckOutcome, TenantChecks } from '../tenant/tenantChecks';
import type { Outgoing } from './outgoing';
import { applyTaskAction, type TaskActionDeps } from './taskActions';

export interface TenantCheckActionDeps {
  readonly planStore: PlanStore;
  readonly checks: TenantChecks;
  /** Plans with the watch on (the scheduler walks it). */
  readonly watchIndex: WatchIndex;
  /** The app's one outgoing service: refreshes changed cards, and its Delivery posts check results. */
  readonly outgoing: Pick<Outgoing, 'changed' | 'delivery'>;
  readonly port: MessagePort;
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'warn'>;
  readonly simulated: boolean;
  readonly watchSeconds: number;
}

/** What the family needs to know about the turn it runs in, read from the activity while the turn lasts. */
export interface TenantTurn {
  readonly location: PlanLocation;
  readonly actor: Actor;
  /** Where a card goes after the turn (the conversation as Teams names it, thread included). */
  readonly target: { readonly tenantId: string; readonly conversationId: string; readonly serviceUrl: string };
}

/** A tenant check verb as the bot calls it: the turn and the untrusted button data. */
export type TenantVerbHandler = (turn: TenantTurn, data: unknown) => Promise<AdaptiveCardJson>;

export interface TenantCheckActions {
  /** Typed `check`: reads the tenant now and answers with the status card. */
  check(turn: TenantTurn): Promise<AdaptiveCardJson>;
  /** Typed `watch on|off` (asks first) or `watch` alone (shows the setting). */
  watch(turn: TenantTurn, setting: 'on' | 'off' | 'show'): Promise<AdaptiveCardJson>;
  readonly verbs: Readonly<Record<string, TenantVerbHandler>>;
  /** Resolves when checks started by clicks have finished and their cards are out (tests, shutdown). */
  idle(): Promise<void>;
}

/** "Check now": the plan, and the verify task when the click came from one (otherwise the summary). */
export interface CheckData {
  readonly planId: string;
  readonly taskId?: TaskId;
}

/** "Mark done with this evidence": the task, the check the card showed, and the card's plan revision. */
export interface EvidenceData {
  readonly planId: string;
  readonly taskId: TaskId;
  readonly track: InstallTrack;
  readonly checkedAt: unknown;
  readonly revision?: number;
}

const OFF_MESSAGE =
  'Tenant checks are off for this bot. An administrator can turn them on with GRAPH_CHECKS=on and grant the read-only Microsoft Graph permissions listed in the README ("Tenant checks").';
const OTHER_TENANT_MESSAGE =
  'Tenant checks read only the tenant this bot is registered in, and this conversation belongs to another tenant. Nothing was read.';

/** The fields of untrusted button data; anything but a plain object has none. */
function fieldsOf(data: unknown): Readonly<Record<string, unknown>> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

export function parseCheckData(data: unknown): CheckData | undefined {
  const { planId, taskId } = fieldsOf(data);
  if (!isPlanId(planId)) return undefined;
  return isTaskId(taskId) && taskId in OBSERVABLE_TASKS ? { planId, taskId } : { planId };
}

export function parseEvidenceData(data: unknown): EvidenceData | undefined {
  const { planId, taskId, checkedAt, revision } = fieldsOf(data);
  const track = isTaskId(taskId) ? OBSERVABLE_TASKS[taskId] : undefined;
  if (!isPlanId(planId) || !isTaskId(taskId) || !track) return undefined;
  const parsedRevision =
    typeof revision === 'number' || (typeof revision === 'string' && /^\d{1,10}$/.test(revision))
      ? Number(revision)
      : undefined;
  return { planId, taskId, track, checkedAt, ...(parsedRevision !== undefined ? { revision: parsedRevision } : {}) };
}

export function parseWatchData(data: unknown): { readonly planId: string; readonly on: boolean } | undefined {
  const { planId, watch } = fieldsOf(data);
  const on = watch === 'on' ? true : watch === 'off' ? false : undefined;
  return isPlanId(planId) && on !== undefined ? { planId, on } : undefined;
}

export function createTenantCheckActions(deps: TenantCheckActionDeps): TenantCheckActions {
  const { planStore, checks } = deps;
  const pending = new Set<Promise<void>>();

  /** Keeps the check's findings on the plan (per track) and refreshes every posted copy of the verify tasks. */
  const remember = async (
    location: PlanLocation,
    planId: string,
    snapshot: TenantSnapshot,
  ): Promise<PlanRecord | undefined> => {
    const outcome = await planStore.updateRecord(location, (current) => {
      if (current.plan.id !== planId) return { next: undefined, result: false };
      const known = current.plan.lastCheck;
      // Two checks finishing out of order must not replace a newer finding with an older one.
      if (known && known.checkedAt >= snapshot.readAt) return { next: undefined, result: true };
      const byTrack = Object.fromEntries(
        planTracks(current.plan).map((track) => [
          track,
          evidenceOf(judgeTenant(snapshot, [track], new Date(snapshot.readAt))),
        ]),
      );
      return {
        next: { ...current, plan: { ...current.plan, lastCheck: { checkedAt: snapshot.readAt, byTrack } } },
        result: true,
      };
    });
    if (outcome.kind !== 'written' && outcome.kind !== 'unchanged') return undefined;
    if (outcome.kind === 'written') {
      deps.outgoing.changed(
        location,
        outcome.value,
        outcome.value.plan.tasks.map((task) => task.id).filter((id) => id in OBSERVABLE_TASKS),
      );
    }
    return outcome.value;
  };

  /** The status card for an outcome, or the card that says why nothing could be read. */
  const outcomeCard = (outcome: CheckOutcome, plan: Plan | undefined): AdaptiveCardJson => {
    switch (outcome.kind) {
      case 'off':
        return tenantUnavailableCard('Tenant checks are off', OFF_MESSAGE);
      case 'otherTenant':
        return tenantUnavailableCard('Not this tenant', OTHER_TENANT_MESSAGE);
      case 'tokenFailed':
        return tokenFailedCard(outcome.reason);
      case 'read': {
        const tracks = plan ? planTracks(plan) : (['cloudSync', 'connect'] as InstallTrack[]);
        const health = judgeTenant(outcome.snapshot, tracks, deps.clock());
        return tenantCheckCard({
          health,
          title: plan ? 'Sync status for this plan' : 'Sync status of this tenant',
          planId: plan?.id,
          cached: outcome.cached,
          simulated: deps.simulated,
        });
      }
    }
  };

  /** Runs `work` after the invoke has answered; failures are logged, never thrown at Teams. */
  const later = (work: () => Promise<void>) => {
    const running = work()
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'tenant check: background work failed'))
      .finally(() => pending.delete(running));
    pending.add(running);
  };

  const postCard = async (target: TenantTurn['target'], card: AdaptiveCardJson) => {
    await deps.outgoing.delivery.send({
      conversationId: target.conversationId,
      tenantId: target.tenantId,
      run: (signal) =>
        deps.port.postMessage(
          { conversationId: target.conversationId, serviceUrl: target.serviceUrl },
          { text: '', entities: [], card },
          signal,
        ),
    });
  };

  const actionDeps: TaskActionDeps = {
    planStore,
    clock: deps.clock,
    tenantChecks: checks.enabled,
    outgoing: deps.outgoing,
  };

  const watchState = (plan: Plan): string => {
    const watch = plan.watch;
    if (!watch?.on)
      return `The tenant watch is off${watch ? ` (turned off by ${nameOf(watch.changedBy)}, ${formatUtcDateTime(watch.changedAt)})` : ''}.`;
    return `The tenant watch is on (turned on by ${nameOf(watch.changedBy)}, ${formatUtcDateTime(watch.changedAt)}): it checks about every ${Math.max(1, Math.round(deps.watchSeconds / 60))} minutes.`;
  };

  const watchQuestion = (plan: Plan, setting: 'on' | 'off'): AdaptiveCardJson => {
    const data = { planId: plan.id, watch: setting };
    return setting === 'on'
      ? confirmCard({
          title: 'Turn on the tenant watch?',
          message:
            "I will read the tenant's sync status from Microsoft Graph every few minutes (read-only) and post here:",
          items: [
            'one warning when sync stops, a Cloud Sync job is quarantined or objects start failing, with the owners @mentioned and the steps to fix it',
            'one note when everything is back to normal',
          ],
          note: 'Nothing is posted while things stay the same. Anyone here can turn it off with "watch off".',
          executeActions: [
            { title: 'Turn the watch on', verb: TENANT_VERBS.watchSet, data },
            { title: 'Cancel', verb: TENANT_VERBS.watchCancel, data: { planId: plan.id } },
          ],
        })
      : confirmCard({
          title: 'Turn the tenant watch off?',
          message: 'No more sync warnings will be posted here until someone turns the watch on again.',
          executeActions: [
            { title: 'Turn the watch off', verb: TENANT_VERBS.watchSet, data },
            { title: 'Keep it', verb: TENANT_VERBS.watchCancel, data: { planId: plan.id } },
          ],
        });
  };

  const checkNow: TenantVerbHandler = async (turn, data) => {
    const parsed = parseCheckData(data);
    if (!parsed) return errorCard('This button does not name a plan. Say "check" to check the tenant.');
    const { planId, taskId } = parsed;
    const { location } = turn;
    const record = await planStore.load(location);
    if (!record) return noPlanCard();
    if (record.plan.id !== planId) return notThisPlanCard();
    const view = (plan: Plan, notice?: string) =>
      taskId
        ? taskCard(plan, taskId, notice ? { text: notice, tone: 'info' } : undefined, {
            now: deps.clock(),
            tenantChecks: checks.enabled,
          })
        : summaryCard(plan, record.decision, { now: deps.clock(), tenantChecks: checks.enabled });
    const known = checks.peek(location.tenantId);
    if (known && known.kind !== 'read') return outcomeCard(known, record.plan);
    if (known?.kind === 'read') {
      const updated = (await remember(location, planId, known.snapshot)) ?? record;
      if (!taskId) later(() => postCard(turn.target, outcomeCard(known, updated.plan)));
      return view(
        updated.plan,
        taskId ? "This is the last minute's check; checks run at most once a minute." : undefined,
      );
    }
    later(async () => {
      const outcome = await checks.check(location.tenantId);
      const updated = outcome.kind === 'read' ? await remember(location, planId, outcome.snapshot) : undefined;
      await postCard(turn.target, outcomeCard(outcome, (updated ?? record).plan));
    });
    return view(
      record.plan,
      'Checking the tenant now: the status card follows in a moment, and this card updates with what it finds.',
    );
  };

  const doneWithEvidence: TenantVerbHandler = async (turn, data) => {
    const parsed = parseEvidenceData(data);
    if (!parsed)
      return errorCard('This button does not name a task a tenant check can prove. Say "tasks" to see the plan.');
    const { planId, taskId, track } = parsed;
    const record = await planStore.load(turn.location);
    if (!record) return noPlanCard();
    if (record.plan.id !== planId) return notThisPlanCard();
    const evidence = record.plan.lastCheck?.byTrack[track];
    const now = deps.clock();
    const refused = (text: string) =>
      taskCard(record.plan, taskId, { text, tone: 'warning' }, { now, tenantChecks: checks.enabled });
    if (!evidence || evidence.checkedAt !== parsed.checkedAt)
      return refused(
        'The tenant was checked again since this card was shown. Here is the latest finding: press the button again to use it.',
      );
    if (evidence.verdict !== 'healthy')
      return refused(
        'The last check did not find sync healthy, so it cannot serve as evidence. Fix what it shows and check again, or mark the task done by hand.',
      );
    return applyTaskAction(actionDeps, turn.location, turn.actor, {
      planId,
      taskId,
      action: 'done',
      revision: parsed.revision,
      evidence,
    });
  };

  const watchCancel: TenantVerbHandler = async (turn) => {
    const record = await planStore.load(turn.location);
    return record ? confirmCard({ title: 'Tenant watch unchanged', message: watchState(record.plan) }) : noPlanCard();
  };

  const watchSet: TenantVerbHandler = async (turn, data) => {
    const parsed = parseWatchData(data);
    if (!parsed)
      return errorCard('This button does not say whether to turn the watch on or off. Say "watch on" or "watch off".');
    const { planId, on } = parsed;
    const { location } = turn;
    if (!checks.isOwnTenant(location.tenantId))
      return tenantUnavailableCard(
        checks.enabled ? 'Not this tenant' : 'Tenant checks are off',
        checks.enabled ? OTHER_TENANT_MESSAGE : OFF_MESSAGE,
      );
    const owner = await planStore.owner(location);
    if (!owner) return noPlanCard();
    const now = deps.clock();
    if (on) {
      // Pointer first, as with reminders: a stray pointer is dropped by the scheduler, a missing one would never warn.
      const added = await deps.watchIndex.add({
        location: owner,
        planId,
        fallback: { conversationId: turn.target.conversationId, serviceUrl: turn.target.serviceUrl },
        since: now.toISOString(),
      });
      if (added !== 'added')
        return errorCard(
          'The watch cannot be turned on in this conversation: its Teams address is longer than I can store. Nothing changed.',
        );
    }
    const outcome = await planStore.applyEdit(owner, {
      planId,
      edit: { kind: 'setWatch', on },
      actor: turn.actor,
      at: now.toISOString(),
    });
    if (outcome.kind === 'noPlan') return noPlanCard();
    if (outcome.kind === 'busy')
      return errorCard('The plan was busy with other changes, and nothing was changed. Please press the button again.');
    if (outcome.kind === 'otherPlan') return notThisPlanCard({ nothingChanged: true });
    if (outcome.kind === 'rejected') return errorCard(outcome.message);
    if (!on) await deps.watchIndex.remove(owner, planId);
    const title =
      outcome.kind === 'changed'
        ? on
          ? 'Tenant watch turned on'
          : 'Tenant watch turned off'
        : 'Tenant watch unchanged';
    return confirmCard({ title, message: watchState(outcome.record.plan) });
  };

  return {
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    check: async (turn) => {
      const { location } = turn;
      const record = await planStore.load(location);
      const outcome = await checks.check(location.tenantId);
      if (outcome.kind === 'read' && record) await remember(location, record.plan.id, outcome.snapshot);
      return outcomeCard(outcome, record?.plan);
    },
    watch: async (turn, setting) => {
      const record = await planStore.load(turn.location);
      if (!record) return noPlanCard();
      if (!checks.enabled) return tenantUnavailableCard('Tenant checks are off', OFF_MESSAGE);
      if (!checks.isOwnTenant(turn.location.tenantId))
        return tenantUnavailableCard('Not this tenant', OTHER_TENANT_MESSAGE);
      const on = record.plan.watch?.on ?? false;
      if (setting === 'show' || (setting === 'on') === on) {
        return confirmCard({
          title: 'Tenant watch',
          message: `${watchState(record.plan)} ${on ? 'Say "watch off" to stop it.' : 'Say "watch on" to turn it on.'}`,
        });
      }
      return watchQuestion(record.plan, setting);
    },
    verbs: {
      [TENANT_VERBS.check]: checkNow,
      [TENANT_VERBS.doneWithEvidence]: doneWithEvidence,
      [TENANT_VERBS.watchCancel]: watchCancel,
      [TENANT_VERBS.watchSet]: watchSet,
    },
  };
}
