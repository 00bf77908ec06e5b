/**
 * `restore` and the history card's "Restore this plan": brings back a plan of this conversation that was discarded
 * or replaced within the last KEEP_DAYS days. It asks first when it would replace the current plan (which is then
 * kept in turn), and follows the same rule as discarding: personal chat, or the plans' creators, task owners and
 * team owners, never guests — for the plan coming back and for the one it replaces.
 *
 * What comes back with the plan: its accepted decision ("why"), its reminder pointer when reminders were on, and its
 * tasks in their owners' "my tasks" (a read of "my tasks" while the plan was away dropped them as stale).
 */
import type { TurnContext } from 'botbuilder';
import { errorCard } from '../cards/errorCard';
import { noPlanCard } from '../cards/planNotices';
import { describePlan, nameOf, formatWhen } from '../cards/planText';
import { confirmCard } from '../cards/questionCards';
import type { AdaptiveCardJson } from '../cards/render';
import { isPlanId, reminderCadence } from '../domain/plan';
import { KEEP_DAYS, isRestorable } from '../domain/planRetention';
import type { DecisionStore } from '../store/decisionStore';
import type { PlanLogEntry } from '../domain/planRetention';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { ReminderIndex } from '../store/reminderIndex';
import { myTaskEntry } from '../actions/editActions';
import type { ConversationRegistry } from '../store/conversationRegistry';
import type { MyTasksIndex } from '../store/myTasksIndex';
import { placeOf } from './planPlace';
import { cardResponse } from './invokeResponses';
import { checkPlanPermission } from './planPermissions';
import { actorOf, planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';
import type { Logger } from '../logger';

export const RESTORE_VERBS = { restore: 'plan.restore', keep: 'plan.keepCurrent' } as const;

export interface RestoreFeatureDeps {
  readonly planStore: PlanStore;
  readonly decisions: DecisionStore;
  readonly index: ReminderIndex;
  readonly myTasks: Pick<MyTasksIndex, 'add'>;
  readonly registry: Pick<ConversationRegistry, 'get'>;
  readonly clock: () => Date;
  readonly reply: TurnReply;
  readonly logger: Pick<Logger, 'warn'>;
}

const ENDED: Readonly<Record<PlanLogEntry['kind'], string>> = {
  replaced: 'replaced',
  removed: 'discarded',
  unlinked: 'left',
  restored: 'restored',
};

export function createRestoreFeature(deps: RestoreFeatureDeps): Feature {
  const { planStore } = deps;

  /**
   * What a restore of `planId` needs before it runs: a refusal, or the question whether to replace `current`
   * (unless the person already said yes to replacing exactly that plan); 'go' when nothing stands in the way.
   */
  const check = async (
    context: TurnContext,
    location: PlanLocation,
    planId: string,
    current: PlanRecord | undefined,
    confirmed: boolean,
  ): Promise<AdaptiveCardJson | 'go'> => {
    const kept = await planStore.restorable(location, planId, deps.clock());
    if (!kept) return goneCard();
    const mayRestore = await checkPlanPermission(context, kept.record.plan, 'restore');
    if (mayRestore.kind === 'refused') return mayRestore.card;
    if (!current) return 'go';
    const mayReplace = await checkPlanPermission(context, current.plan, 'replace');
    if (mayReplace.kind === 'refused') return mayReplace.card;
    if (confirmed) return 'go';
    return confirmCard({
      title: 'Restore an earlier plan?',
      message:
        `This brings back the earlier plan (${describePlan(kept.record.plan)}), ${ENDED[kept.entry.kind]} by ${nameOf(kept.entry.by)} at ${formatWhen(kept.entry.at)}, ` +
        `in place of the current plan (${describePlan(current.plan)}) for everyone here. The current plan is kept for ${KEEP_DAYS} days, and "restore" brings it back in turn.`,
      executeActions: [
        { title: 'Restore it', verb: RESTORE_VERBS.restore, data: { planId, replacing: current.plan.id } },
        { title: 'Keep the current plan', verb: RESTORE_VERBS.keep, data: { planId } },
      ],
    });
  };

  const restore = async (
    context: TurnContext,
    location: PlanLocation,
    planId: string,
    replacing: string | undefined,
  ): Promise<AdaptiveCardJson> => {
    const accepted = replacing ? await deps.decisions.accepted(location) : undefined;
    const outcome = await planStore.restore(location, planId, {
      replacing,
      audit: { by: actorOf(context), at: deps.clock().toISOString() },
      keep: { decision: accepted },
    });
    switch (outcome.kind) {
      case 'gone':
        return goneCard();
      case 'busy':
        return errorCard(
          'The plan was busy with other changes, and nothing was changed. Please try again in a moment.',
        );
      case 'alreadyCurrent':
        return confirmCard({
          title: 'Already restored',
          message: `The plan (${describePlan(outcome.record.plan)}) is this conversation's plan again. Say "status" to see it.`,
        });
      case 'currentChanged': {
        // Someone changed the plan since the question was asked: ask again about the plan that is there now.
        const next = await check(context, location, planId, outcome.current, false);
        return next === 'go' ? restore(context, location, planId, undefined) : next;
      }
      case 'restored':
        break;
    }
    if (outcome.decision) await deps.decisions.saveAccepted(location, outcome.decision);
    else if (outcome.replaced) await deps.decisions.discardAccepted(location);
    await reindexOwners(context, location, outcome.record);
    const remindersNote = await resumeReminders(context, location, outcome.record);
    const replacedNote = outcome.replaced
      ? ` The plan it replaced (${describePlan(outcome.replaced.plan)}) is kept for ${KEEP_DAYS} days.`
      : '';
    return confirmCard({
      title: 'Plan restored',
      message: `The plan (${describePlan(outcome.record.plan)}) is back as it was, for everyone here.${replacedNote}${remindersNote}`,
      note: 'Say "status" for its summary card or "tasks" for its task list.',
    });
  };

  /**
   * Puts every owned task back into its owner's "my tasks". After the plan write, like an assignment: the plan is
   * the truth, so an index that cannot be written is logged and the restore stands (the next assignment repairs it).
   */
  const reindexOwners = async (context: TurnContext, location: PlanLocation, record: PlanRecord): Promise<void> => {
    const owned = record.plan.tasks.flatMap((task) =>
      task.owner && task.status !== 'notApplicable' ? [{ taskId: task.id, ownerId: task.owner.id }] : [],
    );
    if (owned.length === 0) return;
    try {
      const place = await placeOf({ planStore, registry: deps.registry }, context, location);
      const at = deps.clock().toISOString();
      for (const { taskId, ownerId } of owned)
        await deps.myTasks.add(location.tenantId, ownerId, myTaskEntry(place, record.plan.id, taskId, at));
    } catch (error) {
      deps.logger.warn({ err: error }, 'the plan was restored but its owners\' "my tasks" could not be updated');
    }
  };

  /**
   * The scheduler only knows plans in the reminder index: a plan that comes back with reminders on gets its pointer
   * again. If the index cannot take it, the plan's reminders are switched off rather than left saying "on".
   */
  const resumeReminders = async (context: TurnContext, location: PlanLocation, record: PlanRecord): Promise<string> => {
    if (reminderCadence(record.plan) === 'off') return '';
    const now = deps.clock();
    const added = await deps.index
      // Due at once: the next check reads the plan and moves the pointer on to its next period.
      .add(
        {
          location,
          planId: record.plan.id,
          fallback: { conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl },
          since: now.toISOString(),
        },
        now,
        now,
      )
      .catch(() => 'busy' as const);
    if (added === 'added') return ' Its reminders are on again.';
    await planStore.applyEdit(location, {
      planId: record.plan.id,
      edit: { kind: 'setReminders', cadence: 'off' },
      actor: actorOf(context),
      at: now.toISOString(),
    });
    return ' Its reminders could not be scheduled again, so they are off: say "remind daily" or "remind weekly" to try again.';
  };

  return {
    commands: {
      restore: async (context) => {
        const location = planLocation(context);
        const now = deps.clock();
        const [current, log] = await Promise.all([planStore.load(location), planStore.log(location)]);
        const latest = log.find((entry) => isRestorable(entry, now) && entry.planId !== current?.plan.id);
        if (!latest) {
          await deps.reply(
            context,
            confirmCard({
              title: 'Nothing to restore',
              message: `No plan of this conversation was discarded or replaced in the last ${KEEP_DAYS} days. Say "history" to see what happened to earlier plans.`,
            }),
          );
          return;
        }
        const next = await check(context, location, latest.planId, current, false);
        await deps.reply(context, next === 'go' ? await restore(context, location, latest.planId, undefined) : next);
      },
    },
    verbs: {
      [RESTORE_VERBS.restore]: async (context, data) => {
        const replacing = data.replacing === undefined ? undefined : isPlanId(data.replacing) ? data.replacing : null;
        if (!isPlanId(data.planId) || replacing === null) {
          return cardResponse(
            errorCard(
              'This button does not name a plan I can restore. Say "history" to see the plans that can be restored.',
            ),
          );
        }
        const location = planLocation(context);
        const current = await planStore.load(location);
        if (current?.plan.id === data.planId) {
          return cardResponse(
            confirmCard({
              title: 'Already restored',
              message: `The plan (${describePlan(current.plan)}) is this conversation's plan. Say "status" to see it.`,
            }),
          );
        }
        // Yes to replacing one plan is not yes to replacing another: a different current plan (or a click on the
        // history card, which names none) is asked about first.
        const confirmed = current !== undefined && current.plan.id === replacing;
        const next = await check(context, location, data.planId, current, confirmed);
        return cardResponse(next === 'go' ? await restore(context, location, data.planId, current?.plan.id) : next);
      },
      [RESTORE_VERBS.keep]: async (context) => {
        const current = await planStore.load(planLocation(context));
        return cardResponse(
          current
            ? confirmCard({
                title: 'Nothing changed',
                message: `The current plan (${describePlan(current.plan)}) stays. The earlier plan can still be restored until its date in "history".`,
              })
            : noPlanCard(),
        );
      },
    },
  };
}

function goneCard(): AdaptiveCardJson {
  return errorCard(
    `That plan can no longer be restored: it is back already, or it was discarded more than ${KEEP_DAYS} days ago. Say "history" to see the plans that can be.`,
    'Cannot restore that plan',
  );
}
