import { TEAMS_CONVERSATION_LIMITS } from '../../src/messaging/rateLimits';
import { OutgoingSender, OutgoingSenderOptions, SendOutcome, SenderLogger } from '../../src/messaging/sender';
import { FakeClock, maxInAnyWindow, minimumStartTimes } from '../helpers/fakeClock';

/** The shape botbuilder's connector throws (RestError-like), with Teams error codes in the body. */
function httpError(statusCode: number, opts: { retryAfter?: string; code?: string } = {}): Error {
  const headers = new Map<string, string>();
  if (opts.retryAfter !== undefined) headers.set('retry-after', opts.retryAfter);
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: {
      status: statusCode,
      headers: { get: (n: string) => headers.get(n.toLowerCase()) },
      parsedBody: opts.code ? { error: { code: opts.code, message: opts.code } } : undefined,
    },
  });
}

function setup(extra: Partial<OutgoingSenderOptions> = {}): { clock: FakeClock; sender: OutgoingSender } {
  const clock = new FakeClock();
  const sender = new OutgoingSender({ clock: clock.now, sleep: clock.sleep, random: () => 0.5, ...extra });
  return { clock, sender };
}

/** A run that records when it started and optionally takes virtual time. */
function recorder(clock: FakeClock, latencyMs = 0): { starts: number[]; run: () => Promise<number> } {
  const starts: number[] = [];
  return {
    starts,
    run: async () => {
      starts.push(clock.now());
      if (latencyMs > 0) await clock.sleep(latencyMs);
      return starts.length;
    },
  };
}

function expectWithinTeamsLimits(stamps: number[]): void {
  for (const w of TEAMS_CONVERSATION_LIMITS) {
    expect(maxInAnyWindow(stamps, w.windowMs)).toBeLessThanOrEqual(w.limit);
  }
}

describe('OutgoingSender pacing', () => {
  it('sends 100 messages to one conversation within every window, in the minimum time', async () => {
    const { clock, sender } = setup();
    const r = recorder(clock);
    const outcomes = Array.from({ length: 100 }, () => sender.enqueue({ conversationId: 'c1', run: r.run }));
    const results = await clock.run(Promise.all(outcomes));
    expect(results.every((o) => o.ok)).toBe(true);
    // Run order is enqueue order.
    expect(results.map((o) => (o.ok ? o.value : -1))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expectWithinTeamsLimits(r.starts);
    expect(r.starts).toEqual(minimumStartTimes(100, TEAMS_CONVERSATION_LIMITS));
    // 13 cards (a full Connect plan) start within 2 s, 60 within 14 s; the 61st waits for the 30 s window.
    expect(r.starts[12]).toBe(2000);
    expect(r.starts[59]).toBe(14000);
    expect(r.starts[60]).toBe(30000);
    expect(r.starts[99]).toBe(39000);
    expect(sender.counters).toMatchObject({ sent: 100, attempts: 100, retried: 0 });
  });

  it('with 150 ms per call, 13 and 60 cards take the serial-plus-limits minimum', async () => {
    for (const n of [13, 60]) {
      const { clock, sender } = setup();
      const r = recorder(clock, 150);
      const all = Promise.all(Array.from({ length: n }, () => sender.enqueue({ conversationId: 'c', run: r.run })));
      await clock.run(all);
      const min = minimumStartTimes(n, TEAMS_CONVERSATION_LIMITS, 150);
      expect(r.starts).toEqual(min);
      expectWithinTeamsLimits(r.starts);
      // Completion = last start + its latency.
      expect(clock.now()).toBe(min[n - 1] + 150);
    }
  });

  it('runs one conversation strictly in order, one job at a time', async () => {
    const { clock, sender } = setup();
    let running = 0;
    let maxRunning = 0;
    const order: number[] = [];
    const jobs = [300, 10, 200, 0, 50].map((latency, i) =>
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          order.push(i);
          await clock.sleep(latency);
          running--;
        },
      }),
    );
    await clock.run(Promise.all(jobs));
    expect(maxRunning).toBe(1);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets two conversations proceed independently', async () => {
    const { clock, sender } = setup();
    const a = recorder(clock, 100);
    const b = recorder(clock, 100);
    const all = Promise.all([
      ...Array.from({ length: 14 }, () => sender.enqueue({ conversationId: 'a', tenantId: 't', run: a.run })),
      ...Array.from({ length: 14 }, () => sender.enqueue({ conversationId: 'b', tenantId: 't', run: b.run })),
    ]);
    await clock.run(all);
    // Each gets exactly the schedule it would get alone.
    expect(a.starts).toEqual(minimumStartTimes(14, TEAMS_CONVERSATION_LIMITS, 100));
    expect(b.starts).toEqual(a.starts);
  });

  it('a conversation waiting on Retry-After does not hold up another', async () => {
    const { clock, sender } = setup();
    let calls = 0;
    const slow = sender.enqueue({
      conversationId: 'a',
      run: async () => {
        if (calls++ === 0) throw httpError(429, { retryAfter: '10' });
        return 'a';
      },
    });
    const b = recorder(clock);
    const fast = sender.enqueue({ conversationId: 'b', run: b.run });
    const fastOutcome = await clock.run(fast);
    expect(fastOutcome.ok).toBe(true);
    expect(clock.now()).toBe(0);
    await clock.run(slow);
    expect(clock.now()).toBe(10000);
  });

  it('caps a tenant at 30 sends per second across its conversations; other tenants are not held back', async () => {
    const { clock, sender } = setup();
    const tenantStamps: number[] = [];
    const other = recorder(clock);
    const jobs: Promise<SendOutcome<unknown>>[] = [];
    for (let c = 0; c < 10; c++) {
      for (let i = 0; i < 7; i++) {
        jobs.push(
          sender.enqueue({
            conversationId: `t1-c${c}`,
            tenantId: 't1',
            run: async () => {
              tenantStamps.push(clock.now());
            },
          }),
        );
      }
    }
    jobs.push(sender.enqueue({ conversationId: 't2-c', tenantId: 't2', run: other.run }));
    await clock.run(Promise.all(jobs));
    expect(tenantStamps).toHaveLength(70);
    expect(maxInAnyWindow(tenantStamps, 1000)).toBeLessThanOrEqual(30);
    // 70 sends at 30/s: 30 at 0 s, 30 at 1 s, 10 at 2 s.
    expect(Math.max(...tenantStamps)).toBe(2000);
    expect(other.starts).toEqual([0]);
  });
});

