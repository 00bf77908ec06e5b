/**
 * Two bot instances sharing one SQLite file, a fake Bot Connector on loopback and a clock the test moves an hour at
 * a time through a whole week: both schedulers check at every step, at the same moment, and every plan gets exactly
 * one digest per period (daily and weekly), none lost and none doubled. The pointers move from slot to slot of the
 * reminder queue as the week goes by.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DecisionSummary } from '../../src/domain/decision';
import { periodKey } from '../../src/domain/digest';
import { periodOpensAt } from '../../src/domain/digestSchedule';
import { cardsOf, startHarness, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions } from '../helpers/cardAssertions';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, startPlanIn } from '../helpers/planSetup';

const DECISION: DecisionSummary = {
  tool: 'cloudSync',
  headline: 'Chosen for the test.',
  reasons: ['One forest'],
  overridden: false,
  decidedBy: { id: 'aad-ana', name: 'Ana Admin' },
  decidedAt: '2026-11-30T10:00:00.000Z',
};
const HOUR = 3_600_000;
const START = Date.parse('2026-12-01T06:00:00.000Z');
const PLANS: ReadonlyArray<{ readonly conversationId: string; readonly cadence: 'daily' | 'weekly' }> = [
  { conversationId: 'a:week-1', cadence: 'daily' },
  { conversationId: 'a:week-2', cadence: 'daily' },
  { conversationId: 'a:week-3', cadence: 'daily' },
  { conversationId: 'a:week-4', cadence: 'weekly' },
  { conversationId: 'a:week-5', cadence: 'weekly' },
];

const isDigest = (call: ConnectorCall) =>
  (call.kind === 'send' || call.kind === 'reply') &&
  call.status < 300 &&
  cardText(call.body.attachments?.[0]?.content ?? {}).includes('DIGEST');

describe('two instances sharing storage send exactly one digest per plan per period across a week', () => {
  let dir: string;
  let connector: FakeConnector;
  let a: Harness;
  let b: Harness;
  let now = START;
  const clock = () => new Date(now);
  const chat = (conversationId: string): ActivityOptions => ({
    conversationType: 'personal',
    conversationId,
    serviceUrl: connector.serviceUrl,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-guide-week-'));
    connector = await startFakeConnector();
    const env = { STORAGE: 'sqlite', SQLITE_PATH: join(dir, 'shared.sqlite'), REMINDER_CHECK_SECONDS: '0' };
    a = await startHarness(env, { clock, sender: FAST_SENDER, instanceId: 'instance-a' });
    b = await startHarness(env, { clock, sender: FAST_SENDER, instanceId: 'instance-b' });
    for (const [i, plan] of PLANS.entries()) {
      await startPlanIn(a.app, chat(plan.conversationId), { tool: 'cloudSync' }, DECISION);
      const [asked] = cardsOf(await a.say(`remind ${plan.cadence}`, chat(plan.conversationId)));
      const [confirm] = executeActions(asked);
      // Half turned on through each instance.
      const answer = await (i % 2 ? b : a).invoke(confirm.verb, confirm.data ?? {}, chat(plan.conversationId));
      expect(cardText(answer.body.value)).toContain('reminders turned on');
    }
    await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await connector?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hour by hour for seven days, both checking at once: every period of every plan exactly once', async () => {
    connector.calls.length = 0;
    const sent = new Map<string, number>();
    const expected = new Set<string>();
    let seen = 0;
    for (now = START; now < START + 7 * 24 * HOUR; now += HOUR) {
      await Promise.all([a.app.reminders.runOnce(), b.app.reminders.runOnce()]);
      await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
      const fresh = connector.calls.slice(seen);
      seen = connector.calls.length;
      for (const call of fresh.filter(isDigest)) {
        const plan = PLANS.find(
          (p) => call.path.includes(encodeURIComponent(p.conversationId)) || call.path.includes(p.conversationId),
        );
        expect(plan).toBeDefined();
        const key = `${plan!.conversationId} ${periodKey(clock(), plan!.cadence)}`;
        sent.set(key, (sent.get(key) ?? 0) + 1);
      }
      for (const plan of PLANS) {
        if (now >= periodOpensAt(clock(), plan.cadence, 9).getTime())
          expected.add(`${plan.conversationId} ${periodKey(clock(), plan.cadence)}`);
      }
    }
    expect([...sent.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect([...sent.keys()].sort()).toEqual([...expected].sort());
    // 3 daily plans × 7 days (1–7 Dec) and 2 weekly plans × 2 weeks (from Mon 30 Nov and Mon 7 Dec).
    expect(sent.size).toBe(3 * 7 + 2 * 2);
  }, 300_000);
});
