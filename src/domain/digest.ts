/**
 * The reminder digest: what a scheduler posts to a plan's conversation, daily or weekly.
 *
 * Pure: the scheduler passes `now`, decides whether to send with isDue and claims the periodKey in
 * shared storage, so several instances send one digest per period between them. All days are UTC
 * days; people in one channel sit in different time zones, and the text says "UTC" where it matters.
 */
import {
  isOverdue,
  nextTask,
  numberedTasks,
  progress,
  type Actor,
  type Plan,
  type ReminderCadence,
  type TaskStatus,
} from './plan';
import { daysBetween, formatCalendarDay, utcDay } from './planDates';
import type { TaskId } from './catalog';

/** A digest is only ever built for a cadence that sends one. */
export type DigestCadence = Exclude<ReminderCadence, 'off'>;

export interface DigestTask {
  number: number;
  taskId: TaskId;
  title: string;
  status: TaskStatus;
  owner?: Actor;
  due?: string;
  /** "due 15 Dec 2026 (3 days overdue)"; absent without a due date. */
  dueText?: string;
}

export interface OverdueDigestTask extends DigestTask {
  due: string;
  dueText: string;
  daysOverdue: number;
}

export interface Digest {
  /** Claim this key in storage before sending: one digest per key, however many instances run. */
  periodKey: string;
  cadence: DigestCadence;
  /** The UTC day the digest was built for, 'YYYY-MM-DD'. */
  day: string;
  overdue: OverdueDigestTask[];
  /** Absent only when every open task still waits for an unfinished predecessor outside the plan's order. */
  next?: DigestTask;
  openCount: number;
  /** Owners of the overdue tasks and of the next task, each once, in the order they appear. */
  ownersToMention: Actor[];
}

/** Undefined means "nothing to send": no task is open (all settled, or the plan has no tasks). */
export function buildDigest(plan: Plan, now: Date, cadence: DigestCadence): Digest | undefined {
  const openCount = progress(plan).open;
  if (openCount === 0) return undefined;
  const day = utcDay(now);
  const numbered = numberedTasks(plan);
  const toDigestTask = (task: (typeof numbered)[number]): DigestTask => ({
    number: task.number,
    taskId: task.id,
    title: task.content.title,
    status: task.status,
    ...(task.owner ? { owner: task.owner } : {}),
    ...(task.due !== undefined ? { due: task.due, dueText: describeDue(task.due, now) } : {}),
  });

  const overdue = numbered
    .filter((task) => isOverdue(task, now))
    .map((task): OverdueDigestTask => ({
      ...toDigestTask(task),
      due: task.due as string,
      dueText: describeDue(task.due as string, now),
      daysOverdue: daysBetween(task.due as string, day),
    }));
  const nextId = nextTask(plan)?.id;
  const nextNumbered = numbered.find((task) => task.id === nextId);
  const next = nextNumbered ? toDigestTask(nextNumbered) : undefined;

  const ownersToMention: Actor[] = [];
  for (const owner of [...overdue.map((task) => task.owner), next?.owner]) {
    if (owner && !ownersToMention.some((known) => known.id === owner.id)) ownersToMention.push(owner);
  }
  return {
    periodKey: periodKey(now, cadence),
    cadence,
    day,
    overdue,
    ...(next ? { next } : {}),
    openCount,
    ownersToMention,
  };
}

/** 'daily:2026-11-26' or 'weekly:2026-W48' (ISO 8601 week, UTC). Keys of one cadence sort in time order. */
export function periodKey(now: Date, cadence: DigestCadence): string {
  if (cadence === 'daily') return `daily:${utcDay(now)}`;
  const { year, week } = isoWeek(now);
  return `weekly:${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Whether a digest for the current period is still to be sent. A key from a later period (another
 * instance whose clock runs ahead) also counts as sent, or a slow clock would send a second digest.
 * After a cadence change the old key says nothing about the new period, so one is due.
 */
export function isDue(lastSentPeriodKey: string | undefined, now: Date, cadence: DigestCadence): boolean {
  const current = periodKey(now, cadence);
  if (!lastSentPeriodKey || !lastSentPeriodKey.startsWith(`${cadence}:`)) return true;
  return lastSentPeriodKey < current;
}

/** ISO 8601 week of the UTC day: weeks start on Monday and belong to the year holding their Thursday. */
export function isoWeek(now: Date): { year: number; week: number } {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const mondayBased = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
  return { year, week: Math.floor((dayOfYear - 1) / 7) + 1 };
}

/** "due 15 Dec 2026 (3 days overdue)", "due today (15 Dec 2026)", "due 20 Dec 2026 (in 5 days)". */
export function describeDue(due: string, now: Date): string {
  const days = daysBetween(utcDay(now), due);
  const date = formatCalendarDay(due);
  if (Number.isNaN(days)) return `due ${due}`;
  if (days === 0) return `due today (${date})`;
  if (days === 1) return `due tomorrow (${date})`;
  if (days > 1) return `due ${date} (in ${days} days)`;
  return `due ${date} (${plural(-days, 'day')} overdue)`;
}

/** "26 Nov 2026, 10:42 UTC". */
export function formatUtcDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  return `${formatCalendarDay(utcDay(date))}, ${date.toISOString().slice(11, 16)} UTC`;
}

/** "Daily digest, 26 Nov 2026: 2 overdue, 5 open" / "Weekly digest, week 48 of 2026: nothing overdue, 5 open". */
export function digestHeadline(digest: Digest): string {
  const { year, week } = isoWeek(new Date(`${digest.day}T00:00:00Z`));
  const when =
    digest.cadence === 'daily'
      ? `Daily digest, ${formatCalendarDay(digest.day)}`
      : `Weekly digest, week ${week} of ${year}`;
  const overdue = digest.overdue.length === 0 ? 'nothing overdue' : `${digest.overdue.length} overdue`;
  return `${when}: ${overdue}, ${digest.openCount} open`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
