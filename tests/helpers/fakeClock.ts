/**
 * Virtual time for tests: `sleep(ms)` resolves only when the test moves the clock past its deadline,
 * so pacing and backoff of minutes run in milliseconds and timestamps are exact.
 *
 * Code under test must use only `now` and `sleep` from here (no real timers); promises settle between
 * steps because `flush()` yields a macrotask, and Node drains all microtasks before any macrotask.
 */
interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export class FakeClock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.t = start;
  }

  readonly now = (): number => this.t;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const at = this.t + Math.max(0, ms);
      this.timers.push({ at, seq: this.seq++, resolve });
      // Keep timers ordered by deadline, ties in creation order, like real timers.
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    });

  /** Number of sleeps waiting for time to pass. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Lets every already-resolvable promise chain run to its next sleep. */
  async flush(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
  }

  /** Moves time forward by `ms`, firing due timers one by one in order and letting each settle. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    await this.flush();
    for (let next = this.timers[0]; next !== undefined && next.at <= target; next = this.timers[0]) {
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await this.flush();
    }
    this.t = Math.max(this.t, target);
  }

  /**
   * Runs virtual time until `promise` settles, jumping from timer to timer. Fails loudly on a deadlock
   * (nothing scheduled, promise still pending) or when more than `limitMs` of virtual time passes.
   */
  async run<T>(promise: Promise<T>, limitMs = 24 * 3_600_000): Promise<T> {
    let settled = false;
    const watched = promise.then(
      (v) => {
        settled = true;
        return v;
      },
      (e: unknown) => {
        settled = true;
        throw e;
      },
    );
    // Mark as handled now; the rejection is re-raised by the final await.
    watched.catch(() => undefined);
    const deadline = this.t + limitMs;
    await this.flush();
    while (!settled) {
      const next = this.timers[0];
      if (next === undefined) throw new Error(`FakeClock: deadlock at t=${this.t}: promise pending, no timers`);
      if (next.at > deadline) throw new Error(`FakeClock: still pending after ${limitMs} ms of virtual time`);
      await this.advance(next.at - this.t);
    }
    return watched;
  }
}

/** Largest number of timestamps in any half-open interval [s, s + windowMs). */
export function maxInAnyWindow(stamps: readonly number[], windowMs: number): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  // The busiest window can always be slid to start at a send, so checking those starts is enough.
  for (let i = 0; i < sorted.length; i++) {
    if (j < i) j = i;
    while (j < sorted.length && sorted[j] < sorted[i] + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

/**
 * Earliest possible start times of n sends in one conversation, independent of the limiter code:
 * send k may start once, for every window, the send L places before it is W behind
 * (t_k >= t_{k-L} + W), and, when sends are serial, once the previous one has finished.
 * Greedy is optimal here: each t_k is a non-decreasing function of earlier start times.
 */
export function minimumStartTimes(
  n: number,
  windows: readonly { limit: number; windowMs: number }[],
  serialLatencyMs = 0,
): number[] {
  const t: number[] = [];
  for (let k = 0; k < n; k++) {
    let at = k > 0 ? t[k - 1] + serialLatencyMs : 0;
    for (const w of windows) {
      if (k - w.limit >= 0) at = Math.max(at, t[k - w.limit] + w.windowMs);
    }
    t.push(at);
  }
  return t;
}
