import { MemoryStorage, type StoreItems } from 'botbuilder';
import { RECENT_HISTORY_LIMIT } from '../../src/domain/historyArchive';
import { createPlan, planHistory, type Actor, type Plan } from '../../src/domain/plan';
import {
  MAX_CARD_COPIES,
  PlanStore,
  type CardRef,
  type PlanLocation,
  type PlanRecord,
} from '../../src/store/planStore';

/** MemoryStorage that counts calls, to pin "one write per change, none for reads and refusals". */
class CountingStorage extends MemoryStorage {
  reads = 0;
  writes = 0;
  override async read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return super.read(keys);
  }
  override async write(changes: StoreItems): Promise<void> {
    this.writes++;
    return super.write(changes);
  }
}

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const AT = '2025-11-26T10:42:00.000Z';
const CHANNEL: PlanLocation = { tenantId: 'tenant-1', conversationId: '19:abc@thread.tacv2;messageid=1700000000000' };

function record(plan: Plan, location = CHANNEL): PlanRecord {
  return { plan, conversationId: location.conversationId, tenantId: location.tenantId, cards: [] };
}

function cloudSyncPlan(id = 'plan-1'): Plan {
  return createPlan({ id, selection: { tool: 'cloudSync' }, createdBy: ANA, at: AT });
}

async function storeWithPlan(plan = cloudSyncPlan()) {
  const storage = new CountingStorage();
  const store = new PlanStore(storage, { maxAttempts: 60, backoffMs: () => Math.random() * 3 });
  await store.create(CHANNEL, record(plan), { replace: false });
  storage.reads = 0;
  storage.writes = 0;
  return { storage, store, plan };
}

