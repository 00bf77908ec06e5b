/**
 * Discarded and replaced plans are kept for 30 days (by the clock), restorable, listed in the plan log, and their
 * copies are deleted lazily once they are not restorable any more.
 */
import { MemoryStorage } from 'botbuilder';
import { applyAction, createPlan, type Actor, type Plan } from '../../src/domain/plan';
import { KEEP_DAYS } from '../../src/domain/planRetention';
import type { PlanLogEntry } from '../../src/domain/planRetention';
import { MAX_KEPT_PLANS, PLAN_LOG_LIMIT, nextLog } from '../../src/store/planLog';
import { PlanStore, type PlanLocation, type PlanRecord } from '../../src/store/planStore';
import type { DecisionRecord } from '../../src/store/decisionStore';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const BEN: Actor = { id: 'aad-ben', name: 'Ben' };
const T0 = '2026-12-01T09:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const CHAT: PlanLocation = { tenantId: 'tenant-1', conversationId: '19:crew@thread.v2' };
const at = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();

const plan = (id: string, tool: Plan['selection']['tool'] = 'cloudSync') =>
  createPlan({ id, selection: { tool }, createdBy: ANA, at: T0 });
const record = (p: Plan): PlanRecord => ({
  plan: p,
  conversationId: CHAT.conversationId,
  tenantId: CHAT.tenantId,
  cards: [],
});
const keptKey = (planId: string) => `keptPlans/tenant-1/${encodeURIComponent(CHAT.conversationId)}/${planId}`;

async function setUp() {
  const storage = new MemoryStorage();
  const store = new PlanStore(storage);
  await store.create(CHAT, record(plan('plan-1')), { replace: false });
  return { storage, store };
}

describe('kept plans in the plan store', () => {
  it('start over keeps the plan (and its decision) for 30 days; restore brings it back as it was', async () => {
    const { storage, store } = await setUp();
    const started = applyAction(plan('plan-1'), {
      taskId: 'cloudSync.prerequisites',
      action: 'done',
      actor: BEN,
      at: T0,
    });
    await store.updateRecord(CHAT, (current) => ({
      next: { ...current, plan: (started as { plan: Plan }).plan },
      result: undefined,
    }));
    const before = await store.load(CHAT);
    const decision = { decisionId: 'd-1' } as unknown as DecisionRecord;

    await store.remove(CHAT, { by: ANA, at: at(0) }, { decision });
    expect(await store.load(CHAT)).toBeUndefined();
    expect(await store.log(CHAT)).toEqual([
      { kind: 'removed', planId: 'plan-1', tool: 'cloudSync', by: ANA, at: at(0), restorableUntil: at(KEEP_DAYS) },
    ]);

    const outcome = await store.restore(CHAT, 'plan-1', { audit: { by: BEN, at: at(29) } });
    expect(outcome).toEqual({ kind: 'restored', record: before, decision });
    expect(await store.load(CHAT)).toEqual(before);
    // Back, so no longer restorable, and its copy is gone.
    const log = await store.log(CHAT);
    expect(log.map((e) => [e.kind, e.planId, e.restorableUntil])).toEqual([
      ['restored', 'plan-1', undefined],
      ['removed', 'plan-1', undefined],
    ]);
    expect((await storage.read([keptKey('plan-1')]))[keptKey('plan-1')]).toBeUndefined();
    // A second restore of the same plan finds nothing left to restore, and changes nothing.
    expect(await store.restore(CHAT, 'plan-1', { audit: { by: BEN, at: at(29) } })).toEqual({ kind: 'gone' });
    expect(await store.load(CHAT)).toEqual(before);
  });

  it('after 30 days by the clock the plan cannot be restored, and the next log write deletes its copy', async () => {
    const { storage, store } = await setUp();
    await store.remove(CHAT, { by: ANA, at: at(0) });
    expect(await store.restorable(CHAT, 'plan-1', new Date(at(KEEP_DAYS)))).toBeUndefined();
    expect(await store.restorable(CHAT, 'plan-1', new Date(Date.parse(at(KEEP_DAYS)) - 1))).toBeDefined();
    expect(await store.restore(CHAT, 'plan-1', { audit: { by: ANA, at: at(KEEP_DAYS) } })).toEqual({ kind: 'gone' });
    expect(await store.load(CHAT)).toBeUndefined();
    // Lazy: the copy is still there until the log is written again.
    expect((await storage.read([keptKey('plan-1')]))[keptKey('plan-1')]).toBeDefined();

    await store.create(CHAT, record(plan('plan-2')), { replace: false });
    await store.remove(CHAT, { by: ANA, at: at(KEEP_DAYS + 1) });
    expect((await storage.read([keptKey('plan-1')]))[keptKey('plan-1')]).toBeUndefined();
    expect((await storage.read([keptKey('plan-2')]))[keptKey('plan-2')]).toBeDefined();
    expect((await store.log(CHAT)).map((e) => [e.planId, e.restorableUntil])).toEqual([
      ['plan-2', at(2 * KEEP_DAYS + 1)],
      ['plan-1', undefined],
    ]);
  });

  it('replacing a plan keeps it; restoring it asks for the plan it replaces, and keeps that one in turn', async () => {
    const { store } = await setUp();
    const first = await store.load(CHAT);
    await store.create(CHAT, record(plan('plan-2', 'connect')), { replace: true, audit: { by: BEN, at: at(1) } });
    expect((await store.log(CHAT))[0]).toMatchObject({
      kind: 'replaced',
      planId: 'plan-1',
      by: BEN,
      restorableUntil: at(KEEP_DAYS + 1),
    });

    // The person agreed to replace a plan that is no longer the current one: nothing changes.
    const stale = await store.restore(CHAT, 'plan-1', { replacing: 'plan-0', audit: { by: ANA, at: at(2) } });
    expect(stale).toMatchObject({ kind: 'currentChanged', current: { plan: { id: 'plan-2' } } });
    expect(await store.restore(CHAT, 'plan-1', { audit: { by: ANA, at: at(2) } })).toMatchObject({
      kind: 'currentChanged',
    });
    expect((await store.load(CHAT))?.plan.id).toBe('plan-2');

    const second = await store.load(CHAT);
    const restored = await store.restore(CHAT, 'plan-1', { replacing: 'plan-2', audit: { by: ANA, at: at(2) } });
    expect(restored).toEqual({ kind: 'restored', record: first, replaced: second });
    expect((await store.log(CHAT)).slice(0, 2)).toEqual([
      { kind: 'restored', planId: 'plan-1', tool: 'cloudSync', by: ANA, at: at(2) },
      { kind: 'replaced', planId: 'plan-2', tool: 'connect', by: ANA, at: at(2), restorableUntil: at(KEEP_DAYS + 2) },
    ]);
    expect((await store.restorable(CHAT, 'plan-2', new Date(at(3))))?.record).toEqual(second);
  });
});

