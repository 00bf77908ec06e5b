/**
 * The one door for outgoing Teams traffic (proactive sends and card updates), so pacing and retries hold for all of it.
 *
 * - Per conversation: strictly in order, one at a time (a thread's replies must follow its root),
 *   each attempt paced by that conversation's sliding windows and by the tenant's.
 * - Different conversations run concurrently; only the tenant limiter couples them.
 * - Failures go through retryPolicy: transient ones are retried (and re-paced: a retry is a send),
 *   permanent ones end the job with a reason the caller can act on.
 * - `enqueue` never throws and never rejects: the caller gets a SendOutcome.
 *
 * Independent of botbuilder: `run` is whatever closure makes the call, and time is injected so tests
 * run on a virtual clock.
 */
import { RateWindow, SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS } from './rateLimits';
import {
  FailureReason,
  FailureShape,
  RetryDecision,
  RetryOptions,
  decideRetry,
  describeFailure,
  resolveRetryOptions,
} from './retryPolicy';
import type { Logger } from '../logger';

export type SendOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | {
      ok: false;
      reason: FailureReason;
      attempts: number;
      /** The last thrown value, untouched, for callers that need more than the shape. */
      error: unknown;
      failure: FailureShape;
    };

export interface SendJob<T> {
  conversationId: string;
  /** Jobs without a tenant share one bucket, which is the safe side of the per-tenant limit. */
  tenantId?: string;
  /**
   * Idempotency key, scoped to the conversation (e.g. `update:<planId>:<taskId>`). While a job with the
   * same key is queued, a new enqueue replaces its `run` (latest card wins) and shares its promise;
   * while it is running, see `whileRunning`.
   */
  key?: string;
  /**
   * What a same-key enqueue does while that key's job is already running:
   *  - 'join' (default): share the running job's promise. Right for posts: never a second card.
   *  - 'followUp': queue one more job after it (further enqueues coalesce into that one). Right for
   *    updates whose run renders state read at call time: the newest state still gets out.
   */
  whileRunning?: 'join' | 'followUp';
  /**
   * Makes the call. `signal` is aborted when the attempt runs out of time (see `attemptTimeoutMs`); pass it on to
   * the HTTP call so a connector that never answers does not keep a socket open forever.
   */
  run: (signal: AbortSignal) => Promise<T>;
}

export type SenderLogger = Pick<Logger, 'warn' | 'error'> & Partial<Pick<Logger, 'debug'>>;

export interface SenderLimits {
  conversation?: readonly RateWindow[];
  tenant?: readonly RateWindow[];
  /** Extra wait added to every pacing decision; see SlidingWindowLimiter. */
  marginMs?: number;
}

export interface OutgoingSenderOptions {
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  logger?: SenderLogger;
  limits?: SenderLimits;
  retry?: Partial<RetryOptions>;
  /** How often (at most) idle per-conversation state is swept, in clock milliseconds. */
  sweepIntervalMs?: number;
  /**
   * Real milliseconds one attempt may take before it counts as failed (code ETIMEDOUT). Without it a connector that
   * accepts the connection and never answers would hold its conversation's queue, and everything behind it, forever.
   * 0 disables. Real time, not `clock`: the timer must fire even when nothing else moves.
   */
  attemptTimeoutMs?: number;
}

/**
 * Generous: one attempt includes the connector client's own retries (up to 3, with backoff, see retryPolicy.ts),
 * and a healthy Bot Connector answers in well under a second.
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;

export interface SenderCounters {
  /** Jobs that ended ok. */
  sent: number;
  /** Calls of `run`, retries included. */
  attempts: number;
  retried: number;
  gaveUp: number;
  blocked: number;
  notFound: number;
  failed: number;
  /** Enqueues that replaced the run of a queued job with the same key. */
  coalesced: number;
  /** Enqueues that joined a running job with the same key. */
  joined: number;
  /** Attempts that got no answer within attemptTimeoutMs. */
  timedOut: number;
}

