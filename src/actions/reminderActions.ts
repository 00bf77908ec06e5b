/**
 * The reminder verb family, whole: "remind daily | weekly | off" (and "remind" alone, which shows the setting), the
 * confirmation card that answers it, and that card's buttons (`reminders.set`, `reminders.cancel`): the parsing of
 * their data, the change and the card that answers. A change is recorded on the plan (the edit `setReminders`: who
 * and when) and, while reminders are on, as a pointer in the reminder queue at the plan's next due time
 * (store/reminderIndex.ts). Sending digests is the scheduler's job. The bot only binds these to Teams turns.
 */
import { confirmCard } from '../cards/questionCards';
import { noPlanCard, notThisPlanCard } from '../cards/planNotices';
import { nameOf } from '../cards/planText';
import { errorCard } from '../cards/errorCard';
import type { AdaptiveCardJson } from '../cards/render';
import type { ReminderChoice } from '../domain/commands';
import { formatUtcDateTime } from '../domain/digest';
import { nextDigestAt } from '../domain/digestSchedule';
import {
  isPlanId,
  reminderCadence,
  REMINDER_CADENCES,
  type Actor,
  type Plan,
  type ReminderCadence,
} from '../domain/plan';
import type { CardTarget } from '../messaging/ports';
import type { PlanLocation, PlanRecord, PlanStore } from '../store/planStore';
import { isStorableEntry, type ReminderEntry, type ReminderIndex } from '../store/reminderIndex';
import { runOf } from '../store/reminderRun';

export const REMINDER_VERBS = { set: 'reminders.set', cancel: 'reminders.cancel' } as const;

export interface ReminderActionDeps {
  readonly planStore: PlanStore;
  readonly index: ReminderIndex;
  readonly clock: () => Date;
  /** The UTC hour each period's digest goes out from (REMINDER_HOUR_UTC). */
  readonly hourUtc: number;
  /** How often the scheduler looks (REMINDER_CHECK_SECONDS): "the next check" is at most this far away. */
  readonly checkSeconds: number;
}

/** What a reminder button needs of its turn: the plan's conversation, who clicked, and where digests can fall back to. */
export interface ReminderTurn {
  readonly location: PlanLocation;
  readonly actor: Actor;
  /** This conversation (with its thread), for a digest when the plan's own conversation cannot be reached. */
  readonly target: CardTarget;
}

export type ReminderVerbHandler = (turn: ReminderTurn, data: unknown) => Promise<AdaptiveCardJson>;

/** The data of "Turn reminders on/off": which plan, and which cadence. */
export interface ReminderSetData {
  readonly planId: string;
  readonly cadence: ReminderCadence;
}

const WORDS: Record<Exclude<ReminderCadence, 'off'>, { every: string; adjective: string }> = {
  daily: { every: 'every day', adjective: 'Daily' },
  weekly: { every: 'every Monday', adjective: 'Weekly' },
};

const notThisPlan = () =>
  notThisPlanCard({ nothingChanged: true, next: 'Say "remind" to see the current plan\'s reminders.' });

/** Checks the untrusted `data` of a "Turn reminders on/off" button: a plan id of sane shape and a known cadence. */
export function parseReminderData(
  data: unknown,
): { ok: true; value: ReminderSetData } | { ok: false; message: string } {
  const { planId, cadence } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const known = REMINDER_CADENCES.find((candidate) => candidate === cadence);
  if (!isPlanId(planId) || !known) {
    return {
      ok: false,
      message:
        'This button does not name a plan and a reminder setting I can use. Say "remind daily", "remind weekly" or "remind off" for a fresh one.',
    };
  }
  return { ok: true, value: { planId, cadence: known } };
}

/** Every verb of the reminder family with its handler. */
export function reminderVerbHandlers(deps: ReminderActionDeps): Readonly<Record<string, ReminderVerbHandler>> {
  return {
    [REMINDER_VERBS.cancel]: async (turn) => {
      const record = await deps.planStore.load(turn.location);
      return record ? confirmCard({ title: 'Reminders unchanged', message: stateText(deps, record) }) : noPlanCard();
    },
    [REMINDER_VERBS.set]: (turn, data) => setReminders(deps, turn, data),
  };
}

/** "remind …": the current setting when nothing would change, otherwise the question that asks first. */
export async function askReminders(
  deps: ReminderActionDeps,
  location: PlanLocation,
  choice: ReminderChoice,
): Promise<AdaptiveCardJson> {
  const record = await deps.planStore.load(location);
  if (!record) return noPlanCard();
  const current = reminderCadence(record.plan);
  if (choice === 'show' || choice === current) {
    const hint =
      current === 'off' ? 'Say "remind daily" or "remind weekly" to turn them on.' : 'Say "remind off" to stop them.';
    return confirmCard({ title: 'Reminders', message: `${stateText(deps, record)} ${hint}` });
  }
  return confirmation(deps, record.plan, choice);
}

/** `reminders.set`: one conditional plan write, then the queue pointer; a pointer that cannot be stored undoes the write. */
export async function setReminders(
  deps: ReminderActionDeps,
  turn: ReminderTurn,
  data: unknown,
): Promise<AdaptiveCardJson> {
  const parsed = parseReminderData(data);
  if (!parsed.ok) return errorCard(parsed.message);
  const { planId, cadence } = parsed.value;
  const { planStore, index } = deps;
  const found = await planStore.current(turn.location);
  if (!found) return noPlanCard();
  // Checked before anything is written: a card of a replaced plan, or a made-up id, must not move the pointer
  // away from the plan this conversation has now.
  if (found.record.plan.id !== planId) return notThisPlan();
  const owner = found.owner;
  const now = deps.clock();
  const entry: ReminderEntry = { location: owner, planId, fallback: turn.target, since: now.toISOString() };
  if (cadence !== 'off' && !isStorableEntry(entry)) {
    return errorCard(
      'Reminders cannot be turned on in this conversation: its Teams address is longer than I can store. Nothing changed.',
    );
  }
  const outcome = await planStore.applyEdit(owner, {
    planId,
    edit: { kind: 'setReminders', cadence },
    actor: turn.actor,
    at: now.toISOString(),
  });
  if (outcome.kind === 'noPlan') return noPlanCard();
  if (outcome.kind === 'busy')
    return errorCard('The plan was busy with other changes, and nothing was changed. Please press the button again.');
  if (outcome.kind === 'otherPlan') return notThisPlan();
  if (outcome.kind === 'rejected') return errorCard(outcome.message);
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
          actor: turn.actor,
          at: deps.clock().toISOString(),
        });
      }
      return errorCard(
        'Reminders could not be turned on because their schedule was busy or could not be saved. Nothing changed; please press the button again in a moment.',
      );
    }
  }
  const title =
    outcome.kind === 'changed'
      ? cadence === 'off'
        ? 'Reminders turned off'
        : `${WORDS[cadence].adjective} reminders turned on`
      : 'Reminders unchanged';
  return confirmCard({ title, message: stateText(deps, outcome.record) });
}

/** "Daily reminders are on (turned on by Ana, 26 Nov 2026, 10:42 UTC). Next digest: …" */
function stateText(deps: ReminderActionDeps, record: PlanRecord): string {
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
}

/** The question "Turn on daily reminders?" (or off), whose buttons carry the plan id and the cadence. */
function confirmation(deps: ReminderActionDeps, plan: Plan, cadence: ReminderCadence): AdaptiveCardJson {
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
}
