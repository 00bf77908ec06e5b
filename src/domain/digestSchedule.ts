/**
 * When a digest may go out. The domain says which period a moment belongs to (periodKey) and whether a
 * period's digest is still owed (isDue); this adds the hour of day: a daily digest posted at 00:05 UTC
 * lands in the middle of the night for most of Europe, so each period opens at a configured UTC hour.
 * Pure, UTC only.
 */
import { isDue, type DigestCadence } from './digest';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The moment the period holding `now` opens for digests: that day (daily) or that ISO week's Monday (weekly) at `hourUtc`. */
export function periodOpensAt(now: Date, cadence: DigestCadence, hourUtc: number): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysSinceMonday = cadence === 'weekly' ? (now.getUTCDay() + 6) % 7 : 0;
  return new Date(midnight - daysSinceMonday * DAY_MS + hourUtc * HOUR_MS);
}

/** A digest for the current period may be sent now: the period is open and its digest not sent yet. */
export function digestWanted(
  lastSentPeriodKey: string | undefined,
  now: Date,
  cadence: DigestCadence,
  hourUtc: number,
): boolean {
  return now.getTime() >= periodOpensAt(now, cadence, hourUtc).getTime() && isDue(lastSentPeriodKey, now, cadence);
}

/**
 * When the next digest is expected, for the confirmation people see: the opening of the current period
 * if it is still ahead or its digest still owed, otherwise the opening of the next period.
 * 'soon' means the current period is open and owed: the next scheduler check sends it.
 */
export function nextDigestAt(
  lastSentPeriodKey: string | undefined,
  now: Date,
  cadence: DigestCadence,
  hourUtc: number,
): Date | 'soon' {
  const opens = periodOpensAt(now, cadence, hourUtc);
  if (isDue(lastSentPeriodKey, now, cadence)) return now.getTime() >= opens.getTime() ? 'soon' : opens;
  return new Date(opens.getTime() + (cadence === 'weekly' ? 7 : 1) * DAY_MS);
}