interface Entry {
  conversationId: string;
  tenantKey: string;
  key: string | undefined;
  run: (signal: AbortSignal) => Promise<unknown>;
  promise: Promise<SendOutcome<unknown>>;
  resolve: (o: SendOutcome<unknown>) => void;
  state: 'queued' | 'running';
}

interface ConversationState {
  queue: Entry[];
  busy: boolean;
  limiter: SlidingWindowLimiter;
}

interface KeySlot {
  running?: Entry;
  queued?: Entry;
}

const NO_TENANT = '\u0000no-tenant';

/** What a cut-off attempt fails with; ETIMEDOUT makes retryPolicy treat it as a network failure. */
export class AttemptTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(readonly timeoutMs: number) {
    super(`The call got no answer within ${timeoutMs} ms.`);
    this.name = 'AttemptTimeoutError';
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class OutgoingSender {
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly logger: SenderLogger | undefined;
  private readonly conversationWindows: readonly RateWindow[];
  private readonly tenantWindows: readonly RateWindow[];
  private readonly marginMs: number;
  private readonly retry: RetryOptions;
  private readonly sweepIntervalMs: number;
  private readonly attemptTimeoutMs: number;

  private readonly conversations = new Map<string, ConversationState>();
  private readonly tenants = new Map<string, SlidingWindowLimiter>();
  private readonly keys = new Map<string, KeySlot>();
  private pending = 0;
  private drainWaiters: Array<() => void> = [];
  private lastSweep: number;
  private readonly count: SenderCounters = {
    sent: 0,
    attempts: 0,
    retried: 0,
    gaveUp: 0,
    blocked: 0,
    notFound: 0,
    failed: 0,
    coalesced: 0,
    joined: 0,
    timedOut: 0,
  };

  constructor(options: OutgoingSenderOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.logger = options.logger;
    this.conversationWindows = options.limits?.conversation ?? TEAMS_CONVERSATION_LIMITS;
    this.tenantWindows = options.limits?.tenant ?? TEAMS_TENANT_LIMITS;
    this.marginMs = options.limits?.marginMs ?? 0;
    this.retry = resolveRetryOptions(options.retry);
    // The largest window is the longest any state must live; sweeping much more often buys nothing.
    this.sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    if (!Number.isFinite(this.attemptTimeoutMs) || this.attemptTimeoutMs < 0)
      throw new Error(`invalid attemptTimeoutMs: ${options.attemptTimeoutMs}`);
    // Fail fast on bad limits at construction rather than on the first send.
    new SlidingWindowLimiter(this.conversationWindows, this.marginMs);
    new SlidingWindowLimiter(this.tenantWindows, this.marginMs);
    this.lastSweep = this.now();
  }

  enqueue<T>(job: SendJob<T>): Promise<SendOutcome<T>> {
    try {
      return this.enqueueUnsafe(job) as Promise<SendOutcome<T>>;
    } catch (error) {
      // Only a malformed job or a throwing clock can get here; still an outcome, never a throw.
      this.count.failed++;
      return Promise.resolve({ ok: false, reason: 'failed', attempts: 0, error, failure: describeFailure(error) });
    }
  }

  /** Resolves once every queued and running job has finished. */
  drain(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  get counters(): Readonly<SenderCounters> {
    return { ...this.count };
  }

  /** Sizes of the internal maps, for memory tests and diagnostics. */
  stats(): { conversations: number; tenants: number; keys: number; pending: number } {
    return {
      conversations: this.conversations.size,
      tenants: this.tenants.size,
      keys: this.keys.size,
      pending: this.pending,
    };
  }

  /**
   * Drops per-conversation and per-tenant state that can no longer influence pacing. Runs by itself
   * now and then from enqueue and job completion; public for shutdown and tests.
   */
  sweep(): void {
    const now = this.now();
    this.lastSweep = now;
    for (const [id, c] of this.conversations) {
      if (!c.busy && c.queue.length === 0 && c.limiter.isIdle(now)) this.conversations.delete(id);
    }
    for (const [id, t] of this.tenants) {
      // A tenant limiter holds only history, so dropping an empty one loses nothing.
      if (t.isIdle(now)) this.tenants.delete(id);
    }
  }

  private enqueueUnsafe(job: SendJob<unknown>): Promise<SendOutcome<unknown>> {
    if (job === null || typeof job !== 'object' || typeof job.run !== 'function') {
      throw new TypeError('enqueue needs a job with a run() function');
    }
    if (typeof job.conversationId !== 'string' || job.conversationId === '') {
      throw new TypeError('enqueue needs a conversationId');
    }
    const conversationId = job.conversationId;
    const slotKey = job.key !== undefined ? `${conversationId}\u0000${job.key}` : undefined;
    const slot = slotKey !== undefined ? this.keys.get(slotKey) : undefined;

    if (slot?.queued) {
      // Not started yet: the newer run carries the newer card, and the queue position stays.
      slot.queued.run = job.run;
      this.count.coalesced++;
      return slot.queued.promise;
    }
    if (slot?.running && (job.whileRunning ?? 'join') === 'join') {
      this.count.joined++;
      return slot.running.promise;
    }

    let resolve!: (o: SendOutcome<unknown>) => void;
    const promise = new Promise<SendOutcome<unknown>>((r) => (resolve = r));
    const entry: Entry = {
      conversationId,
      tenantKey: job.tenantId ?? NO_TENANT,
      key: slotKey,
      run: job.run,
      promise,
      resolve,
      state: 'queued',
    };
    if (slotKey !== undefined) {
      if (slot) slot.queued = entry;
      else this.keys.set(slotKey, { queued: entry });
    }

    let conv = this.conversations.get(conversationId);
    if (!conv) {
      conv = { queue: [], busy: false, limiter: new SlidingWindowLimiter(this.conversationWindows, this.marginMs) };
      this.conversations.set(conversationId, conv);
    }
    conv.queue.push(entry);
    this.pending++;
    if (!conv.busy) {
      conv.busy = true;
      void this.pump(conversationId, conv);
    }
    this.maybeSweep();
    return promise;
  }

  /** One loop per conversation with work: that is what keeps a conversation strictly ordered. */
  private async pump(conversationId: string, conv: ConversationState): Promise<void> {
    try {
      for (let entry = conv.queue.shift(); entry !== undefined; entry = conv.queue.shift()) {
        this.markRunning(entry);
        let outcome: SendOutcome<unknown>;
        try {
          outcome = await this.execute(entry, conv);
        } catch (error) {
          // execute() guards its own awaits; this only catches what an injected clock/sleep throws.
          this.count.failed++;
          outcome = { ok: false, reason: 'failed', attempts: 0, error, failure: describeFailure(error) };
        }
        this.finish(entry, outcome);
      }
    } finally {
      conv.busy = false;
      if (conv.queue.length > 0) {
        // Only reachable if finish() itself threw; restart rather than strand the queue.
        conv.busy = true;
        void this.pump(conversationId, conv);
      } else if (conv.limiter.isIdle(this.now()) && this.conversations.get(conversationId) === conv) {
        this.conversations.delete(conversationId);
      }
      this.maybeSweep();
    }
  }

  private markRunning(entry: Entry): void {
    entry.state = 'running';
    if (entry.key === undefined) return;
    const slot = this.keys.get(entry.key);
    if (slot && slot.queued === entry) {
      slot.queued = undefined;
      slot.running = entry;
    }
  }

  private finish(entry: Entry, outcome: SendOutcome<unknown>): void {
    if (entry.key !== undefined) {
      const slot = this.keys.get(entry.key);
      if (slot && slot.running === entry) {
        slot.running = undefined;
        if (!slot.queued) this.keys.delete(entry.key);
      }
    }
    entry.resolve(outcome);
    this.pending--;
    if (this.pending === 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async execute(entry: Entry, conv: ConversationState): Promise<SendOutcome<unknown>> {
    let attempts = 0;
    let firstStart = 0;
    for (;;) {
      await this.acquire(conv.limiter, entry.tenantKey);
      attempts++;
      this.count.attempts++;
      if (attempts === 1) firstStart = this.now();
      let error: unknown;
      try {
        const value = await this.attempt(entry);
        this.count.sent++;
        return { ok: true, value, attempts };
      } catch (e) {
        error = e;
      }
      const failure = describeFailure(error);
      const now = this.now();
      const timedOut = error instanceof AttemptTimeoutError;
      // A call that got no answer may still have been carried out (a post stored, say), like a 500, so it is retried
      // only as often as a 500: an update is idempotent, but a second post would be a duplicate card.
      const decision: RetryDecision =
        timedOut && attempts >= Math.min(this.retry.maxAttempts, this.retry.maxAttemptsOn500)
          ? {
              retry: false,
              reason: 'gaveUp',
              cls: 'transient',
              why: `${attempts} attempts timed out (limit ${this.retry.maxAttemptsOn500})`,
            }
          : decideRetry(
              failure,
              { attempt: attempts, elapsedMs: Math.max(0, now - firstStart), now },
              this.retry,
              this.random,
            );
      const logFields = { conversationId: entry.conversationId, attempts, ...failure };
      if (decision.retry) {
        this.count.retried++;
        this.log('debug', { ...logFields, delayMs: decision.delayMs }, 'outgoing send failed, retrying');
        await this.sleepSafely(decision.delayMs);
        continue;
      }
      this.count[decision.reason]++;
      const level = decision.reason === 'gaveUp' || decision.reason === 'failed' ? 'error' : 'warn';
      this.log(level, { ...logFields, reason: decision.reason, why: decision.why }, 'outgoing send not delivered');
      return { ok: false, reason: decision.reason, attempts, error, failure };
    }
  }

  /** One call of `run`, cut off after attemptTimeoutMs; a late answer or failure of a cut-off call is ignored. */
  private attempt(entry: Entry): Promise<unknown> {
    const controller = new AbortController();
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(entry.run(controller.signal));
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.attemptTimeoutMs === 0) return running;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.count.timedOut++;
        const error = new AttemptTimeoutError(this.attemptTimeoutMs);
        controller.abort(error);
        reject(error);
      }, this.attemptTimeoutMs);
      // A pending attempt must not keep a process alive that is otherwise done.
      timer.unref?.();
      running.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** Waits until both limiters allow a send, then counts it in both without yielding in between. */
  private async acquire(limiter: SlidingWindowLimiter, tenantKey: string): Promise<void> {
    for (;;) {
      const now = this.now();
      let tenant = this.tenants.get(tenantKey);
      if (!tenant) {
        tenant = new SlidingWindowLimiter(this.tenantWindows, this.marginMs);
        this.tenants.set(tenantKey, tenant);
      }
      const wait = Math.max(limiter.delayUntilAllowed(now), tenant.delayUntilAllowed(now));
      if (wait <= 0) {
        limiter.record(now);
        tenant.record(now);
        return;
      }
      // Re-check after waking: another conversation of the same tenant may have taken the slot.
      await this.sleepSafely(wait);
    }
  }

  private async sleepSafely(ms: number): Promise<void> {
    // A failing sleep propagates (pump turns it into a 'failed' outcome): swallowing it would make the
    // pacing loop spin without ever yielding to the event loop.
    if (ms > 0) await this.sleep(ms);
  }

  private now(): number {
    const t = this.clock();
    return Number.isFinite(t) ? t : Date.now();
  }

  private maybeSweep(): void {
    if (this.now() - this.lastSweep >= this.sweepIntervalMs) this.sweep();
  }

  private log(level: 'debug' | 'warn' | 'error', obj: object, msg: string): void {
    try {
      const logger = this.logger;
      if (logger && typeof logger[level] === 'function') logger[level](obj, msg);
    } catch {
      // Logging must never turn a handled failure into an unhandled one.
    }
  }
}
