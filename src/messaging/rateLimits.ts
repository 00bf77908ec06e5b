/**
 * Teams rate limits as data, and a sliding-window limiter that enforces several windows at once.
 *
 * Source: msteams-docs `bots/how-to/rate-limit.md`.
 * The limits are per bot per conversation ("thread"); the per-tenant figure is the conservative one of
 * the two published (30 vs 50 requests per second).
 *
 * No botbuilder imports: the outgoing sender is unit-tested with a virtual clock.
 */

/** At most `limit` sends in any interval of `windowMs` milliseconds. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Send to conversation / create conversation, per bot per conversation. */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = Object.freeze([
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
]);

/** Per app per tenant. The docs say 30 RPS and a Q&A answer says 50; we design for the lower figure. */
export const TEAMS_TENANT_LIMITS: readonly RateWindow[] = Object.freeze([{ limit: 30, windowMs: 1_000 }]);

function validateWindows(windows: readonly RateWindow[]): RateWindow[] {
  if (windows.length === 0) throw new Error('SlidingWindowLimiter needs at least one window');
  for (const w of windows) {
    // A zero limit would make delayUntilAllowed wait forever; a fractional one has no meaning.
    if (!Number.isInteger(w.limit) || w.limit < 1) throw new Error(`invalid window limit: ${w.limit}`);
    if (!Number.isFinite(w.windowMs) || w.windowMs <= 0) throw new Error(`invalid window length: ${w.windowMs}`);
  }
  return windows.map((w) => ({ limit: w.limit, windowMs: w.windowMs }));
}

/**
 * Enforces every window at once. A window [limit L, width W] allows a send at time t when fewer than L
 * recorded sends lie in the half-open interval (t - W, t]; equivalently, any interval [s, s + W) contains
 * at most L sends.
 *
 * Memory is bounded: only timestamps inside the largest window are kept, so an idle limiter empties
 * itself and the owner can drop it (see `isIdle`).
 */
export class SlidingWindowLimiter {
  private readonly windows: RateWindow[];
  private readonly maxWindowMs: number;
  private readonly marginMs: number;
  /** Sorted ascending. */
  private stamps: number[] = [];

  /**
   * @param marginMs added to every computed wait. Default 0: exact limits. A small margin absorbs
   *   network jitter that can compress our spacing on the way to Teams; the retry policy covers the
   *   occasional 429 either way.
   */
  constructor(windows: readonly RateWindow[] = TEAMS_CONVERSATION_LIMITS, marginMs = 0) {
    this.windows = validateWindows(windows);
    this.maxWindowMs = Math.max(...this.windows.map((w) => w.windowMs));
    this.marginMs = Math.max(0, marginMs);
  }

  /** Milliseconds to wait from `now` until a send is allowed under every window; 0 means "now". */
  delayUntilAllowed(now: number): number {
    this.prune(now);
    const n = this.stamps.length;
    let allowedAt = now;
    for (const w of this.windows) {
      const inWindow = n - this.firstIndexAfter(now - w.windowMs);
      if (inWindow >= w.limit) {
        // Waiting never adds sends, so each window's condition is monotone in time and the largest
        // per-window wait satisfies all of them at once. The send that must leave the window is the
        // L-th most recent one.
        allowedAt = Math.max(allowedAt, this.stamps[n - w.limit] + w.windowMs + this.marginMs);
      }
    }
    return Math.max(0, allowedAt - now);
  }

  /** Counts a send at `now`. Callers check `delayUntilAllowed` first; this never refuses. */
  record(now: number): void {
    const last = this.stamps[this.stamps.length - 1];
    if (last === undefined || now >= last) {
      this.stamps.push(now);
    } else {
      // Wall clocks can step backwards (NTP); keep the list sorted so the binary searches stay valid.
      this.stamps.splice(this.firstIndexAfter(now), 0, now);
    }
    this.prune(now);
  }

  /** True when no recorded send can still influence a decision, so the limiter can be discarded. */
  isIdle(now: number): boolean {
    this.prune(now);
    return this.stamps.length === 0;
  }

  /** Number of timestamps currently held (for memory tests and diagnostics). */
  get size(): number {
    return this.stamps.length;
  }

  private prune(now: number): void {
    const cut = this.firstIndexAfter(now - this.maxWindowMs);
    if (cut > 0) this.stamps.splice(0, cut);
  }

  /** Index of the first timestamp strictly greater than `t`. */
  private firstIndexAfter(t: number): number {
    let lo = 0;
    let hi = this.stamps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.stamps[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
