import { nextDigestAt, periodOpensAt, digestWanted } from '../../src/domain/digestSchedule';
import { claimKey, claimPeriod, recordSent, releaseClaim, renewClaim } from '../../src/scheduler/digestClaims';
import { runOf } from '../../src/store/reminderRun';
import { ClaimWatch } from '../../src/scheduler/claimWatch';
import { ReminderScheduler } from '../../src/scheduler/reminderScheduler';
import { createPlan, type Plan } from '../../src/domain/plan';
import { applyPlanEdit } from '../../src/domain/planEdits';
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
    expect(nextDigestAt('daily:2026-12-02', at('2026-12-02T10:00:00Z'), 'daily', 9)).toEqual(
      at('2026-12-03T09:00:00Z'),
    );
    expect(nextDigestAt('weekly:2026-W49', at('2026-12-02T10:00:00Z'), 'weekly', 9)).toEqual(
      at('2026-12-07T09:00:00Z'),
    );
  });
});

describe('claims on the plan record', () => {
  const actor = { id: 'aad-ana', name: 'Ana' };
  const base = createPlan({ id: 'p1', selection: { tool: 'cloudSync' }, createdBy: actor, at: '2026-12-01T00:00:00Z' });
  const daily = (
    applyPlanEdit(base, { kind: 'setReminders', cadence: 'daily' }, actor, '2026-12-01T00:00:00Z') as { plan: Plan }
  ).plan;
  const record: PlanRecord = { plan: daily, conversationId: 'c', tenantId: 't', cards: [] };
  const now = at('2026-12-02T09:00:00Z');
  const request = { planId: 'p1', cadence: 'daily' as const, periodKey: 'daily:2026-12-02', now, token: 'token-1' };

  it('claims, holds against others whatever their clocks say until they may take it over, and records without going backwards', () => {
    const mine = claimPeriod(record, { ...request, instanceId: 'a' });
    expect(mine.result).toBe('claimed');
    const claimed = mine.next!;
    expect(runOf(claimed).claim).toEqual({
      periodKey: 'daily:2026-12-02',
      instanceId: 'a',
      token: 'token-1',
      at: '2026-12-02T09:00:00.000Z',
    });
    // A clock a day ahead sees no expiry in the claim: it holds, for this period and for "its" next one.
    expect(
      claimPeriod(claimed, {
        ...request,
        instanceId: 'b',
        token: 't2',
        now: at('2026-12-03T09:00:00Z'),
        periodKey: 'daily:2026-12-03',
      }).result,
    ).toBe('held');
    expect(claimPeriod(claimed, { ...request, instanceId: 'b', token: 't2', takeOver: 'another-claim' }).result).toBe(
      'held',
    );
    expect(
      claimPeriod(claimed, { ...request, instanceId: 'b', token: 't2', takeOver: claimKey(runOf(claimed).claim!) })
        .result,
    ).toBe('claimed');
    const sent = recordSent(claimed, { planId: 'p1', periodKey: 'daily:2026-12-02', now }).next!;
    expect(runOf(sent).claim).toBeUndefined();
    expect(claimPeriod(sent, { ...request, instanceId: 'b' }).result).toBe('sent');
    const later = recordSent(sent, { planId: 'p1', periodKey: 'daily:2026-12-01', now }).next! as PlanRecord & {
      reminderRun: { lastSentPeriodKey: string };
    };
    expect(later.reminderRun.lastSentPeriodKey).toBe('daily:2026-12-02');
  });

  it('refuses a plan that changed, and renews or releases only its own claim', () => {
    expect(claimPeriod(record, { ...request, instanceId: 'a', planId: 'other' }).result).toBe('changed');
    expect(claimPeriod(record, { ...request, instanceId: 'a', cadence: 'weekly' }).result).toBe('changed');
    const claimed = claimPeriod(record, { ...request, instanceId: 'a' }).next!;
    expect(renewClaim(claimed, { planId: 'p1', token: 'someone-else', next: 'token-2', now }).result).toBe(false);
    const renewed = renewClaim(claimed, {
      planId: 'p1',
      token: 'token-1',
      next: 'token-2',
      now: at('2026-12-02T09:03:00Z'),
    });
    expect(renewed.result).toBe(true);
    expect(runOf(renewed.next!).claim).toMatchObject({
      token: 'token-2',
      at: '2026-12-02T09:03:00.000Z',
      instanceId: 'a',
    });
    expect(releaseClaim(renewed.next!, { planId: 'p1', token: 'token-1' }).next).toBeUndefined();
    expect((releaseClaim(renewed.next!, { planId: 'p1', token: 'token-2' }).next as any).reminderRun).toEqual({});
  });
});

describe("ClaimWatch: leases timed on the watching instance's own clock", () => {
  const claim = { periodKey: 'daily:2026-12-02', instanceId: 'a', token: 't1', at: '2030-01-01T00:00:00.000Z' };

  it('a claim may be taken over after a whole lease of seeing it unchanged, whatever time it carries', () => {
    const watch = new ClaimWatch(10 * 60_000);
    expect(watch.observe('plan', claim, 0)).toBeUndefined();
    expect(watch.observe('plan', claim, 10 * 60_000 - 1)).toBeUndefined();
    expect(watch.observe('plan', claim, 10 * 60_000)).toBe('t1');
  });

  it('a renewal (new token) or a gap starts the lease again', () => {
    const watch = new ClaimWatch(10 * 60_000);
    watch.observe('plan', claim, 0);
    expect(watch.observe('plan', { ...claim, token: 't2' }, 9 * 60_000)).toBeUndefined();
    expect(watch.observe('plan', { ...claim, token: 't2' }, 18 * 60_000)).toBeUndefined();
    expect(watch.observe('plan', { ...claim, token: 't2' }, 19 * 60_000)).toBe('t2');
    expect(watch.observe('plan', undefined, 20 * 60_000)).toBeUndefined();
    expect(watch.observe('plan', { ...claim, token: 't2' }, 21 * 60_000)).toBeUndefined();
  });

  it('a claim stored by an older version (an expiry, no token) is watched the same way', () => {
    const watch = new ClaimWatch(60_000);
    const legacy = { periodKey: 'daily:2026-12-02', instanceId: 'old', expiresAt: '2026-12-02T09:10:00.000Z' };
    watch.observe('plan', legacy, 0);
    expect(watch.observe('plan', legacy, 60_000)).toBe(claimKey(legacy));
    watch.keepOnly(new Set());
    expect(watch.observe('plan', legacy, 120_000)).toBeUndefined();
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
