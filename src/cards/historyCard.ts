/** A plan's history card: its recent changes, and how the conversation's earlier plans ended. */
import { historyLength } from '../domain/historyArchive';
import { planHistory, taskNumber, tasksInOrder, type Plan, type PlanHistoryEntry, type TaskView } from '../domain/plan';
import { formatCalendarDay } from '../domain/planDates';
import { isRestorable, type PlanLogEntry } from '../domain/planRetention';
import { SHORT_TOOL_NAMES, toolTitle } from '../domain/toolNames';
import { catalogText, formatWhen, nameOf, STATUS } from './planText';
import { renderCard, type AdaptiveCardJson } from './render';

export const HISTORY_LIMIT = 15;

/**
 * Status changes, owners, due dates and reminder settings, newest first (the domain's planHistory order), and
 * how earlier plans of the conversation ended (replaced, discarded, restored), with who did it; with `now`, the
 * plans that can still be restored say until when and have a button.
 */
export function historyCard(plan: Plan, earlier: readonly PlanLogEntry[] = [], now?: Date): AdaptiveCardJson {
  // The document keeps more than HISTORY_LIMIT recent entries (historyArchive.ts), so the card needs no archived page.
  const entries = planHistory(plan).slice(-HISTORY_LIMIT).reverse();
  const total = historyLength(plan);
  return renderCard('history', {
    toolTitle: toolTitle(plan),
    intro:
      total > HISTORY_LIMIT
        ? `The latest ${HISTORY_LIMIT} of ${total} changes, newest first.`
        : `${total} change${total === 1 ? '' : 's'}, newest first.`,
    entries: entries.map((entry) => historyRow(plan, entry)),
    ...earlierPart(earlier, now),
  });
}

/**
 * One task's changes, newest first ("history 3", "who marked the agent install done?"): `history` is the plan's whole
 * history, archived pages included, so a task changed long ago still shows; `incomplete` when a page could not be read.
 */
export function taskHistoryCard(
  plan: Plan,
  task: TaskView & { readonly number: number },
  history: readonly PlanHistoryEntry[],
  incomplete = false,
): AdaptiveCardJson {
  const changes = history.filter(
    (entry) => entry.kind !== 'reminders' && entry.kind !== 'watch' && entry.task === task.id,
  );
  const name = `task ${task.number}, ${catalogText(task.content.title)}`;
  const intro =
    changes.length === 0
      ? `No changes to ${name} yet.`
      : changes.length > HISTORY_LIMIT
        ? `The latest ${HISTORY_LIMIT} of ${changes.length} changes to ${name}, newest first.`
        : `${changes.length} change${changes.length === 1 ? '' : 's'} to ${name}, newest first.`;
  return renderCard('history', {
    toolTitle: toolTitle(plan),
    intro: incomplete
      ? `${intro} Older changes could not be read just now; say "history ${task.number}" again later.`
      : intro,
    entries: changes
      .slice(-HISTORY_LIMIT)
      .reverse()
      .map((entry) => historyRow(plan, entry)),
    hasEarlier: false,
    earlierTitle: '',
    earlier: [],
  });
}

/** `history` where the plan is gone (discarded by start over): only how the earlier plans ended. */
export function earlierPlansCard(earlier: readonly PlanLogEntry[], now?: Date): AdaptiveCardJson {
  const part = earlierPart(earlier, now);
  return renderCard('history', {
    toolTitle: 'No plan in this conversation now',
    intro: part.earlier.some((row) => row.restorable)
      ? 'Say **start** to create one, or **restore** to bring back the latest plan below.'
      : 'Say **start** to create one.',
    entries: [],
    ...part,
  });
}

/** Rows shown besides the restorable ones, which are always shown. */
const EARLIER_ROWS = 5;

const ENDED: Readonly<Record<PlanLogEntry['kind'], string>> = {
  replaced: 'replaced by another plan',
  removed: 'discarded (start over)',
  unlinked: 'no longer followed from this chat',
  restored: 'restored',
};

function earlierPart(earlier: readonly PlanLogEntry[], now: Date | undefined) {
  const rows = earlier
    .map((entry, position) => ({ entry, position, restorable: now !== undefined && isRestorable(entry, now) }))
    .filter((row) => row.restorable || row.position < EARLIER_ROWS)
    .map(({ entry, restorable }) => ({
      what: `${SHORT_TOOL_NAMES[entry.tool]} plan ${ENDED[entry.kind]}`,
      who: `${nameOf(entry.by)} · ${formatWhen(entry.at)}`,
      restorable,
      until: restorable && entry.restorableUntil ? `Can be restored until ${formatWhen(entry.restorableUntil)}` : '',
      planId: restorable ? entry.planId : '',
    }));
  return {
    hasEarlier: rows.length > 0,
    earlierTitle: rows.some((row) => row.restorable)
      ? 'Earlier plans here (restorable ones have a button)'
      : 'Earlier plans here',
    earlier: rows,
  };
}

function historyRow(plan: Plan, entry: PlanHistoryEntry) {
  const who = `${nameOf(entry.by)} · ${formatWhen(entry.at)}`;
  if (entry.kind === 'reminders') return { who, what: `Reminders: ${entry.from} → ${entry.to}` };
  if (entry.kind === 'watch')
    return { who, what: `Tenant watch: ${entry.from ? 'on' : 'off'} → ${entry.to ? 'on' : 'off'}` };
  const number = taskNumber(plan, entry.task);
  const title = tasksInOrder(plan).find((task) => task.id === entry.task)?.content.title ?? entry.task;
  const label = `${number !== undefined ? `${number}. ` : ''}${catalogText(title)}`;
  switch (entry.kind) {
    case 'owner':
      return {
        who,
        what: entry.to
          ? `${label}: ${entry.from ? `owner ${nameOf(entry.from)} → ${nameOf(entry.to)}` : `assigned to ${nameOf(entry.to)}`}`
          : `${label}: unassigned${entry.from ? ` (was ${nameOf(entry.from)})` : ''}`,
      };
    case 'due': {
      const day = (value: string) => formatCalendarDay(value);
      const what = entry.to
        ? entry.from
          ? `due date ${day(entry.from)} → ${day(entry.to)}`
          : `due date set to ${day(entry.to)}`
        : `due date cleared${entry.from ? ` (was ${day(entry.from)})` : ''}`;
      return { who, what: `${label}: ${what}${entry.pastConfirmed ? ' (a past date, confirmed)' : ''}` };
    }
    default:
      return {
        who,
        what: `${label}: ${STATUS[entry.from].label} → ${STATUS[entry.to].label}${entry.evidence ? ` (with tenant check evidence of ${formatWhen(entry.evidence.checkedAt)}: ${entry.evidence.verdict})` : ''}`,
      };
  }
}
