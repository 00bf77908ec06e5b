/**
 * The restore verb family, whole: typed `restore`, the history card's "Restore this plan" and the confirmation's
 * "Restore it" / "Keep the current plan" (`plan.restore`, `plan.keepCurrent`). It brings back a plan of this
 * conversation that was discarded or replaced within the last KEEP_DAYS days, asks first when that would replace
 * the current plan (which is then kept in turn), and follows the same rule as discarding for the plan coming back
 * and the one it replaces.
 *
 * What comes back with the plan: its accepted decision ("why"), its reminder pointer when reminders were on, and its
 * tasks in their owners' "my tasks" (a read of "my tasks" while the plan was away dropped them as stale).
 *
 * Who may change a plan needs Teams' roster, and where a plan lives is read from the activity: the bot answers both
 * through `RestoreTurn`, so nothing here knows about Teams.
 */
import { errorCard } from '../cards/errorCard';
import { noPlanCard } from '../cards/planNotices';
import { describePlan, formatWhen, nameOf } from '../cards/planText';
import { confirmCard } from '../cards/questionCards';
import type { AdaptiveCardJson } from '../cards/render';
import { isPlanId, reminderCadence, type Actor, type Plan } from '../domain/plan';
import { KEEP_DAYS, isRestorable, type PlanLogEntry } from '../domain/planRetention';
import type { Logger } from '../logger';
import type { DecisionStore } from '../store/decisionStore';
import type { MyTasksIndex } from '../store/myTasksIndex';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import type { ReminderIndex } from '../store/reminderIndex';
import { myTaskEntry, type PlanPlace } from './editActions';

export const RESTORE_VERBS = { restore: 'plan.restore', keep: 'plan.keepCurrent' } as const;

export interface RestoreActionDeps {
  readonly planStore: PlanStore;
  readonly decisions: DecisionStore;
  readonly index: ReminderIndex;
  readonly myTasks: Pick<MyTasksIndex, 'add'>;
  readonly clock: () => Date;
  readonly logger: Pick<Logger, 'warn'>;
}

/** A refusal is a card that says who may do it; the wording is the bot's, since it knows the conversation. */
export type RestorePermission =
  { readonly kind: 'allowed' } | { readonly kind: 'refused'; readonly card: AdaptiveCardJson };

/** What a restore needs to know about the turn it runs in. */
export interface RestoreTurn {
  readonly location: PlanLocation;
  readonly actor: Actor;
  /** Where reminders go when the conversation registry cannot say: this turn's conversation and service URL. */
  readonly fallback: { readonly conversationId: string; readonly serviceUrl: string };
  /** Whether the person acting may bring `plan` back ('restore') or swap out the current one ('replace'). */
  mayChange(plan: Plan, change: 'restore' | 'replace'): Promise<RestorePermission>;
  /** Where the plan lives, as the owners' "my tasks" records it. */
  place(): Promise<PlanPlace>;
}

/** The data of a "Restore" button: the plan to bring back and, once asked, the current plan it would replace. */
export interface RestoreData {
  readonly planId: string;
  readonly replacing?: string;
}

const ENDED: Readonly<Record<PlanLogEntry['kind'], string>> = {
  replaced: 'replaced',
  removed: 'discarded',
  unlinked: 'left',
  restored: 'restored',
};

/** Checks the untrusted data of a "Restore" button: plan ids of the plan-id shape, nothing else read. */
export function parseRestoreData(data: unknown): RestoreData | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { planId, replacing } = data as Record<string, unknown>;
  if (!isPlanId(planId)) return undefined;
  if (replacing === undefined) return { planId };
  return isPlanId(replacing) ? { planId, replacing } : undefined;
}

/** A restore verb as the bot calls it: the turn and the untrusted button data. */
export type RestoreVerbHandler = (turn: RestoreTurn, data: unknown) => Promise<AdaptiveCardJson>;

export function restoreVerbHandlers(deps: RestoreActionDeps): Readonly<Record<string, RestoreVerbHandler>> {
  return {
    [RESTORE_VERBS.restore]: (turn, data) => restoreClicked(deps, turn, data),
    [RESTORE_VERBS.keep]: async (turn) => {
      const current = await deps.planStore.load(turn.location);
      return current
        ? confirmCard({
            title: 'Nothing changed',
            message: `The current plan (${describePlan(current.plan)}) stays. The earlier plan can still be restored until its date in "history".`,
          })
        : noPlanCard();
    },
  };
}

/** Typed `restore`: the latest plan of this conversation that can still come back. */
export async function restoreLatest(deps: RestoreActionDeps, turn: RestoreTurn): Promise<AdaptiveCardJson> {
  const now = deps.clock();
  const [current, log] = await Promise.all([deps.planStore.load(turn.location), deps.planStore.log(turn.location)]);
  const latest = log.find((entry) => isRestorable(entry, now) && entry.planId !== current?.plan.id);
  if (!latest) {
    return confirmCard({
      title: 'Nothing to restore',
      message: `No plan of this conversation was discarded or replaced in the last ${KEEP_DAYS} days. Say "history" to see what happened to earlier plans.`,
    });
  }
  const next = await check(deps, turn, latest.planId, current, false);
  return next === 'go' ? restore(deps, turn, latest.planId, undefined) : next;
}

