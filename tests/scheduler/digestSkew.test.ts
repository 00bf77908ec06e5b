/**
 * Two reminder schedulers sharing one storage, with clocks that disagree, run over four days of virtual time:
 * checks every five minutes on each, sends that take minutes to go out. A period's digest is claimed in the
 * plan document before it is sent, and no instance sends a period another one has claimed, whatever its clock
 * says about the claim's age.
 */
import { MemoryStorage } from 'botbuilder';
import type { Delivery, DeliveryOutcome } from '../../src/actions/delivery';
import type { MessagePort } from '../../src/messaging/connectorPort';
import { createPlan, type Plan } from '../../src/domain/plan';
import { applyPlanEdit } from '../../src/domain/planEdits';
import type { SendJob } from '../../src/messaging/sender';
import { ReminderScheduler } from '../../src/scheduler/reminderScheduler';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { ReminderIndex } from '../../src/store/reminderIndex';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.parse('2026-12-01T00:00:00.000Z');
const LOCATION: PlanLocation = { tenantId: 'tenant-1', conversationId: '19:rollout@thread.tacv2' };
const ANA = { id: 'aad-ana', name: 'Ana Admin' };

interface Post {
  readonly at: number;
  readonly instance: string;
  readonly period: string;
}

/**
 * The shared world: real time, the sends waiting to go out, and what reached the conversation. Each instance's
 * clock is real time plus its skew; a send starts `slowMs` of real time after it was handed to delivery.
 */
class World {
  real = START;
  readonly posts: Post[] = [];
  readonly warnings: Array<{ instance: string; obj: unknown; msg: string }> = [];
  private readonly waiting: Array<{
    job: SendJob<unknown>;
    startsAt: number;
    instance: string;
    resolve: (outcome: DeliveryOutcome<unknown>) => void;
  }> = [];
  private sending: { instance: string; key: string } | undefined;
  private readonly timers: Array<{ at: number; resolve: () => void }> = [];
  readonly storage = new MemoryStorage();
  readonly planStore = new PlanStore(this.storage);
  readonly index = new ReminderIndex(this.storage);

  /** `stalled`: this instance's timers never fire (a process that hangs), so it cannot renew a claim it holds. */
  scheduler(instance: string, skewMs: number, slowMs: number, options: { stalled?: boolean } = {}): ReminderScheduler {
    const delivery: Pick<Delivery, 'send'> = {
      send: <T>(job: SendJob<T>) =>
        new Promise<DeliveryOutcome<T>>((resolve) =>
          this.waiting.push({
            job: job,
            startsAt: this.real + slowMs,
            instance,
            resolve: resolve as (outcome: DeliveryOutcome<unknown>) => void,
          }),
        ),
    };
    const port: MessagePort = {
      postMessage: async () => {
        const sending = this.sending!;
        this.posts.push({
          at: this.real,
          instance: sending.instance,
          period: sending.key.split(':').slice(2).join(':'),
        });
        return `activity-${this.posts.length}`;
      },
    };
    return new ReminderScheduler({
      planStore: this.planStore,
      index: this.index,
      delivery,
      port,
      clock: () => new Date(this.real + skewMs),
      logger: {
        info: () => undefined,
        warn: (obj: unknown, msg?: string) => void this.warnings.push({ instance, obj, msg: msg ?? '' }),
        error: (obj: unknown, msg?: string) => void this.warnings.push({ instance, obj, msg: msg ?? '' }),
      },
      hourUtc: 9,
      checkSeconds: 0,
      instanceId: instance,
      // Renewals of a held claim wait on this world's time, like everything else here.
      sleep: (ms, signal) =>
        new Promise<void>((resolve, reject) => {
          const timer = { at: options.stalled ? Number.POSITIVE_INFINITY : this.real + ms, resolve };
          this.timers.push(timer);
          signal.addEventListener('abort', () => {
            this.timers.splice(this.timers.indexOf(timer), 1);
            reject(signal.reason);
          });
        }),
    });
  }

  private fireTimers(): void {
    for (const timer of this.timers.filter((t) => t.at <= this.real)) {
      this.timers.splice(this.timers.indexOf(timer), 1);
      timer.resolve();
    }
  }

