/**
 * The scheduler's bookkeeping as it is stored on a plan record (which period's digest went out last, and which
 * instance is sending one now). The claims that write it are in scheduler/digestClaims.ts; the shape and its
 * reader are down here because the reminder confirmation reads it too, to say when the next digest is due.
 */
import type { PlanRecord } from './planStore';

export interface DigestClaim {
  readonly periodKey: string;
  readonly instanceId: string;
  /** New with every claim and every renewal; what other instances time. Absent on claims stored by older versions. */
  readonly token?: string;
  /** When it was claimed or renewed, by the holder's clock: for spotting clocks that disagree, never for timing a lease. */
  readonly at?: string;
  /** Claims stored by older versions carried their expiry, by the holder's clock; it is not trusted any more. */
  readonly expiresAt?: string;
}

export interface ReminderRun {
  readonly lastSentPeriodKey?: string;
  readonly lastSentAt?: string;
  readonly claim?: DigestClaim;
}

/** A plan record as the scheduler sees it; other readers ignore the extra field, and every record spread keeps it. */
export type RecordWithRun = PlanRecord & { readonly reminderRun?: ReminderRun };

export function runOf(record: PlanRecord): ReminderRun {
  return (record as RecordWithRun).reminderRun ?? {};
}