async function restoreClicked(deps: RestoreActionDeps, turn: RestoreTurn, data: unknown): Promise<AdaptiveCardJson> {
  const parsed = parseRestoreData(data);
  if (!parsed) {
    return errorCard(
      'This button does not name a plan I can restore. Say "history" to see the plans that can be restored.',
    );
  }
  const current = await deps.planStore.load(turn.location);
  if (current?.plan.id === parsed.planId) {
    return confirmCard({
      title: 'Already restored',
      message: `The plan (${describePlan(current.plan)}) is this conversation's plan. Say "status" to see it.`,
    });
  }
  // Yes to replacing one plan is not yes to replacing another: a different current plan (or a click on the
  // history card, which names none) is asked about first.
  const confirmed = current !== undefined && current.plan.id === parsed.replacing;
  const next = await check(deps, turn, parsed.planId, current, confirmed);
  return next === 'go' ? restore(deps, turn, parsed.planId, current?.plan.id) : next;
}

/**
 * What a restore of `planId` needs before it runs: a refusal, or the question whether to replace `current`
 * (unless the person already said yes to replacing exactly that plan); 'go' when nothing stands in the way.
 */
async function check(
  deps: RestoreActionDeps,
  turn: RestoreTurn,
  planId: string,
  current: PlanRecord | undefined,
  confirmed: boolean,
): Promise<AdaptiveCardJson | 'go'> {
  const kept = await deps.planStore.restorable(turn.location, planId, deps.clock());
  if (!kept) return goneCard();
  const mayRestore = await turn.mayChange(kept.record.plan, 'restore');
  if (mayRestore.kind === 'refused') return mayRestore.card;
  if (!current) return 'go';
  const mayReplace = await turn.mayChange(current.plan, 'replace');
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
}

async function restore(
  deps: RestoreActionDeps,
  turn: RestoreTurn,
  planId: string,
  replacing: string | undefined,
): Promise<AdaptiveCardJson> {
  const { location } = turn;
  const accepted = replacing ? await deps.decisions.accepted(location) : undefined;
  const outcome = await deps.planStore.restore(location, planId, {
    replacing,
    audit: { by: turn.actor, at: deps.clock().toISOString() },
    keep: { decision: accepted },
  });
  switch (outcome.kind) {
    case 'gone':
      return goneCard();
    case 'busy':
      return errorCard('The plan was busy with other changes, and nothing was changed. Please try again in a moment.');
    case 'alreadyCurrent':
      return confirmCard({
        title: 'Already restored',
        message: `The plan (${describePlan(outcome.record.plan)}) is this conversation's plan again. Say "status" to see it.`,
      });
    case 'currentChanged': {
      // Someone changed the plan since the question was asked: ask again about the plan that is there now.
      const next = await check(deps, turn, planId, outcome.current, false);
      return next === 'go' ? restore(deps, turn, planId, undefined) : next;
    }
    case 'restored':
      break;
  }
  if (outcome.decision) await deps.decisions.saveAccepted(location, outcome.decision);
  else if (outcome.replaced) await deps.decisions.discardAccepted(location);
  await reindexOwners(deps, turn, outcome.record);
  const remindersNote = await resumeReminders(deps, turn, outcome.record);
  const replacedNote = outcome.replaced
    ? ` The plan it replaced (${describePlan(outcome.replaced.plan)}) is kept for ${KEEP_DAYS} days.`
    : '';
  return confirmCard({
    title: 'Plan restored',
    message: `The plan (${describePlan(outcome.record.plan)}) is back as it was, for everyone here.${replacedNote}${remindersNote}`,
    note: 'Say "status" for its summary card or "tasks" for its task list.',
  });
}

/**
 * Puts every owned task back into its owner's "my tasks". After the plan write, like an assignment: the plan is
 * the truth, so an index that cannot be written is logged and the restore stands (the next assignment repairs it).
 */
async function reindexOwners(deps: RestoreActionDeps, turn: RestoreTurn, record: PlanRecord): Promise<void> {
  const owned = record.plan.tasks.flatMap((task) =>
    task.owner && task.status !== 'notApplicable' ? [{ taskId: task.id, ownerId: task.owner.id }] : [],
  );
  if (owned.length === 0) return;
  try {
    const place = await turn.place();
    const at = deps.clock().toISOString();
    for (const { taskId, ownerId } of owned)
      await deps.myTasks.add(turn.location.tenantId, ownerId, myTaskEntry(place, record.plan.id, taskId, at));
  } catch (error) {
    deps.logger.warn({ err: error }, 'the plan was restored but its owners\' "my tasks" could not be updated');
  }
}

/**
 * The scheduler only knows plans in the reminder index: a plan that comes back with reminders on gets its pointer
 * again. If the index cannot take it, the plan's reminders are switched off rather than left saying "on".
 */
async function resumeReminders(deps: RestoreActionDeps, turn: RestoreTurn, record: PlanRecord): Promise<string> {
  if (reminderCadence(record.plan) === 'off') return '';
  const now = deps.clock();
  const added = await deps.index
    // Due at once: the next check reads the plan and moves the pointer on to its next period.
    .add(
      {
        location: turn.location,
        planId: record.plan.id,
        fallback: { conversationId: turn.fallback.conversationId, serviceUrl: turn.fallback.serviceUrl },
        since: now.toISOString(),
      },
      now,
      now,
    )
    .catch(() => 'busy' as const);
  if (added === 'added') return ' Its reminders are on again.';
  await deps.planStore.applyEdit(turn.location, {
    planId: record.plan.id,
    edit: { kind: 'setReminders', cadence: 'off' },
    actor: turn.actor,
    at: now.toISOString(),
  });
  return ' Its reminders could not be scheduled again, so they are off: say "remind daily" or "remind weekly" to try again.';
}

function goneCard(): AdaptiveCardJson {
  return errorCard(
    `That plan can no longer be restored: it is back already, or it was discarded more than ${KEEP_DAYS} days ago. Say "history" to see the plans that can be.`,
    'Cannot restore that plan',
  );
}
