/**
 * Due dates as calendar days: 'YYYY-MM-DD', meaning the end of that day in UTC.
 *
 * Pure and independent of plans, so the plan edits, the overdue checks, the digest and the report all count
 * days the same way. The caller passes the time; nothing here reads a clock.
 */
export type DueDateCheck = { ok: true; due: string } | { ok: false; message: string };

/** A real calendar date written 'YYYY-MM-DD'; surrounding spaces are forgiven, anything else is not. */
export function checkDueDate(input: unknown): DueDateCheck {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') return { ok: false, message: 'Give the due date as YYYY-MM-DD, for example 2026-12-15.' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    // 12/15/2026 and 15/12/2026 are both common: guessing which one was meant would set wrong dates.
    return {
      ok: false,
      message: `"${text.slice(0, 40)}" is not a date in the form YYYY-MM-DD (for example 2026-12-15).`,
    };
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return { ok: false, message: `${text} is not a real date: there is no month ${month}.` };
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return { ok: false, message: `${text} is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${lastDay} days.` };
  }
  return { ok: true, due: text };
}

/** The UTC calendar day of an instant, 'YYYY-MM-DD'. */
export function utcDay(now: Date | string): string {
  return toDate(now).toISOString().slice(0, 10);
}

/** '2026-12-15' → '15 Dec 2026': day first and the month spelled out, so no reader mistakes 12/11 for 11/12. */
export function formatCalendarDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = match ? MONTH_NAMES[Number(match[2]) - 1] : undefined;
  if (!match || !month) return day;
  return `${Number(match[3])} ${month.slice(0, 3)} ${match[1]}`;
}

/** Whole days from one calendar day to another: 1 from 2026-12-15 to 2026-12-16. */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The months in calendar order, spelled out in full. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDate(now: Date | string): Date {
  const date = typeof now === 'string' ? new Date(now) : now;
  // A bad clock value is a programming error; guessing a day would set or flag the wrong dates.
  if (Number.isNaN(date.getTime())) throw new Error(`Not a valid time: "${String(now)}".`);
  return date;
}
