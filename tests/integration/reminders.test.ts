/**
 * Reminders against two running bot instances that share one SQLite file, a fake Bot Connector on
 * loopback and a clock the test moves: "remind daily" with its confirmation over HTTP, then digests
 * exactly once per period between the two schedulers, with the overdue task and its owner @mentioned.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/domain/plan';
import type { PlanEdit } from '../../src/domain/planEdits';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { ReminderIndex } from '../../src/store/reminderIndex';
import { cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, MENTION_BOT, startPlanIn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

const ANA: Actor = { id: 'aad-ana', name: 'Ana Admin' };
const BOB: Actor = { id: 'aad-bob', name: 'Bob Builder' };
const CHANNEL = '19:reminders-general@thread.tacv2';

const digests = (calls: ConnectorCall[]) =>
  calls.filter(
    (c) =>
      (c.kind === 'send' || c.kind === 'reply') &&
      c.status < 300 &&
      cardText(c.body.attachments?.[0]?.content ?? {}).includes('DIGEST'),
  );

describe('reminders: two instances, one storage, one digest per period', () => {
  let dir: string;
  let connector: FakeConnector;
  let a: Harness;
  let b: Harness;
  let now = new Date('2026-12-01T08:00:00.000Z');
  const clock = () => new Date(now.getTime());
  let location: PlanLocation;
  let planId: string;
  let plans: PlanStore;
  let thread: string;

  const channel = (extra: Partial<ActivityOptions> = {}): ActivityOptions => ({
    conversationType: 'channel',
    conversationId: CHANNEL,
    serviceUrl: connector.serviceUrl,
    extra: { entities: [MENTION_BOT], channelData: { tenant: { id: TENANT_ID }, team: { id: CHANNEL } } },
    ...extra,
  });
  const edit = async (e: PlanEdit) => {
    const outcome = await plans.applyEdit(location, { planId, edit: e, actor: ANA, at: clock().toISOString() });
    expect(outcome.kind).toBe('changed');
  };
  /** Both instances check at once, as two timers firing together would. */
  const checkBoth = async () => {
    const [x, y] = await Promise.all([a.app.reminders.runOnce(), b.app.reminders.runOnce()]);
    await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
    return [...x.results, ...y.results].map((r) => r.outcome).sort();
  };
  const record = async () => (await plans.load(location)) as any;
  /** The plan's pointers in the reminder queue, wherever they are. */
  const pointers = async () => new ReminderIndex(a.app.storage.storage).scheduled(location);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-reminders-'));
    connector = await startFakeConnector();
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'shared.sqlite'), REMINDER_CHECK_SECONDS: '0' };
    a = await startHarness(env, { clock, sender: FAST_SENDER, instanceId: 'instance-a' });
    b = await startHarness(env, { clock, sender: FAST_SENDER, instanceId: 'instance-b' });
    plans = new PlanStore(a.app.storage.storage);

    // A channel plan posted as a thread, with task 2 owned by Bob and due in the past.
    expect(await startPlanIn(a.app, channel(), { tool: 'cloudSync' }, testDecision())).toMatchObject({
      kind: 'created',
      inThread: true,
    });
    await a.app.planFeature.idle();
    location = { tenantId: TENANT_ID, conversationId: CHANNEL };
    const stored = await plans.load(location);
    planId = stored!.plan.id;
    thread = stored!.cards.find((c) => c.taskId === 'summary')!.conversationId;
    expect(thread).toContain(';messageid=');
    await edit({ kind: 'assign', taskId: 'cloudSync.prerequisites', owner: BOB });
    await edit({ kind: 'setDue', taskId: 'cloudSync.prerequisites', due: '2026-11-28', allowPast: true });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  it('sends nothing while reminders are off', async () => {
    now = new Date('2026-12-01T10:00:00.000Z');
    expect(await checkBoth()).toEqual([]);
    expect(connector.calls).toEqual([]);
  });

  it('"remind daily" asks first; Cancel changes nothing; the confirmation records who and when', async () => {
    now = new Date('2026-12-01T10:00:00.000Z');
    const [asked] = cardsOf(await a.say('<at>Sync Guide</at> remind daily', channel()));
    expectValidCard(asked);
    expect(cardText(asked)).toContain('Turn on daily reminders?');
    const [confirm, cancel] = executeActions(asked);
    expect(confirm).toMatchObject({ verb: 'reminders.set', data: { planId, cadence: 'daily' } });
    expect(cancel.verb).toBe('reminders.cancel');

    const cancelled = await b.invoke(cancel.verb, cancel.data ?? {}, channel());
    expect(cancelled.status).toBe(200);
    expect(cardText(cancelled.body.value)).toContain('Reminders are off');
    expect((await record()).plan.reminders).toBeUndefined();

    // Answered by the other instance: nothing about the confirmation lives in one process.
    const done = await b.invoke(confirm.verb, confirm.data ?? {}, channel());
    expect(done.status).toBe(200);
    expectValidCard(done.body.value);
    expect(cardText(done.body.value)).toContain('Daily reminders turned on');
    expect(cardText(done.body.value)).toContain('turned on by Ana Admin, 1 Dec 2026, 10:00 UTC');
    expect(cardText(done.body.value)).toContain('Next digest: at the next check');
    const after = await record();
    expect(after.plan.reminders).toEqual({
      cadence: 'daily',
      changedBy: { id: 'aad-ana', name: 'Ana Admin' },
      changedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(after.plan.editHistory.at(-1)).toMatchObject({
      kind: 'reminders',
      from: 'off',
      to: 'daily',
      by: { name: 'Ana Admin' },
    });
    expect(await pointers()).toEqual([
      expect.objectContaining({ location, planId, dueAt: '2026-12-01T10:00:00.000Z' }),
    ]);

    // Saying it again while on asks nothing and changes nothing.
    const [again] = cardsOf(await a.say('<at>Sync Guide</at> remind daily', channel()));
    expect(executeActions(again)).toEqual([]);
    expect(cardText(again)).toContain('Daily reminders are on');
  });

  it('before the day opens at 09:00 UTC nothing goes out; after it, exactly one digest between the two instances, in the plan thread, mentioning the owner', async () => {
    now = new Date('2026-12-02T08:59:00.000Z');
    expect(await checkBoth()).toEqual(['notDue', 'notDue']);
    expect(connector.calls).toEqual([]);

    now = new Date('2026-12-02T09:01:00.000Z');
    const outcomes = await checkBoth();
    expect(outcomes).toContain('sent');
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    const sent = digests(connector.calls);
    expect(sent).toHaveLength(1);
    const [digest] = sent;
    expect(digest.conversationId).toBe(thread);
    expect(digest.body.text).toContain('<at>Bob Builder</at>');
    expect(digest.body.text).toContain('1 task is overdue');
    expect(digest.body.entities).toEqual([
      { type: 'mention', text: '<at>Bob Builder</at>', mentioned: { id: 'aad-bob', name: 'Bob Builder' } },
    ]);
    const card = digest.body.attachments[0].content;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Daily digest, 2 Dec 2026: 1 overdue');
    expect(text).toContain('Review Cloud Sync prerequisites');
    expect(text).toContain('Bob Builder');
    expect(text).toContain('due 28 Nov 2026 (4 days overdue)');
    expect(text).toContain('Sent 2 Dec 2026, 09:01 UTC');
    expect((await record()).reminderRun).toMatchObject({ lastSentPeriodKey: 'daily:2026-12-02' });
  });

  it('never twice in the same period, and again in the next one', async () => {
    now = new Date('2026-12-02T17:00:00.000Z');
    // The pointer moved on to the next period when the digest went out: nothing is due, no plan is read.
    expect(await checkBoth()).toEqual([]);
    expect(await pointers()).toEqual([expect.objectContaining({ dueAt: '2026-12-03T09:00:00.000Z' })]);
    expect(digests(connector.calls)).toHaveLength(0);

    now = new Date('2026-12-03T09:10:00.000Z');
    await checkBoth();
    const sent = digests(connector.calls);
    expect(sent).toHaveLength(1);
    expect(cardText(sent[0].body.attachments[0].content)).toContain('5 days overdue');
  });

  it('a claim left by a crashed instance holds the period until it expires, then another instance sends', async () => {
    now = new Date('2026-12-04T09:00:00.000Z');
    // What a crash between "claimed" and "recorded" leaves behind.
    await plans.updateRecord(location, (current) => ({
      next: {
        ...current,
        reminderRun: {
          ...(current as any).reminderRun,
          claim: {
            periodKey: 'daily:2026-12-04',
            instanceId: 'instance-crashed',
            expiresAt: '2026-12-04T09:10:00.000Z',
          },
        },
      } as any,
      result: undefined,
    }));
    expect(await checkBoth()).toEqual(['claimedElsewhere', 'claimedElsewhere']);
    expect(digests(connector.calls)).toHaveLength(0);

    now = new Date('2026-12-04T09:10:01.000Z');
    const outcomes = await checkBoth();
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(digests(connector.calls)).toHaveLength(1);
    expect((await record()).reminderRun).toEqual({
      lastSentPeriodKey: 'daily:2026-12-04',
      lastSentAt: '2026-12-04T09:10:01.000Z',
    });
  });

  it('a failed send frees the period for the next check instead of losing it', async () => {
    now = new Date('2026-12-05T09:00:00.000Z');
    connector.failNext({ status: 500 }, 20);
    const first = await a.app.reminders.runOnce();
    expect(first.results.map((r) => r.outcome)).toEqual(['failed']);
    connector.clearFailures();
    expect((await record()).reminderRun.claim).toBeUndefined();
    connector.calls.length = 0;
    const second = await b.app.reminders.runOnce();
    expect(second.results.map((r) => r.outcome)).toEqual(['sent']);
    expect(digests(connector.calls)).toHaveLength(1);
  });

  it('nothing is sent when no task is open', async () => {
    const current = await record();
    const settled = {
      ...current,
      plan: {
        ...current.plan,
        tasks: current.plan.tasks.map((t: any) => ({ ...t, status: t.status === 'notApplicable' ? t.status : 'done' })),
      },
    };
    await plans.updateRecord(location, () => ({ next: settled, result: undefined }));
    now = new Date('2026-12-06T09:30:00.000Z');
    expect(await checkBoth()).toEqual(['nothingOpen', 'nothingOpen']);
    expect(connector.calls).toEqual([]);
    // Reopen for the rest of the tests.
    await plans.updateRecord(location, () => ({ next: current, result: undefined }));
  });

  it('"remind off" asks, then stops the digests; the check that finds the pointer due drops it', async () => {
    now = new Date('2026-12-07T08:00:00.000Z');
    const [asked] = cardsOf(await a.say('<at>Sync Guide</at> remind off', channel()));
    expect(cardText(asked)).toContain('Turn reminders off?');
    const [confirm] = executeActions(asked);
    const done = await a.invoke(confirm.verb, confirm.data ?? {}, channel());
    expect(cardText(done.body.value)).toContain('Reminders turned off');
    expect(cardText(done.body.value)).toContain('turned off by Ana Admin');
    now = new Date('2026-12-07T10:00:00.000Z');
    expect((await checkBoth()).filter((outcome) => outcome !== 'removed')).toEqual([]);
    expect(connector.calls).toEqual([]);
    expect(await pointers()).toEqual([]);
    expect(await checkBoth()).toEqual([]);
  });

  it('refuses forged or stale reminder buttons without changing anything', async () => {
    const before = await record();
    for (const data of [{ planId, cadence: 'hourly' }, { planId: 'another-plan', cadence: 'daily' }, {}]) {
      const answer = await a.invoke('reminders.set', data, channel());
      expect(answer.status).toBe(200);
      expectValidCard(answer.body.value);
    }
    expect((await record()).plan).toEqual(before.plan);
  });
});
