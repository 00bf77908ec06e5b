/**
 * How a plan reads on cards: the words for statuses, people, times, owners and due dates, and the rows and track
 * order the summary and task list share. The status rules themselves stay in the domain.
 */
import { TOOL_CHOICE_TASK_IDS, alternativeOf, type TaskId, type Track } from '../domain/catalog';
import { tracksForSelection } from '../domain/taskCatalog';
import { isOverdue, type Actor, type Plan, type PlanTask, type TaskStatus, type TaskView } from '../domain/plan';
import { daysBetween, formatCalendarDay, utcDay } from '../domain/planDates';
import { SHORT_TOOL_NAMES } from '../domain/toolNames';
import { escapeMarkdown } from './render';

export const STATUS: Readonly<Record<TaskStatus, { label: string; icon: string; color: string; changed: string }>> = {
  todo: { label: 'To do', icon: '⬜', color: 'Default', changed: 'Reopened' },
  inProgress: { label: 'In progress', icon: '🔵', color: 'Accent', changed: 'Started' },
  done: { label: 'Done', icon: '✅', color: 'Good', changed: 'Marked done' },
  skipped: { label: 'Skipped', icon: '⏭️', color: 'Warning', changed: 'Skipped' },
  notApplicable: { label: 'Not applicable', icon: '➖', color: 'Default', changed: 'Set aside' },
};

/** "10:42 UTC, 26 Nov 2026": people in one channel sit in different time zones, so UTC and say so. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  // Built by hand: toLocaleDateString creates an Intl formatter per call, which made up 4% of a "done" click.
  const utc = date.toISOString();
  return `${utc.slice(11, 16)} UTC, ${formatCalendarDay(utc.slice(0, 10))}`;
}

export function nameOf(actor: Actor | undefined): string {
  const name = actor?.name?.trim();
  return escapeMarkdown(name ? name.slice(0, 80) : 'someone');
}

/** "Marked done by Ana at 10:42 UTC, 26 Nov", or what the task is waiting for. */
export function changedLine(plan: Plan, task: TaskView): string {
  if (task.changedBy && task.changedAt) {
    const verb = isToolChoice(task.id) ? 'Decided' : STATUS[task.status].changed;
    return `${verb} by ${nameOf(task.changedBy)} at ${formatWhen(task.changedAt)}`;
  }
  const alternative = task.status === 'notApplicable' ? alternativeOf(task.id) : undefined;
  if (alternative) {
    const chosen = plan.selection[alternative.pair.selectionKey] ?? alternative.pair.defaultOption;
    return alternative.pair.notUsed(chosen);
  }
  return 'Not started yet.';
}

/** "🔵 In progress" and its colour, as task cards show a status. */
export function statusBadge(status: TaskStatus): { text: string; color: string } {
  return { text: `${STATUS[status].icon} ${STATUS[status].label}`, color: STATUS[status].color };
}

/** "👤 Owner: Ben" — on every task that can have one. */
export function ownerLine(owner: Actor | undefined): string {
  return owner ? `👤 Owner: ${nameOf(owner)}` : '👤 No owner yet';
}

/** The due date as a reader sees it; overdue (computed at `now`, UTC days) in red. */
export function dueLine(task: PlanTask, now: Date | undefined): { text: string; color: string } {
  if (task.due === undefined) return { text: '', color: 'Default' };
  if (now && isOverdue(task, now)) {
    const late = daysBetween(task.due, utcDay(now));
    return {
      text: `⚠️ Overdue since ${formatCalendarDay(task.due)} (${late} day${late === 1 ? '' : 's'} late)`,
      color: 'Attention',
    };
  }
  return { text: `📅 Due ${formatCalendarDay(task.due)}`, color: 'Default' };
}

/** "Cloud Sync, 2 of 7 tasks done or skipped": a plan in a sentence, for confirmations. */
export function describePlan(plan: Plan, toolName: string = SHORT_TOOL_NAMES[plan.selection.tool]): string {
  const applicable = plan.tasks.filter((task) => task.status !== 'notApplicable');
  const settled = applicable.filter((task) => task.status === 'done' || task.status === 'skipped').length;
  return `${toolName}, ${settled} of ${applicable.length} tasks done or skipped`;
}

/** One task's row on the summary and on the task list; the next task is highlighted. */
export function taskRow(task: TaskView & { number: number }, isNext: boolean) {
  const status = STATUS[task.status];
  return {
    icon: status.icon,
    // A bare "2." would be read as a Markdown ordered list and render as an empty list item.
    number: String(task.number),
    title: catalogText(task.content.title) + (task.content.preview ? ' (preview)' : ''),
    statusText: isNext ? 'Next' : status.label,
    statusColor: isNext ? 'Accent' : status.color,
    isNext,
    style: isNext ? 'accent' : 'default',
    subtle: task.status === 'notApplicable',
  };
}

export function trackOrder(plan: Plan): Track[] {
  return [...tracksForSelection(plan.selection)];
}

export function isToolChoice(taskId: TaskId): boolean {
  return (TOOL_CHOICE_TASK_IDS as readonly string[]).includes(taskId);
}

/**
 * Catalog text is ours, but it contains `*.msappproxy.net` and `DOMAIN\user`: without escaping,
 * Teams would turn the text between two asterisks into italics.
 */
export function catalogText(text: string): string {
  let escaped = escapedCatalogText.get(text);
  if (escaped === undefined) {
    escaped = text.replace(/[\\*_[\]]/g, (c) => `\\${c}`);
    // Catalog and advisor text is a fixed set; the bound only matters if something else is passed in.
    if (escapedCatalogText.size < 5_000) escapedCatalogText.set(text, escaped);
  }
  return escaped;
}

/** Every card escapes the same catalog sentences again; they never change, so each is escaped once. */
const escapedCatalogText = new Map<string, string>();
