import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS } from '../../src/messaging/rateLimits';
import { maxInAnyWindow, minimumStartTimes } from '../helpers/fakeClock';

/** Sends n times as early as the limiter allows, on a clock that only moves by the limiter's waits. */
function greedySchedule(limiter: SlidingWindowLimiter, n: number, start = 0): number[] {
  const out: number[] = [];
  let now = start;
  for (let i = 0; i < n; i++) {
    now += limiter.delayUntilAllowed(now);
    expect(limiter.delayUntilAllowed(now)).toBe(0);
    limiter.record(now);
    out.push(now);
  }
  return out;
}

describe('Teams limits as data', () => {
  it('per conversation: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s', () => {
    expect(TEAMS_CONVERSATION_LIMITS).toEqual([
      { limit: 7, windowMs: 1000 },
      { limit: 8, windowMs: 2000 },
      { limit: 60, windowMs: 30000 },
      { limit: 1800, windowMs: 3600000 },
    ]);
  });

  it('per tenant: 30/1 s', () => {
    expect(TEAMS_TENANT_LIMITS).toEqual([{ limit: 30, windowMs: 1000 }]);
  });
});

describe('SlidingWindowLimiter', () => {
  it('allows 7 at once, then waits for the first to leave the 1 s window', () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 7; i++) {
      expect(l.delayUntilAllowed(0)).toBe(0);
      l.record(0);
    }
    expect(l.delayUntilAllowed(0)).toBe(1000);
    expect(l.delayUntilAllowed(400)).toBe(600);
    expect(l.delayUntilAllowed(1000)).toBe(0);
  });

  it('applies the 8 per 2 s window after the 1 s window frees up', () => {
    const l = new SlidingWindowLimiter();
    for (let i = 0; i < 7; i++) l.record(0);
    l.record(1000);
    // 8 sends in (0, 2000]: the one at 0 must leave the 2 s window.
    expect(l.delayUntilAllowed(1000)).toBe(1000);
    expect(l.delayUntilAllowed(1500)).toBe(500);
  });

  it('takes the largest wait across windows', () => {
    const l = new SlidingWindowLimiter([
      { limit: 2, windowMs: 100 },
      { limit: 3, windowMs: 1000 },
    ]);
    l.record(0);
    l.record(50);
    l.record(200);
    // 100 ms window: one send in (150, 250] → fine; 1000 ms window: 3 sends → wait until 0 + 1000.
    expect(l.delayUntilAllowed(250)).toBe(750);
  });

  it('adds the margin to every wait', () => {
    const l = new SlidingWindowLimiter([{ limit: 1, windowMs: 1000 }], 25);
    l.record(0);
    expect(l.delayUntilAllowed(0)).toBe(1025);
    expect(l.delayUntilAllowed(1025)).toBe(0);
  });

  it('rejects windows that would never allow a send', () => {
    expect(() => new SlidingWindowLimiter([])).toThrow();
    expect(() => new SlidingWindowLimiter([{ limit: 0, windowMs: 1000 }])).toThrow();
    expect(() => new SlidingWindowLimiter([{ limit: 1.5, windowMs: 1000 }])).toThrow();
    expect(() => new SlidingWindowLimiter([{ limit: 1, windowMs: 0 }])).toThrow();
    expect(() => new SlidingWindowLimiter([{ limit: 1, windowMs: Number.NaN }])).toThrow();
  });

  it('greedy sends for 100 messages match the theoretical minimum and never exceed a window', () => {
    const stamps = greedySchedule(new SlidingWindowLimiter(), 100);
    expect(stamps).toEqual(minimumStartTimes(100, TEAMS_CONVERSATION_LIMITS));
    for (const w of TEAMS_CONVERSATION_LIMITS) {
      expect(maxInAnyWindow(stamps, w.windowMs)).toBeLessThanOrEqual(w.limit);
    }
    // 7 at each even second, 1 at each odd one; the 61st waits for the 30 s window.
    expect(stamps.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
    expect(stamps[12]).toBe(2000);
    expect(stamps[59]).toBe(14000);
    expect(stamps[60]).toBe(30000);
  });

  it('respects the hourly window: 1801st send waits for the first to be an hour old', () => {
    const stamps = greedySchedule(new SlidingWindowLimiter(), 1801);
    expect(maxInAnyWindow(stamps, 3_600_000)).toBeLessThanOrEqual(1800);
    expect(stamps[1800]).toBe(3_600_000);
    expect(stamps).toEqual(minimumStartTimes(1801, TEAMS_CONVERSATION_LIMITS));
  });

  it('keeps only timestamps inside the largest window, and becomes idle after it', () => {
    const l = new SlidingWindowLimiter();
    // Five hours at one send every 2 s: 9000 sends, at most 1800 ever held.
    let peak = 0;
    for (let t = 0; t < 5 * 3_600_000; t += 2000) {
      l.record(t);
      peak = Math.max(peak, l.size);
    }
    expect(peak).toBeLessThanOrEqual(1800);
    const last = 5 * 3_600_000 - 2000;
    expect(l.isIdle(last + 3_599_999)).toBe(false);
    expect(l.isIdle(last + 3_600_000)).toBe(true);
    expect(l.size).toBe(0);
  });

  it('stays correct when the wall clock steps backwards', () => {
    const l = new SlidingWindowLimiter([{ limit: 2, windowMs: 1000 }]);
    l.record(5000);
    l.record(4800);
    // Both are in the window ending at 5000, so a third waits for 4800 to leave.
    expect(l.delayUntilAllowed(5000)).toBe(800);
  });
});
