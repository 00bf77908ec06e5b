/**
 * Tenant checks in Teams: `check` (the status card), "Check now" on the verify tasks and the summary, "Mark done
 * with this evidence", and `watch on|off` with its confirmation. Reading Graph is src/tenant's job, the judgement
 * the domain's (tenantHealth.ts), the watch's posts the scheduler's (src/scheduler/watchScheduler.ts).
 *
 * A click answers at once: from the last minute's check when there is one, otherwise with the card as it is and a
 * note, while the check runs; when it returns, the verify cards are updated in place and the status card posted.
 */
import type { TurnContext } from 'botbuilder';
import type { Outgoing } from '../actions/outgoing';
import type { MessagePort } from '../messaging/connectorPort';
import { confirmCard } from '../cards/questionCards';
import { noPlanCard, notThisPlanCard } from '../cards/planNotices';
import { nameOf } from '../cards/planText';
import { summaryCard } from '../cards/summaryCard';
import { taskCard } from '../cards/taskCard';
import { errorCard } from '../cards/errorCard';
import type { AdaptiveCardJson } from '../cards/render';
import {
  OBSERVABLE_TASKS,
  TENANT_VERBS,
  tenantCheckCard,
  tenantUnavailableCard,
  tokenFailedCard,
} from '../cards/tenantCheckCard';
import type { InstallTrack } from '../domain/catalog';
import { isTaskId } from '../domain/taskCatalog';
import { formatUtcDateTime } from '../domain/digest';
import type { Plan } from '../domain/plan';
import { evidenceOf, judgeTenant, planTracks, type TenantSnapshot } from '../domain/tenantHealth';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { WatchIndex } from '../store/watchIndex';
import type { CheckOutcome, TenantChecks } from '../tenant/tenantChecks';
import { applyTaskAction, type TaskActionDeps } from '../actions/taskActions';
import { cardResponse } from './invokeResponses';
import { actorOf, planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';
import type { Logger } from '../logger';

export interface TenantCheckFeatureDeps {
  readonly planStore: PlanStore;
  readonly checks: TenantChecks;
  /** Plans with the watch on (the scheduler walks it). */
  readonly watchIndex: WatchIndex;
  /** The app's one outgoing service: refreshes changed cards, and its Delivery posts check results. */
  readonly outgoing: Pick<Outgoing, 'changed' | 'delivery'>;
  readonly port: MessagePort;
  readonly reply: TurnReply;
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'warn'>;
  readonly simulated: boolean;
  readonly watchSeconds: number;
}

export interface TenantCheckFeature extends Feature {
  /** Resolves when checks started by clicks have finished and their cards are out (tests, shutdown). */
  idle(): Promise<void>;
}

const PLAN_ID = /^[A-Za-z0-9-]{1,64}$/;

const OFF_MESSAGE =
  'Tenant checks are off for this bot. An administrator can turn them on with GRAPH_CHECKS=on and grant the read-only Microsoft Graph permissions listed in the README ("Tenant checks").';
const OTHER_TENANT_MESSAGE =
  'Tenant checks read only the tenant this bot is registered in, and this conversation belongs to another tenant. Nothing was read.';

export function createTenantCheckFeature(deps: TenantCheckFeatureDeps): TenantCheckFeature {
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

  /** Where a card goes after the turn: read from the activity now, because the turn context is revoked once it ends. */
  const targetOf = (context: TurnContext) => ({
    tenantId: planLocation(context).tenantId,
    conversationId: context.activity.conversation.id,
    serviceUrl: context.activity.serviceUrl,
  });

  const postCard = async (target: ReturnType<typeof targetOf>, card: AdaptiveCardJson) => {
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

  return {
    idle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    commands: {
      check: async (context) => {
        const location = planLocation(context);
        const record = await planStore.load(location);
        const outcome = await checks.check(location.tenantId);
        if (outcome.kind === 'read' && record) await remember(location, record.plan.id, outcome.snapshot);
        await deps.reply(context, outcomeCard(outcome, record?.plan));
      },
      watch: async (context, command) => {
        const record = await planStore.load(planLocation(context));
        if (!record) return deps.reply(context, noPlanCard());
        if (!checks.enabled) return deps.reply(context, tenantUnavailableCard('Tenant checks are off', OFF_MESSAGE));
        if (!checks.isOwnTenant(planLocation(context).tenantId))
          return deps.reply(context, tenantUnavailableCard('Not this tenant', OTHER_TENANT_MESSAGE));
        const on = record.plan.watch?.on ?? false;
        if (command.setting === 'show' || (command.setting === 'on') === on) {
          return deps.reply(
            context,
            confirmCard({
              title: 'Tenant watch',
              message: `${watchState(record.plan)} ${on ? 'Say "watch off" to stop it.' : 'Say "watch on" to turn it on.'}`,
            }),
          );
        }
        const data = { planId: record.plan.id, watch: command.setting };
        return deps.reply(
          context,
          command.setting === 'on'
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
                  { title: 'Cancel', verb: TENANT_VERBS.watchCancel, data: { planId: record.plan.id } },
                ],
              })
            : confirmCard({
                title: 'Turn the tenant watch off?',
                message: 'No more sync warnings will be posted here until someone turns the watch on again.',
                executeActions: [
                  { title: 'Turn the watch off', verb: TENANT_VERBS.watchSet, data },
                  { title: 'Keep it', verb: TENANT_VERBS.watchCancel, data: { planId: record.plan.id } },
                ],
              }),
        );
      },
    },
    verbs: {
      [TENANT_VERBS.check]: async (context, data) => {
        const planId = typeof data.planId === 'string' && PLAN_ID.test(data.planId) ? data.planId : undefined;
        const taskId = isTaskId(data.taskId) && data.taskId in OBSERVABLE_TASKS ? data.taskId : undefined;
        if (!planId)
          return cardResponse(errorCard('This button does not name a plan. Say "check" to check the tenant.'));
        const location = planLocation(context);
        const record = await planStore.load(location);
        if (!record) return cardResponse(noPlanCard());
        if (record.plan.id !== planId) {
          return cardResponse(notThisPlanCard());
        }
        const view = (plan: Plan, notice?: string) =>
          taskId
            ? taskCard(plan, taskId, notice ? { text: notice, tone: 'info' } : undefined, {
                now: deps.clock(),
                tenantChecks: checks.enabled,
              })
            : summaryCard(plan, record.decision, { now: deps.clock(), tenantChecks: checks.enabled });
        const known = checks.peek(location.tenantId);
        if (known && known.kind !== 'read') return cardResponse(outcomeCard(known, record.plan));
        if (known?.kind === 'read') {
          const updated = (await remember(location, planId, known.snapshot)) ?? record;
          if (!taskId) {
            const target = targetOf(context);
            later(() => postCard(target, outcomeCard(known, updated.plan)));
          }
          return cardResponse(
            view(
              updated.plan,
              taskId ? "This is the last minute's check; checks run at most once a minute." : undefined,
            ),
          );
        }
        const target = targetOf(context);
        later(async () => {
          const outcome = await checks.check(location.tenantId);
          const updated = outcome.kind === 'read' ? await remember(location, planId, outcome.snapshot) : undefined;
          await postCard(target, outcomeCard(outcome, (updated ?? record).plan));
        });
        return cardResponse(
          view(
            record.plan,
            'Checking the tenant now: the status card follows in a moment, and this card updates with what it finds.',
          ),
        );
      },
      [TENANT_VERBS.doneWithEvidence]: async (context, data) => {
        const planId = typeof data.planId === 'string' && PLAN_ID.test(data.planId) ? data.planId : undefined;
        const taskId = isTaskId(data.taskId) ? data.taskId : undefined;
        const track = taskId ? OBSERVABLE_TASKS[taskId] : undefined;
        if (!planId || !taskId || !track)
          return cardResponse(
            errorCard('This button does not name a task a tenant check can prove. Say "tasks" to see the plan.'),
          );
        const location = planLocation(context);
        const record = await planStore.load(location);
        if (!record) return cardResponse(noPlanCard());
        if (record.plan.id !== planId) {
          return cardResponse(notThisPlanCard());
        }
        const evidence = record.plan.lastCheck?.byTrack[track];
        const now = deps.clock();
        if (!evidence || evidence.checkedAt !== data.checkedAt) {
          return cardResponse(
            taskCard(
              record.plan,
              taskId,
              {
                text: 'The tenant was checked again since this card was shown. Here is the latest finding: press the button again to use it.',
                tone: 'warning',
              },
              { now, tenantChecks: checks.enabled },
            ),
          );
        }
        if (evidence.verdict !== 'healthy') {
          return cardResponse(
            taskCard(
              record.plan,
              taskId,
              {
                text: 'The last check did not find sync healthy, so it cannot serve as evidence. Fix what it shows and check again, or mark the task done by hand.',
                tone: 'warning',
              },
              { now, tenantChecks: checks.enabled },
            ),
          );
        }
        const revision =
          typeof data.revision === 'number' || (typeof data.revision === 'string' && /^\d{1,10}$/.test(data.revision))
            ? Number(data.revision)
            : undefined;
        return cardResponse(
          await applyTaskAction(actionDeps, location, actorOf(context), {
            planId,
            taskId,
            action: 'done',
            revision,
            evidence,
          }),
        );
      },
      [TENANT_VERBS.watchCancel]: async (context) => {
        const record = await planStore.load(planLocation(context));
        return cardResponse(
          record ? confirmCard({ title: 'Tenant watch unchanged', message: watchState(record.plan) }) : noPlanCard(),
        );
      },
      [TENANT_VERBS.watchSet]: async (context, data) => {
        const planId = typeof data.planId === 'string' && PLAN_ID.test(data.planId) ? data.planId : undefined;
        const on = data.watch === 'on' ? true : data.watch === 'off' ? false : undefined;
        if (!planId || on === undefined)
          return cardResponse(
            errorCard('This button does not say whether to turn the watch on or off. Say "watch on" or "watch off".'),
          );
        const location = planLocation(context);
        if (!checks.isOwnTenant(location.tenantId))
          return cardResponse(
            tenantUnavailableCard(
              checks.enabled ? 'Not this tenant' : 'Tenant checks are off',
              checks.enabled ? OTHER_TENANT_MESSAGE : OFF_MESSAGE,
            ),
          );
        const owner = await planStore.owner(location);
        if (!owner) return cardResponse(noPlanCard());
        const now = deps.clock();
        if (on) {
          // Pointer first, as with reminders: a stray pointer is dropped by the scheduler, a missing one would never warn.
          const added = await deps.watchIndex.add({
            location: owner,
            planId,
            fallback: { conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl },
            since: now.toISOString(),
          });
          if (added !== 'added')
            return cardResponse(
              errorCard(
                'The watch cannot be turned on in this conversation: its Teams address is longer than I can store. Nothing changed.',
              ),
            );
        }
        const outcome = await planStore.applyEdit(owner, {
          planId,
          edit: { kind: 'setWatch', on },
          actor: actorOf(context),
          at: now.toISOString(),
        });
        if (outcome.kind === 'noPlan') return cardResponse(noPlanCard());
        if (outcome.kind === 'busy')
          return cardResponse(
            errorCard('The plan was busy with other changes, and nothing was changed. Please press the button again.'),
          );
        if (outcome.kind === 'otherPlan') {
          return cardResponse(notThisPlanCard({ nothingChanged: true }));
        }
        if (outcome.kind === 'rejected') return cardResponse(errorCard(outcome.message));
        if (!on) await deps.watchIndex.remove(owner, planId);
        const title =
          outcome.kind === 'changed'
            ? on
              ? 'Tenant watch turned on'
              : 'Tenant watch turned off'
            : 'Tenant watch unchanged';
        return cardResponse(confirmCard({ title, message: watchState(outcome.record.plan) }));
      },
    },
  };
}
