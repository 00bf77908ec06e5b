import { nextDigestAt, periodOpensAt, digestWanted } from '../../src/scheduler/schedule';
import { claimPeriod, recordSent, releaseClaim } from '../../src/scheduler/digestClaims';
import { ReminderScheduler } from '../../src/scheduler/reminderScheduler';
import { applyPlanEdit, createPlan, type Plan } from '../../src/domain/plan';
import type { PlanRecord } from '../../src/store/planStore';

const at = (iso: string) => new Date(iso);

describe('periodOpensAt / digestWanted / nextDigestAt (UTC)', () => {
  it.each([
    ['2026-12-02T08:59:59Z', 'daily', '2026-12-02T09:00:00.000Z'],
    ['2026-12-02T23:30:00Z', 'daily', '2026-12-02T09:00:00.000Z'],
    // 2 Dec 2026 is a Wednesday: the week opened on Monday 30 Nov.
    ['2026-12-02T08:00:00Z', 'weekly', '2026-11-30T09:00:00.000Z'],
    ['2026-11-30T08:00:00Z', 'weekly', '2026-11-30T09:00:00.000Z'],
    ['2026-12-06T23:59:00Z', 'weekly', '2026-11-30T09:00:00.000Z'],
  ] as const)('%s %s opens at %s', (now, cadence, opens) => {
    expect(periodOpensAt(at(now), cadence, 9).toISOString()).toBe(opens);
  });

  it('wants a digest only once the period is open and unsent', () => {
    expect(digestWanted(undefined, at('2026-12-02T08:59:00Z'), 'daily', 9)).toBe(false);
    expect(digestWanted(undefined, at('2026-12-02T09:00:00Z'), 'daily', 9)).toBe(true);
    expect(digestWanted('daily:2026-12-02', at('2026-12-02T18:00:00Z'), 'daily', 9)).toBe(false);
    expect(digestWanted('daily:2026-12-01', at('2026-12-02T18:00:00Z'), 'daily', 9)).toBe(true);
    expect(digestWanted('weekly:2026-W49', at('2026-12-02T18:00:00Z'), 'weekly', 9)).toBe(false);
  });

  it('tells people when the next digest comes', () => {
    expect(nextDigestAt(undefined, at('2026-12-02T10:00:00Z'), 'daily', 9)).toBe('soon');
    expect(nextDigestAt(undefined, at('2026-12-02T07:00:00Z'), 'daily', 9)).toEqual(at('2026-12-02T09:00:00Z'));
    expect(nextDigestAt('daily:2026-12-02', at('2026-12-02T10:00:00Z'), 'daily', 9)).toEqual(at('2026-12-03T09:00:00Z'));
    expect(nextDigestAt('weekly:2026-W49', at('2026-12-02T10:00:00Z'), 'weekly', 9)).toEqual(at('2026-12-07T09:00:00Z'));
  });
});

describe('claims on the plan record', () => {
  const actor = { id: 'aad-ana', name: 'Ana' };
  const base = createPlan({ id: 'p1', selection: { tool: 'cloudSync' }, createdBy: actor, at: '2026-12-01T00:00:00Z' });
  const daily = (applyPlanEdit(base, { kind: 'setReminders', cadence: 'daily' }, actor, '2026-12-01T00:00:00Z') as { plan: Plan }).plan;
  const record: PlanRecord = { plan: daily, conversationId: 'c', tenantId: 't', cards: [] };
  const now = at('2026-12-02T09:00:00Z');
  const request = { planId: 'p1', cadence: 'daily' as const, periodKey: 'daily:2026-12-02', now, leaseMs: 60_000 };

  it('claims, holds against others until expiry, and records without going backwards', () => {
    const mine = claimPeriod(record, { ...request, instanceId: 'a' });
    expect(mine.result).toBe('claimed');
    const claimed = mine.next!;
    expect(claimPeriod(claimed, { ...request, instanceId: 'b' }).result).toBe('held');
    expect(claimPeriod(claimed, { ...request, instanceId: 'b', now: at('2026-12-02T09:01:00.001Z') }).result).toBe('claimed');
    const sent = recordSent(claimed, { planId: 'p1', periodKey: 'daily:2026-12-02', now }).next!;
    expect(claimPeriod(sent, { ...request, instanceId: 'b' }).result).toBe('sent');
    const later = recordSent(sent, { planId: 'p1', periodKey: 'daily:2026-12-01', now }).next! as PlanRecord & { reminderRun: { lastSentPeriodKey: string } };
    expect(later.reminderRun.lastSentPeriodKey).toBe('daily:2026-12-02');
  });

  it('refuses a plan that changed, and releases only its own claim', () => {
    expect(claimPeriod(record, { ...request, instanceId: 'a', planId: 'other' }).result).toBe('changed');
    expect(claimPeriod(record, { ...request, instanceId: 'a', cadence: 'weekly' }).result).toBe('changed');
    const claimed = claimPeriod(record, { ...request, instanceId: 'a' }).next!;
    expect(releaseClaim(claimed, { planId: 'p1', periodKey: 'daily:2026-12-02', instanceId: 'b' }).next).toBeUndefined();
    expect((releaseClaim(claimed, { planId: 'p1', periodKey: 'daily:2026-12-02', instanceId: 'a' }).next as any).reminderRun).toEqual({});
  });
});

describe('ReminderScheduler timer', () => {
  it('does not keep the process alive and stops cleanly', async () => {
    const index = { list: jest.fn(async () => []) };
    const scheduler = new ReminderScheduler({
      planStore: {} as never,
      index: index as never,
      delivery: {} as never,
      port: {} as never,
      clock: () => new Date(),
      logger: { info: jest.fn(), warn: jest.fn(), error: jest.fn() },
      hourUtc: 9,
      checkSeconds: 3600,
    });
    scheduler.start();
    expect((scheduler as unknown as { timer: NodeJS.Timeout }).timer.hasRef()).toBe(false);
    await scheduler.stop();
    expect((scheduler as unknown as { timer?: NodeJS.Timeout }).timer).toBeUndefined();
    scheduler.start();
    expect((scheduler as unknown as { timer?: NodeJS.Timeout }).timer).toBeUndefined();
  });

  it('a storage failure while listing is logged, not thrown', async () => {
    const error = jest.fn();
    const scheduler = new ReminderScheduler({
      planStore: {} as never,
      index: { list: async () => Promise.reject(new Error('down')) } as never,
      delivery: {} as never,
      port: {} as never,
      clock: () => new Date(),
      logger: { info: jest.fn(), warn: jest.fn(), error },
      hourUtc: 9,
      checkSeconds: 0,
    });
    await expect(scheduler.runOnce()).resolves.toEqual({ results: [] });
    expect(error).toHaveBeenCalled();
  });
});