describe('PlanStore', () => {
  it('keys plans by tenant and base conversation: every thread of a channel shares one plan', async () => {
    const { store, plan } = await storeWithPlan();
    expect(store.key(CHANNEL)).toBe(`plans/tenant-1/${encodeURIComponent('19:abc@thread.tacv2')}`);
    const otherThread = { ...CHANNEL, conversationId: '19:abc@thread.tacv2;messageid=42' };
    expect((await store.load(otherThread))?.plan.id).toBe(plan.id);
    expect(await store.load({ ...CHANNEL, tenantId: 'tenant-2' })).toBeUndefined();
    expect(await store.load({ ...CHANNEL, conversationId: '19:other@thread.tacv2' })).toBeUndefined();
    expect((await store.load(CHANNEL))?.conversationId).toBe('19:abc@thread.tacv2');
  });

  it('create keeps an existing plan unless asked to replace it', async () => {
    const { store, plan } = await storeWithPlan();
    const second = cloudSyncPlan('plan-2');
    const refused = await store.create(CHANNEL, record(second), { replace: false });
    expect(refused).toEqual({ exists: expect.objectContaining({ plan: expect.objectContaining({ id: plan.id }) }) });
    expect(await store.create(CHANNEL, record(second), { replace: true })).toBe('created');
    expect((await store.load(CHANNEL))?.plan.id).toBe('plan-2');
  });

  it('writes exactly once for a change and never for unchanged, rejected, forged or read-only requests', async () => {
    const { storage, store, plan } = await storeWithPlan();
    const base = { planId: plan.id, actor: ANA, at: AT };

    await store.load(CHANNEL);
    expect(storage.writes).toBe(0);

    const changed = await store.applyAction(CHANNEL, {
      ...base,
      taskId: 'cloudSync.prerequisites',
      action: 'done',
      expectedRevision: 1,
    });
    expect(changed.kind).toBe('changed');
    expect(storage.writes).toBe(1);

    const again = await store.applyAction(CHANNEL, {
      ...base,
      taskId: 'cloudSync.prerequisites',
      action: 'done',
      expectedRevision: 1,
    });
    expect(again).toMatchObject({ kind: 'unchanged', by: ANA, at: AT, stale: true });
    const rejected = await store.applyAction(CHANNEL, { ...base, taskId: 'cloudSync.prerequisites', action: 'skip' });
    expect(rejected.kind).toBe('rejected');
    const unknown = await store.applyAction(CHANNEL, { ...base, taskId: 'connect.download', action: 'done' });
    expect(unknown).toMatchObject({ kind: 'rejected', reason: 'unknownTask' });
    const forged = await store.applyAction(CHANNEL, {
      ...base,
      planId: 'someone-elses-plan',
      taskId: 'cloudSync.installAgent',
      action: 'done',
    });
    expect(forged.kind).toBe('otherPlan');
    const elsewhere = await store.applyAction(
      { ...CHANNEL, conversationId: 'a:other' },
      { ...base, taskId: 'cloudSync.installAgent', action: 'done' },
    );
    expect(elsewhere.kind).toBe('noPlan');

    expect(storage.writes).toBe(1);
    const stored = (await store.load(CHANNEL))!.plan;
    expect(stored.revision).toBe(2);
    expect(stored.tasks.find((t) => t.id === 'cloudSync.installAgent')?.status).toBe('todo');
  });

  it('loses no update when 20 people click at once, on the same and on different tasks', async () => {
    const plan = createPlan({
      id: 'plan-both',
      selection: { tool: 'both', deviceSyncPreview: true },
      createdBy: ANA,
      at: AT,
    });
    const { storage, store } = await storeWithPlan(plan);
    const users: Actor[] = Array.from({ length: 20 }, (_, i) => ({ id: `aad-${i}`, name: `User ${i}` }));
    const openTasks = plan.tasks.filter((t) => t.status === 'todo').map((t) => t.id);
    // Users 0–9 all press "done" on the same task; users 10–19 each press "start" on a different task.
    const requests = users.map((actor, i) =>
      i < 10
        ? { taskId: openTasks[0], action: 'done' as const, actor }
        : { taskId: openTasks[1 + ((i - 10) % (openTasks.length - 1))], action: 'start' as const, actor },
    );
    const distinctStarts = new Set(requests.slice(10).map((r) => r.taskId));

    const outcomes = await Promise.all(
      requests.map((r) => store.applyAction(CHANNEL, { planId: plan.id, at: AT, ...r })),
    );

    const sameTask = outcomes.slice(0, 10);
    expect(sameTask.filter((o) => o.kind === 'changed')).toHaveLength(1);
    expect(sameTask.filter((o) => o.kind === 'unchanged')).toHaveLength(9);
    const starts = outcomes.slice(10);
    expect(starts.filter((o) => o.kind === 'changed')).toHaveLength(distinctStarts.size);
    expect(outcomes.some((o) => o.kind === 'busy')).toBe(false);

    const final = (await store.load(CHANNEL))!.plan;
    expect(final.tasks.find((t) => t.id === openTasks[0])?.status).toBe('done');
    for (const taskId of distinctStarts) expect(final.tasks.find((t) => t.id === taskId)?.status).toBe('inProgress');
    const changes = final.history.slice(plan.history.length);
    expect(changes).toHaveLength(1 + distinctStarts.size);
    const keys = changes.map((e) => `${e.task}:${e.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(final.revision).toBe(1 + changes.length);
    // More write attempts than changes: the clicks really collided and were retried.
    expect(storage.writes).toBeGreaterThan(changes.length);
  });

  it('remembers posted cards, ignores empty ids, replaces a lost card and keeps a bounded number of copies', async () => {
    const { store, plan } = await storeWithPlan();
    const ref = (taskId: CardRef['taskId'], activityId: string): CardRef => ({
      taskId,
      activityId,
      conversationId: CHANNEL.conversationId,
      serviceUrl: 'https://smba.example/',
    });
    await store.rememberCards(CHANNEL, [
      ref('summary', 's1'),
      ref('cloudSync.prerequisites', ''),
      ref('cloudSync.prerequisites', 'p1'),
    ]);
    expect((await store.load(CHANNEL))!.cards.map((c) => c.activityId)).toEqual(['s1', 'p1']);

    await store.rememberCards(CHANNEL, [ref('summary', 's2')], { planId: plan.id, replacing: 's1' });
    expect((await store.load(CHANNEL))!.cards.map((c) => c.activityId)).toEqual(['p1', 's2']);

    expect(await store.rememberCards(CHANNEL, [ref('summary', 'x')], { planId: 'replaced-plan' })).toBe(false);

    for (let i = 0; i < MAX_CARD_COPIES + 2; i++)
      await store.rememberCards(CHANNEL, [ref('cloudSync.prerequisites', `copy-${i}`)]);
    const copies = (await store.load(CHANNEL))!.cards.filter((c) => c.taskId === 'cloudSync.prerequisites');
    expect(copies.map((c) => c.activityId)).toEqual(['copy-2', 'copy-3', 'copy-4']);
  });

  it('gives up (busy) instead of looping when every write conflicts, and writes nothing', async () => {
    class AlwaysConflicting extends MemoryStorage {
      override async write(changes: StoreItems): Promise<void> {
        const conditional = Object.values(changes).some((item) => item?.eTag && item.eTag !== '*');
        if (conditional) throw new Error('Storage: error writing "x" due to eTag conflict.');
        return super.write(changes);
      }
    }
    const store = new PlanStore(new AlwaysConflicting(), { maxAttempts: 3, backoffMs: () => 0 });
    const plan = cloudSyncPlan();
    await store.create(CHANNEL, record(plan), { replace: false });
    const outcome = await store.applyAction(CHANNEL, {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      action: 'done',
      actor: ANA,
      at: AT,
    });
    expect(outcome.kind).toBe('busy');
    expect((await store.load(CHANNEL))!.plan.revision).toBe(1);
  });

  it('remove deletes the plan', async () => {
    const { store } = await storeWithPlan();
    await store.remove(CHANNEL);
    expect(await store.load(CHANNEL)).toBeUndefined();
  });
});

describe('PlanStore: a long-lived plan keeps a bounded document', () => {
  const people: Actor[] = [ANA, { id: 'aad-ben', name: 'Ben' }, { id: 'aad-cy', name: 'Cy' }];
  const TASK = 'cloudSync.prerequisites';

  it('moves old history to pages written just before the plan document, and pages plus document are the whole history', async () => {
    const { storage, store, plan } = await storeWithPlan();
    const written: string[][] = [];
    const write = storage.write.bind(storage);
    storage.write = async (changes: StoreItems) => {
      written.push(Object.keys(changes));
      return write(changes);
    };
    for (let i = 0; i < 250; i++) {
      const outcome = await store.applyAction(CHANNEL, {
        planId: plan.id,
        taskId: TASK,
        action: i % 2 ? 'reopen' : 'done',
        actor: people[i % 3],
        at: new Date(Date.parse(AT) + i * 1000).toISOString(),
      });
      expect(outcome.kind).toBe('changed');
    }
    // One plan write per change; now and then a history page goes first, in its own call, so the plan never names a
    // page that a process dying mid-call (on a backend without transactions) did not write.
    const pagePattern = new RegExp(`^planHistory/${plan.id}/\\d+$`);
    expect(written.filter((keys) => keys.includes(store.key(CHANNEL)))).toHaveLength(250);
    expect(written.every((keys) => keys.length === 1)).toBe(true);
    const pageCalls = written.flatMap((keys, i) => (pagePattern.test(keys[0]) ? [i] : []));
    expect(pageCalls.length).toBeGreaterThan(0);
    for (const i of pageCalls) expect(written[i + 1]).toEqual([store.key(CHANNEL)]);
    expect(written).toHaveLength(250 + pageCalls.length);

    const stored = (await store.load(CHANNEL))!.plan;
    expect(stored.history.length + (stored.editHistory?.length ?? 0)).toBeLessThanOrEqual(RECENT_HISTORY_LIMIT);
    const whole = [...(await store.archivedHistory(stored)), ...planHistory(stored)];
    expect(whole).toHaveLength(plan.history.length + 250);
    expect(whole.slice(plan.history.length).map((entry) => (entry as { to: string }).to)).toEqual(
      Array.from({ length: 250 }, (_, i) => (i % 2 ? 'todo' : 'done')),
    );
  });

  it('never leaves a plan naming a history page that was not written, when the process dies in the middle of a call', async () => {
    const { storage, store, plan } = await storeWithPlan();
    // A backend without multi-document transactions (Blob: one request per document): a call carrying the plan
    // and something else may store only the plan before the process dies.
    const write = storage.write.bind(storage);
    let deaths = 0;
    storage.write = async (changes: StoreItems) => {
      const keys = Object.keys(changes);
      if (keys.length > 1 && keys.includes(store.key(CHANNEL))) {
        deaths += 1;
        await write({ [store.key(CHANNEL)]: changes[store.key(CHANNEL)] });
        throw new Error('the process died here');
      }
      return write(changes);
    };
    let changed = 0;
    for (let i = 0; i < 100; i++) {
      const outcome = await store
        .applyAction(CHANNEL, {
          planId: plan.id,
          taskId: TASK,
          action: i % 2 ? 'reopen' : 'done',
          actor: people[i % 3],
          at: new Date(Date.parse(AT) + i * 1000).toISOString(),
        })
        .catch(() => undefined);
      if (outcome?.kind === 'changed') changed += 1;
    }
    const stored = (await store.load(CHANNEL))!.plan;
    const whole = [...(await store.archivedHistory(stored)), ...planHistory(stored)];
    expect({ deaths, changed, history: whole.length }).toEqual({
      deaths: 0,
      changed: 100,
      history: plan.history.length + 100,
    });
  });

  it('loses and duplicates nothing when many people click across a page boundary at once', async () => {
    const { store, plan } = await storeWithPlan();
    const clicks = Array.from({ length: 120 }, (_, i) =>
      store.applyEdit(CHANNEL, {
        planId: plan.id,
        edit: {
          kind: 'setDue',
          taskId: TASK,
          due: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        },
        actor: people[i % 3],
        at: new Date(Date.parse(AT) + i).toISOString(),
      }),
    );
    const outcomes = await Promise.all(clicks);
    const changed = outcomes.filter((o) => o.kind === 'changed').length;
    const stored = (await store.load(CHANNEL))!.plan;
    const whole = [...(await store.archivedHistory(stored)), ...planHistory(stored)];
    expect(stored.archive?.pages).toBeGreaterThan(0);
    expect(whole).toHaveLength(plan.history.length + changed);
    expect(new Set(whole.map((entry) => JSON.stringify(entry))).size).toBe(whole.length);
  });
});