describe('the plan log keeps what matters and bounds the rest', () => {
  const now = new Date(at(0));
  const entry = (planId: string, restorable: boolean, days = 0): PlanLogEntry => ({
    kind: 'removed',
    planId,
    tool: 'cloudSync',
    by: ANA,
    at: at(days),
    ...(restorable ? { restorableUntil: at(days + KEEP_DAYS) } : {}),
  });

  it('keeps the latest entries, plus older restorable ones up to the copy limit; the others release their copies', () => {
    const old = Array.from({ length: 25 }, (_, i) => entry(`old-${i}`, i % 2 === 0, -i));
    const { entries, released } = nextLog(old, [entry('new', true)], undefined, now);
    const restorable = entries.filter((e) => e.restorableUntil !== undefined).map((e) => e.planId);
    expect(restorable).toHaveLength(MAX_KEPT_PLANS);
    expect(restorable[0]).toBe('new');
    expect(entries.slice(0, PLAN_LOG_LIMIT).map((e) => e.planId)).toEqual([
      'new',
      ...old.slice(0, PLAN_LOG_LIMIT - 1).map((e) => e.planId),
    ]);
    expect(entries.length).toBeLessThanOrEqual(PLAN_LOG_LIMIT + MAX_KEPT_PLANS);
    // The restorable ones beyond the limit lose their copies; nothing still offered is released.
    expect(released).toEqual(
      old
        .filter((e) => e.restorableUntil !== undefined)
        .map((e) => e.planId)
        .filter((id) => !restorable.includes(id)),
    );
  });

  it('an expired entry stays in the log without its date and releases its copy once', () => {
    const expired = entry('expired', true, -KEEP_DAYS - 1);
    const first = nextLog([expired], [entry('new', false)], undefined, now);
    expect(first.entries).toEqual([entry('new', false), entry('expired', false, -KEEP_DAYS - 1)]);
    expect(first.released).toEqual(['expired']);
    expect(nextLog(first.entries, [entry('newer', false)], undefined, now).released).toEqual([]);
  });
});