describe('OutgoingSender retries', () => {
  it('waits at least Retry-After (3 s) before retrying a 429', async () => {
    const { clock, sender } = setup();
    const starts: number[] = [];
    const outcome = await clock.run(
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          starts.push(clock.now());
          if (starts.length === 1) throw httpError(429, { retryAfter: '3' });
          return 'ok';
        },
      }),
    );
    expect(outcome).toEqual({ ok: true, value: 'ok', attempts: 2 });
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(3000);
    expect(sender.counters).toMatchObject({ sent: 1, attempts: 2, retried: 1 });
  });

  it('backs off exponentially within ±20% jitter without Retry-After, then gives up', async () => {
    const randoms = [0, 0.999, 0.3];
    const { clock, sender } = setup({ random: () => randoms.shift() ?? 0.5 });
    const starts: number[] = [];
    const outcome = await clock.run(
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          starts.push(clock.now());
          throw httpError(429);
        },
      }),
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'gaveUp', attempts: 4 });
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    [2000, 4000, 8000].forEach((nominal, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(nominal * 0.8);
      expect(gaps[i]).toBeLessThanOrEqual(nominal * 1.2);
    });
    // The injected randoms pin the exact values: low edge, high edge, inside.
    expect(gaps).toEqual([1600, 4798, 7360]);
    expect(sender.counters).toMatchObject({ gaveUp: 1, retried: 3, attempts: 4 });
  });

  it('re-paces retries through the limiter: a retry is a send too', async () => {
    const { clock, sender } = setup();
    const stamps: number[] = [];
    let failedOnce = false;
    const jobs = Array.from({ length: 9 }, (_, i) =>
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          stamps.push(clock.now());
          if (i === 6 && !failedOnce) {
            failedOnce = true;
            throw httpError(412, { retryAfter: '0' });
          }
        },
      }),
    );
    await clock.run(Promise.all(jobs));
    // 10 attempts (one retry). The retry waits for the 1 s window although Retry-After said 0.
    expect(stamps).toHaveLength(10);
    expectWithinTeamsLimits(stamps);
    expect(stamps).toEqual(minimumStartTimes(10, TEAMS_CONVERSATION_LIMITS));
  });

  it('403 → blocked after one attempt, no retry', async () => {
    const { clock, sender } = setup();
    const run = jest.fn(async () => {
      throw httpError(403, { code: 'MessageWritesBlocked' });
    });
    const outcome = await clock.run(sender.enqueue({ conversationId: 'c', run }));
    expect(outcome).toMatchObject({ ok: false, reason: 'blocked', attempts: 1 });
    if (!outcome.ok) expect(outcome.failure).toMatchObject({ statusCode: 403, code: 'MessageWritesBlocked' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(clock.now()).toBe(0);
  });

  it('404 ActivityNotFoundInConversation on an update → notFound', async () => {
    const { clock, sender } = setup();
    const run = jest.fn(async () => {
      throw httpError(404, { code: 'ActivityNotFoundInConversation' });
    });
    const outcome = await clock.run(sender.enqueue({ conversationId: 'c', key: 'update:task-3', run }));
    expect(outcome).toMatchObject({ ok: false, reason: 'notFound', attempts: 1 });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('persistent 500 → gaveUp after the bounded attempts (2), logged as an error', async () => {
    const logger: SenderLogger = { debug: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const { clock, sender } = setup({ logger });
    const run = jest.fn(async () => {
      throw httpError(500);
    });
    const outcome = await clock.run(sender.enqueue({ conversationId: 'c', run }));
    expect(outcome).toMatchObject({ ok: false, reason: 'gaveUp', attempts: 2 });
    expect(run).toHaveBeenCalledTimes(2);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ conversationId: 'c', statusCode: 500, reason: 'gaveUp' }),
      expect.any(String),
    );
  });

  it('persistent 502 → gaveUp after maxAttempts, within the total time budget', async () => {
    const { clock, sender } = setup({ retry: { maxAttempts: 10, maxTotalMs: 25_000 } });
    const run = jest.fn(async () => {
      throw httpError(502);
    });
    const outcome = await clock.run(sender.enqueue({ conversationId: 'c', run }));
    expect(outcome).toMatchObject({ ok: false, reason: 'gaveUp' });
    // 2 + 4 + 8 = 14 s of backoff; 16 s more would pass 25 s, so it stops at 4 attempts without waiting.
    expect(run).toHaveBeenCalledTimes(4);
    expect(clock.now()).toBe(14000);
  });

  it('400 → failed at once; a network error is retried', async () => {
    const { clock, sender } = setup();
    const bad = await clock.run(
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          throw httpError(400);
        },
      }),
    );
    expect(bad).toMatchObject({ ok: false, reason: 'failed', attempts: 1 });
    let n = 0;
    const flaky = await clock.run(
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          if (n++ === 0) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
          return 'delivered';
        },
      }),
    );
    expect(flaky).toEqual({ ok: true, value: 'delivered', attempts: 2 });
  });

  it('never lets anything thrown by run escape', async () => {
    const { clock, sender } = setup();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => {
      unhandled.push(e);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const throwers: Array<() => Promise<unknown>> = [
        () => {
          throw new Error('sync throw');
        },
        () => Promise.reject('a string'),
        () => Promise.reject(undefined),
        () =>
          Promise.reject({
            get statusCode(): number {
              throw new Error('getter');
            },
          }),
        async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'id')");
        },
      ];
      const outcomes = await clock.run(
        Promise.all(throwers.map((run, i) => sender.enqueue({ conversationId: `c${i % 2}`, run }))),
      );
      for (const o of outcomes) expect(o).toMatchObject({ ok: false, reason: 'failed', attempts: 1 });
      // Malformed jobs also come back as outcomes.
      const malformed = await sender.enqueue({ conversationId: '', run: async () => 1 });
      expect(malformed).toMatchObject({ ok: false, reason: 'failed', attempts: 0 });
      const noRun = await sender.enqueue({ conversationId: 'c' } as never);
      expect(noRun).toMatchObject({ ok: false, reason: 'failed' });
      await clock.flush();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a throwing logger does not break delivery', async () => {
    const boom = (): void => {
      throw new Error('logger down');
    };
    const { clock, sender } = setup({ logger: { debug: boom, warn: boom, error: boom } });
    let n = 0;
    const outcome = await clock.run(
      sender.enqueue({
        conversationId: 'c',
        run: async () => {
          if (n++ === 0) throw httpError(503);
          return 1;
        },
      }),
    );
    expect(outcome).toMatchObject({ ok: true, attempts: 2 });
  });
});

