/**
 * Log lines for requests the edge refuses. Anyone who can reach the port can make them, before any
 * authentication, so they must not be a way to fill the disk: each kind of rejection is written at most once
 * per interval (with the number left out since the previous line), and nothing the caller chose is copied
 * into them at length.
 */
import type { Logger } from './logger';
export const REJECTION_LOG_INTERVAL_MS = 10_000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tenant id as the log may show it: the first block of a GUID, enough to recognise a tenant, never more. */
export function tenantForLog(value: unknown): string {
  if (value === undefined || value === '') return '(none)';
  if (typeof value !== 'string' || !GUID.test(value)) return '(not a GUID)';
  return `${value.slice(0, 8).toLowerCase()}…`;
}

export interface RejectionLogOptions {
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export class RejectionLog {
  private readonly intervalMs: number;
  private readonly now: () => number;
  /** Per kind: when its last line was written, and how many were left out since. Kinds are our own constants. */
  private readonly kinds = new Map<string, { lastAt: number; suppressed: number }>();

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    options: RejectionLogOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? REJECTION_LOG_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  warn(kind: string, fields: object, message: string): void {
    const now = this.now();
    const state = this.kinds.get(kind);
    if (state && now - state.lastAt < this.intervalMs) {
      state.suppressed++;
      return;
    }
    const suppressed = state?.suppressed ?? 0;
    this.kinds.set(kind, { lastAt: now, suppressed: 0 });
    this.logger.warn(suppressed > 0 ? { ...fields, suppressed } : fields, message);
  }
}
