/**
 * "remind daily | weekly | off" in Teams: shows a confirmation card, and on the click records the change
 * on the plan (applyPlanEdit setReminders: who and when) and, when on, as a pointer in the reminder queue at the
 * plan's next due time (src/store/reminderIndex.ts).
 * Sending digests is the scheduler's job (src/scheduler).
 */
import { confirmCard } from '../cards/questionCards';
import { noPlanCard, notThisPlanCard } from '../cards/planNotices';
import { nameOf } from '../cards/planText';
import { errorCard } from '../cards/errorCard';
import type { AdaptiveCardJson } from '../cards/render';
import { formatUtcDateTime } from '../domain/digest';
import { isPlanId, reminderCadence, REMINDER_CADENCES, type Plan, type ReminderCadence } from '../domain/plan';
import { runOf } from '../scheduler/digestClaims';
import { nextDigestAt } from '../scheduler/schedule';
import type { PlanRecord, PlanStore } from '../store/planStore';
import { isStorableEntry, type ReminderEntry, type ReminderIndex } from '../store/reminderIndex';
import { cardResponse } from './invokeResponses';
import { actorOf, planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';

export const REMINDER_VERBS = { set: 'reminders.set', cancel: 'reminders.cancel' } as const;

export interface ReminderFeatureDeps {
  readonly planStore: PlanStore;
  readonly index: ReminderIndex;
  readonly clock: () => Date;
  readonly reply: TurnReply;
  readonly hourUtc: number;
  readonly checkSeconds: number;
}

const notThisPlan = () =>
  notThisPlanCard({ nothingChanged: true, next: 'Say "remind" to see the current plan\'s reminders.' });

const WORDS: Record<Exclude<ReminderCadence, 'off'>, { every: string; adjective: string }> = {
  daily: { every: 'every day', adjective: 'Daily' },
  weekly: { every: 'every Monday', adjective: 'Weekly' },
};

export function createReminderFeature(deps: ReminderFeatureDeps): Feature {
  const { planStore, index } = deps;

  /** "Daily reminders are on (turned on by Ana, 26 Nov 2026, 10:42 UTC). Next digest: …" */
  const stateText = (record: PlanRecord): string => {
    const plan = record.plan;
    const cadence = reminderCadence(plan);
    const by = plan.reminders
      ? ` (turned ${cadence === 'off' ? 'off' : 'on'} by ${nameOf(plan.reminders.changedBy)}, ${formatUtcDateTime(plan.reminders.changedAt)})`
      : '';
    if (cadence === 'off') return `Reminders are off${by}.`;
    const next = nextDigestAt(runOf(record).lastSentPeriodKey, deps.clock(), cadence, deps.hourUtc);
    const when =
      next === 'soon'
        ? `at the next check, within ${Math.max(1, Math.round(deps.checkSeconds / 60))} minutes,`
        : formatUtcDateTime(next.toISOString());
    return `${WORDS[cadence].adjective} reminders are on${by}. Next digest: ${when} if any task is still open.`;
  };

  const confirmation = (plan: Plan, cadence: ReminderCadence): AdaptiveCardJson => {
    const data = { planId: plan.id, cadence };
    if (cadence === 'off') {
      return confirmCard({
        title: 'Turn reminders off?',
        message: 'No more digests will be posted here until someone turns reminders on again.',
        executeActions: [
          { title: 'Turn reminders off', verb: REMINDER_VERBS.set, data },
          { title: 'Keep them', verb: REMINDER_VERBS.cancel, data: { planId: plan.id } },
        ],
      });
    }
    return confirmCard({
      title: `Turn on ${cadence} reminders?`,
      message: `${WORDS[cadence].every[0].toUpperCase()}${WORDS[cadence].every.slice(1)} from ${String(deps.hourUtc).padStart(2, '0')}:00 UTC, I will post a short digest here while tasks are open:`,
      items: ['the overdue tasks, with their due dates', 'the next task to work on', 'their owners, @mentioned'],
      note: 'Nothing is posted when every task is done or skipped. Anyone here can turn reminders off with "remind off".',
      executeActions: [
        { title: `Turn on ${cadence} reminders`, verb: REMINDER_VERBS.set, data },
        { title: 'Cancel', verb: REMINDER_VERBS.cancel, data: { planId: plan.id } },
      ],
    });
  };

  return {
    commands: {
      remind: async (context, command) => {
        const record = await planStore.load(planLocation(context));
        if (!record) return deps.reply(context, noPlanCard());
        const current = reminderCadence(record.plan);
        if (command.cadence === 'show' || command.cadence === current) {
          const hint =
            current === 'off'
              ? 'Say "remind daily" or "remind weekly" to turn them on.'
              : 'Say "remind off" to stop them.';
          return deps.reply(context, confirmCard({ title: 'Reminders', message: `${stateText(record)} ${hint}` }));
        }
        return deps.reply(context, confirmation(record.plan, command.cadence));
      },
    },
    verbs: {
      [REMINDER_VERBS.cancel]: async (context) => {
        const record = await planStore.load(planLocation(context));
        return cardResponse(
          record ? confirmCard({ title: 'Reminders unchanged', message: stateText(record) }) : noPlanCard(),
        );
      },
      [REMINDER_VERBS.set]: async (context, data) => {
        const cadence = REMINDER_CADENCES.find((known) => known === data.cadence);
        if (!isPlanId(data.planId) || !cadence) {
          return cardResponse(
            errorCard(
              'This button does not name a plan and a reminder setting I can use. Say "remind daily", "remind weekly" or "remind off" for a fresh one.',
            ),
          );
        }
        const planId = data.planId;
        const found = await planStore.current(planLocation(context));
        if (!found) return cardResponse(noPlanCard());
        // Checked before anything is written: a card of a replaced plan, or a made-up id, must not move the pointer
        // away from the plan this conversation has now.
        if (found.record.plan.id !== planId) return cardResponse(notThisPlan());
        const owner = found.owner;
        const now = deps.clock();
        const entry: ReminderEntry = {
          location: owner,
          planId,
          fallback: { conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl },
          since: now.toISOString(),
        };
        if (cadence !== 'off' && !isStorableEntry(entry)) {
          return cardResponse(
            errorCard(
              'Reminders cannot be turned on in this conversation: its Teams address is longer than I can store. Nothing changed.',
            ),
          );
        }
        const actor = actorOf(context);
        const outcome = await planStore.applyEdit(owner, {
          planId,
          edit: { kind: 'setReminders', cadence },
          actor,
          at: now.toISOString(),
        });
        if (outcome.kind === 'noPlan') return cardResponse(noPlanCard());
        if (outcome.kind === 'busy')
          return cardResponse(
            errorCard('The plan was busy with other changes, and nothing was changed. Please press the button again.'),
          );
        if (outcome.kind === 'otherPlan') return cardResponse(notThisPlan());
        if (outcome.kind === 'rejected') return cardResponse(errorCard(outcome.message));
        // The pointer follows the plan, never the other way round. "Unchanged" still refreshes it, which repairs a
        // pointer lost earlier while the plan kept saying reminders are on. Turning reminders off leaves the pointer:
        // the scheduler drops it when it comes due and finds them off, so "off" costs no search of the queue.
        if (cadence !== 'off') {
          const next = nextDigestAt(runOf(outcome.record).lastSentPeriodKey, now, cadence, deps.hourUtc);
          const pointed = await index.add(entry, next === 'soon' ? now : next, now).catch(() => 'busy' as const);
          if (pointed !== 'added') {
            // Without a pointer the scheduler never sees the plan: take the change back rather than show "on".
            if (outcome.kind === 'changed' && outcome.entry.kind === 'reminders') {
              await planStore.applyEdit(owner, {
                planId,
                edit: { kind: 'setReminders', cadence: outcome.entry.from },
                actor,
                at: deps.clock().toISOString(),
              });
            }
            return cardResponse(
              errorCard(
                'Reminders could not be turned on because their schedule was busy or could not be saved. Nothing changed; please press the button again in a moment.',
              ),
            );
          }
        }
        const title =
          outcome.kind === 'changed'
            ? cadence === 'off'
              ? 'Reminders turned off'
              : `${WORDS[cadence].adjective} reminders turned on`
            : 'Reminders unchanged';
        return cardResponse(confirmCard({ title, message: stateText(outcome.record) }));
      },
    },
  };
}