describe('OutgoingSender idempotency keys', () => {
  it('a duplicate key while queued or running → run called once, same promise', async () => {
    const { clock, sender } = setup();
    const run = jest.fn(async () => {
      await clock.sleep(500);
      return 'posted';
    });
    // An idle conversation starts the first job at once, so the duplicates join a running job.
    const first = sender.enqueue({ conversationId: 'c', key: 'post:task-1', run });
    const second = sender.enqueue({ conversationId: 'c', key: 'post:task-1', run });
    expect(second).toBe(first);
    await clock.advance(100);
    const third = sender.enqueue({ conversationId: 'c', key: 'post:task-1', run });
    expect(third).toBe(first);
    expect(await clock.run(first)).toEqual({ ok: true, value: 'posted', attempts: 1 });
    expect(run).toHaveBeenCalledTimes(1);
    expect(sender.counters).toMatchObject({ sent: 1, coalesced: 0, joined: 2 });
    // Once finished, the key is free again: a later request is a new send.
    await clock.run(sender.enqueue({ conversationId: 'c', key: 'post:task-1', run }));
    expect(run).toHaveBeenCalledTimes(2);
    expect(sender.stats().keys).toBe(0);
  });

  it('keys are scoped to their conversation', async () => {
    const { clock, sender } = setup();
    const run = jest.fn(async () => 1);
    const a = sender.enqueue({ conversationId: 'a', key: 'k', run });
    const b = sender.enqueue({ conversationId: 'b', key: 'k', run });
    expect(b).not.toBe(a);
    await clock.run(Promise.all([a, b]));
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('coalesces a queued job: the latest card wins and keeps its place in the queue', async () => {
    const { clock, sender } = setup();
    const calls: string[] = [];
    const blocker = sender.enqueue({
      conversationId: 'c',
      run: async () => {
        calls.push('blocker');
        await clock.sleep(1000);
      },
    });
    const v1 = sender.enqueue({ conversationId: 'c', key: 'update:task-2', run: async () => calls.push('v1') });
    const other = sender.enqueue({ conversationId: 'c', run: async () => calls.push('other') });
    const v2 = sender.enqueue({ conversationId: 'c', key: 'update:task-2', run: async () => calls.push('v2') });
    expect(v2).toBe(v1);
    await clock.run(Promise.all([blocker, v1, other]));
    expect(calls).toEqual(['blocker', 'v2', 'other']);
    expect(sender.counters).toMatchObject({ coalesced: 1, sent: 3 });
  });

  it("whileRunning 'followUp' queues one more run after the running one, coalescing further requests", async () => {
    const { clock, sender } = setup();
    const calls: string[] = [];
    const update = (v: string) => ({
      conversationId: 'c',
      key: 'update:summary',
      whileRunning: 'followUp' as const,
      run: async () => {
        calls.push(v);
        await clock.sleep(300);
        return v;
      },
    });
    const p1 = sender.enqueue(update('v1'));
    await clock.advance(10); // v1 is running
    const p2 = sender.enqueue(update('v2'));
    const p3 = sender.enqueue(update('v3'));
    expect(p2).not.toBe(p1);
    expect(p3).toBe(p2);
    const [o1, o2] = await clock.run(Promise.all([p1, p2]));
    expect(calls).toEqual(['v1', 'v3']);
    expect(o1).toMatchObject({ ok: true, value: 'v1' });
    expect(o2).toMatchObject({ ok: true, value: 'v3' });
  });
});

describe('OutgoingSender lifecycle and memory', () => {
  it('drain waits for every queued and running job', async () => {
    const { clock, sender } = setup();
    await sender.drain(); // nothing pending: resolves at once
    const r = recorder(clock, 50);
    for (let i = 0; i < 20; i++) void sender.enqueue({ conversationId: `c${i % 3}`, run: r.run });
    expect(sender.stats().pending).toBe(20);
    await clock.run(sender.drain());
    expect(r.starts).toHaveLength(20);
    expect(sender.stats().pending).toBe(0);
    expect(sender.counters.sent).toBe(20);
  });

  it('frees per-conversation state once queues are empty and windows have expired', async () => {
    const { clock, sender } = setup();
    const N = 2000;
    for (let i = 0; i < N; i++) {
      void sender.enqueue({ conversationId: `conv-${i}`, tenantId: `tenant-${i % 50}`, key: 'k', run: async () => i });
    }
    await clock.run(sender.drain());
    // Within the hour their send times still matter for the 1800/h window, so they are kept.
    expect(sender.stats().conversations).toBe(N);
    await clock.advance(3_600_000);
    sender.sweep();
    expect(sender.stats()).toEqual({ conversations: 0, tenants: 0, keys: 0, pending: 0 });
  });

  it('sweeps by itself as new work arrives, so a stream of one-off conversations stays bounded', async () => {
    const { clock, sender } = setup();
    let peak = 0;
    // One new conversation every 10 s for 5 hours: 1800 conversations, never more than ~1 hour's worth held.
    for (let i = 0; i < 1800; i++) {
      await clock.run(sender.enqueue({ conversationId: `conv-${i}`, run: async () => i }));
      peak = Math.max(peak, sender.stats().conversations);
      await clock.advance(10_000);
    }
    expect(peak).toBeLessThanOrEqual(3_600_000 / 10_000 + 60_000 / 10_000 + 1);
    expect(sender.stats().tenants).toBeLessThanOrEqual(1);
  });
});