  /** Lets every promise chain that can move, move (storage here is memory: no real I/O). */
  async settle(): Promise<void> {
    for (let i = 0; i < 6; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Starts the sends whose time has come; each one's run is the scheduler's own (it may refuse to send). */
  async startDueSends(): Promise<void> {
    const due = this.waiting.filter((entry) => entry.startsAt <= this.real);
    for (const entry of due) {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      this.sending = { instance: entry.instance, key: entry.job.key ?? '' };
      try {
        const value = await entry.job.run(new AbortController().signal);
        entry.resolve({ ok: true, value, attempts: 1 });
      } catch (error) {
        entry.resolve({ ok: false, reason: 'failed', attempts: 1, error, failure: { message: String(error) } });
      }
      this.sending = undefined;
    }
  }

  /**
   * Runs real time from now to `until` a minute at a time; `checks` says which instance checks at which minute
   * of each five (as two timers that started at different moments would). Minutes in which nothing can happen (no
   * check, no timer and no send due) are passed over: storage here is memory, so every chain that is not waiting on
   * this world's time has finished within the minute before, and such a minute would only settle an idle world.
   */
  async run(
    until: number,
    checks: ReadonlyArray<{ scheduler: ReminderScheduler; offsetMinutes: number }>,
  ): Promise<void> {
    for (; this.real < until; this.real = this.nextBusyMinute(until, checks)) {
      this.fireTimers();
      await this.settle();
      await this.startDueSends();
      await this.settle();
      const minute = Math.round((this.real - START) / MINUTE);
      for (const { scheduler, offsetMinutes } of checks) {
        if (minute % 5 === offsetMinutes) void scheduler.runOnce();
      }
      await this.settle();
    }
    // Let whatever is still waiting go out, then the checks finish.
    while (this.waiting.length > 0) {
      this.real += MINUTE;
      this.fireTimers();
      await this.settle();
      await this.startDueSends();
      await this.settle();
    }
    await Promise.all(checks.map(({ scheduler }) => scheduler.runOnce()));
  }

  /** The first minute after now in which a check, a timer or a send is due, or the minute `until` falls in. */
  private nextBusyMinute(until: number, checks: ReadonlyArray<{ offsetMinutes: number }>): number {
    // A time's minute is the first whole minute (counted from now) at or after it, and never now itself.
    const minuteOf = (at: number) => this.real + Math.max(1, Math.ceil((at - this.real) / MINUTE)) * MINUTE;
    const minute = Math.round((this.real - START) / MINUTE);
    let next = minuteOf(until);
    for (let ahead = 1; ahead <= 5; ahead++) {
      if (checks.some(({ offsetMinutes }) => (minute + ahead) % 5 === offsetMinutes)) {
        next = Math.min(next, this.real + ahead * MINUTE);
        break;
      }
    }
    for (const timer of this.timers) next = Math.min(next, minuteOf(timer.at));
    for (const entry of this.waiting) next = Math.min(next, minuteOf(entry.startsAt));
    return next;
  }

  /** A channel plan with open tasks; reminders are turned on at `at`. */
  async planWithRemindersFrom(at: number): Promise<void> {
    const created = createPlan({
      id: 'plan-1',
      selection: { tool: 'cloudSync' },
      createdBy: ANA,
      at: new Date(START).toISOString(),
    });
    const plan = (
      applyPlanEdit(created, { kind: 'setReminders', cadence: 'daily' }, ANA, new Date(at).toISOString()) as {
        plan: Plan;
      }
    ).plan;
    await this.planStore.create(
      LOCATION,
      { plan, conversationId: LOCATION.conversationId, tenantId: LOCATION.tenantId, cards: [] },
      { replace: false },
    );
    await this.index.add(
      {
        location: LOCATION,
        planId: 'plan-1',
        fallback: { conversationId: LOCATION.conversationId, serviceUrl: 'http://127.0.0.1:9/' },
        since: new Date(at).toISOString(),
      },
      new Date(at),
      new Date(at),
    );
  }
}

/** Each digest went out on the day its period names (real time): none held up until a later day. */
function sentOnTheirDay(posts: readonly Post[]): boolean {
  return posts.every((post) => new Date(post.at).toISOString().slice(0, 10) === post.period.slice('daily:'.length));
}

function periodsSentTwice(posts: readonly Post[]): string[] {
  const seen = new Set<string>();
  return posts.flatMap((post) => (seen.has(post.period) ? [post.period] : (seen.add(post.period), [])));
}

describe('digests under clock skew: one per plan and period', () => {
  it('+15 min skew and sends that take 3 minutes: exactly 4 digests in 4 days, one per period', async () => {
    const world = new World();
    // Reminders go on at noon; the instance whose clock is behind happens to check first.
    world.real = START + 12 * HOUR;
    await world.planWithRemindersFrom(world.real);
    const behind = world.scheduler('behind', 0, 3 * MINUTE);
    const ahead = world.scheduler('ahead', 15 * MINUTE, 3 * MINUTE);
    await world.run(START + 4 * DAY, [
      { scheduler: behind, offsetMinutes: 0 },
      { scheduler: ahead, offsetMinutes: 2 },
    ]);
    expect(periodsSentTwice(world.posts)).toEqual([]);
    expect(world.posts.map((post) => post.period)).toEqual([
      'daily:2026-12-01',
      'daily:2026-12-02',
      'daily:2026-12-03',
      'daily:2026-12-04',
    ]);
    expect(sentOnTheirDay(world.posts)).toBe(true);
  });

  it('a send held up for 30 minutes is not sent again by the other instance, and nothing is lost', async () => {
    const world = new World();
    await world.planWithRemindersFrom(START);
    const a = world.scheduler('a', 0, 30 * MINUTE);
    const b = world.scheduler('b', 15 * MINUTE, 30 * MINUTE);
    await world.run(START + 4 * DAY, [
      { scheduler: a, offsetMinutes: 0 },
      { scheduler: b, offsetMinutes: 2 },
    ]);
    expect(periodsSentTwice(world.posts)).toEqual([]);
    expect(world.posts.map((post) => post.period)).toEqual([
      'daily:2026-12-01',
      'daily:2026-12-02',
      'daily:2026-12-03',
      'daily:2026-12-04',
    ]);
    expect(sentOnTheirDay(world.posts)).toBe(true);
  });

  it('an instance that stops renewing its claim loses it: the other sends the period once, the stalled one nothing', async () => {
    const world = new World();
    await world.planWithRemindersFrom(START);
    const stalled = world.scheduler('stalled', 15 * MINUTE, 40 * MINUTE, { stalled: true });
    const healthy = world.scheduler('healthy', 0, 1 * MINUTE);
    await world.run(START + DAY, [
      { scheduler: stalled, offsetMinutes: 0 },
      { scheduler: healthy, offsetMinutes: 2 },
    ]);
    expect(world.posts.map((post) => `${post.instance} ${post.period}`)).toEqual(['healthy daily:2026-12-01']);
  });

  it.each([
    ['+12 h', 12 * HOUR],
    ['-12 h', -12 * HOUR],
    ['+24 h', 24 * HOUR],
    ['-24 h', -24 * HOUR],
  ])('%s: no period is sent twice, and the clock disagreement is logged', async (_label, skewMs) => {
    const world = new World();
    world.real = START + 10 * HOUR;
    await world.planWithRemindersFrom(world.real);
    const a = world.scheduler('a', 0, 1 * MINUTE);
    const b = world.scheduler('b', skewMs, 1 * MINUTE);
    await world.run(START + 4 * DAY, [
      { scheduler: a, offsetMinutes: 0 },
      { scheduler: b, offsetMinutes: 2 },
    ]);
    expect(periodsSentTwice(world.posts)).toEqual([]);
    // Instances that disagree about the date can each serve "their" day once: at most one more than the days run.
    expect(world.posts.length).toBeGreaterThanOrEqual(3);
    expect(world.posts.length).toBeLessThanOrEqual(5);
    expect(world.warnings.some((w) => w.msg.includes('clock'))).toBe(true);
  });
});
