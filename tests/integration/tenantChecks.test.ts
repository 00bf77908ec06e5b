/**
 * Tenant checks over HTTP against the running bot, the loopback fake Graph and token endpoint, and a fake Bot
 * Connector: off by default (and then nothing reaches Graph), `check` on a Cloud Sync plan, a missing permission,
 * another tenant, "Mark done with this evidence" kept in history and the CSV, and the watch posting one warning per
 * incident and one note on recovery, shared by two instances.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/domain/plan';
import { planCsv } from '../../src/domain/report';
import { UNREADABLE_NOTE_AFTER_MINUTES } from '../../src/domain/tenantHealth';
import { watchRunOf } from '../../src/scheduler/watchClaims';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, MENTION_BOT, startPlanIn } from '../helpers/planSetup';
import { FAKE_IDENTITY_HEADER, PRESETS, startFakeGraph, type FakeGraph } from '../../scripts/lib/fakeGraph';
import { testDecision } from '../helpers/decisionFixtures';

const ANA: Actor = { id: 'aad-ana', name: 'Ana Admin' };
const BOB: Actor = { id: 'aad-bob', name: 'Bob Builder' };
const CHANNEL = '19:tenant-checks@thread.tacv2';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
/** Generous for a loopback answer on a busy machine, and still well under the fake's delay when it plays a slow Graph. */
const GRAPH_TIMEOUTS = { requestTimeoutMs: 1_500, roundBudgetMs: 3_000 };

const watchPosts = (calls: ConnectorCall[]) =>
  calls.filter(
    (c) =>
      (c.kind === 'send' || c.kind === 'reply') && c.status < 300 && /Tenant watch/.test(String(c.body?.text ?? '')),
  );

describe('tenant checks, end to end over HTTP', () => {
  let graph: FakeGraph;
  let connector: FakeConnector;
  /** The bot's clock, shared with the fake tenant so "3 min ago" stays 3 minutes however long the test runs. */
  let now = new Date();
  const clock = () => new Date(now.getTime());
  const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    graph = await startFakeGraph({ now: () => now.getTime() });
    connector = await startFakeConnector();
    process.env.IDENTITY_ENDPOINT = graph.identityEndpoint;
    process.env.IDENTITY_HEADER = FAKE_IDENTITY_HEADER;
  });
  afterAll(async () => {
    if (saved.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = saved.endpoint;
    if (saved.header === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = saved.header;
    await graph.close();
    await connector.close();
  });

  const channel = (extra: Partial<ActivityOptions> = {}): ActivityOptions => ({
    conversationType: 'channel',
    conversationId: CHANNEL,
    serviceUrl: connector.serviceUrl,
    extra: { entities: [MENTION_BOT], channelData: { tenant: { id: TENANT_ID }, team: { id: CHANNEL } } },
    ...extra,
  });

  describe('without GRAPH_CHECKS', () => {
    let bot: Harness;
    beforeAll(async () => {
      graph.reset();
      bot = await startHarness({}, { sender: FAST_SENDER });
      await startPlanIn(bot.app, channel(), { tool: 'cloudSync' }, testDecision());
      await bot.app.planFeature.idle();
    });
    afterAll(() => bot.close());

    it('answers check and watch with how to turn checks on, and no request reaches Graph or its token endpoint', async () => {
      const [check] = cardsOf(await bot.say('<at>Sync Guide</at> check', channel()));
      expectValidCard(check);
      expect(cardText(check)).toContain('Tenant checks are off');
      expect(cardText(check)).toContain('GRAPH_CHECKS=on');
      const [watch] = cardsOf(await bot.say('<at>Sync Guide</at> watch on', channel()));
      expect(cardText(watch)).toContain('Tenant checks are off');
      expect((await bot.invoke('tenant.check', { planId: 'x' }, channel())).body.value).toBeDefined();
      expect(await bot.app.watch.runOnce()).toEqual([]);
      expect(graph.requests).toEqual([]);
    });

    it('no card offers "Check now": not the summary, not the verify task', async () => {
      const planId = (await new PlanStore(bot.app.storage.storage).load({
        tenantId: TENANT_ID,
        conversationId: CHANNEL,
      }))!.plan.id;
      const [summary] = cardsOf(await bot.say('<at>Sync Guide</at> status', channel()));
      const verify = (await bot.invoke('task.show', { planId, taskId: 'cloudSync.verify' }, channel())).body.value;
      for (const card of [summary, verify]) {
        expectValidCard(card);
        expect(executeActions(card).map((action) => action.title)).not.toContain('Check now');
      }
      expect(cardText(verify)).not.toMatch(/Not checked yet|Last tenant check/);
      expect(graph.requests).toEqual([]);
    });
  });

  describe('with GRAPH_CHECKS=on (a simulated tenant in local mode)', () => {
    let dir: string;
    let a: Harness;
    let b: Harness;
    let plans: PlanStore;
    let location: PlanLocation;
    let planId: string;
    /** Past the one-round-a-minute cache. */
    const nextMinute = () => {
      now = new Date(now.getTime() + 61_000);
    };

    beforeAll(async () => {
      graph.reset();
      graph.setTenant(PRESETS.healthyCloudSync());
      dir = mkdtempSync(join(tmpdir(), 'sync-guide-tenant-'));
      const env = {
        STORAGE: 'sqlite',
        SQLITE_PATH: join(dir, 'shared.sqlite'),
        GRAPH_CHECKS: 'on',
        GRAPH_SIMULATED_TENANT_ID: TENANT_ID,
        GRAPH_BASE_URL: graph.baseUrl,
        IDENTITY_ENDPOINT: graph.identityEndpoint,
        GRAPH_WATCH_SECONDS: '0',
        REMINDER_CHECK_SECONDS: '0',
      };
      // Short Graph timeouts so a tenant that stops answering is reached in a second or two, not five per instance.
      a = await startHarness(env, {
        clock,
        sender: FAST_SENDER,
        instanceId: 'instance-a',
        tenantChecks: GRAPH_TIMEOUTS,
      });
      b = await startHarness(env, {
        clock,
        sender: FAST_SENDER,
        instanceId: 'instance-b',
        tenantChecks: GRAPH_TIMEOUTS,
      });
      plans = new PlanStore(a.app.storage.storage);
      await startPlanIn(a.app, channel(), { tool: 'cloudSync' }, testDecision());
      await a.app.planFeature.idle();
      location = { tenantId: TENANT_ID, conversationId: CHANNEL };
      planId = (await plans.load(location))!.plan.id;
      await plans.applyEdit(location, {
        planId,
        edit: { kind: 'assign', taskId: 'cloudSync.verify', owner: BOB },
        actor: ANA,
        at: clock().toISOString(),
      });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(() => {
      connector.calls.length = 0;
    });

    it('before any check the summary and the verify task offer "Check now"; pressed on the task it answers at once, then updates the card', async () => {
      const record = (await plans.load(location))!;
      expect(record.plan.lastCheck).toBeUndefined();
      const [summary] = cardsOf(await a.say('<at>Sync Guide</at> status', channel()));
      expect(executeActions(summary).map((action) => action.title)).toContain('Check now');
      const verify = (await a.invoke('task.show', { planId, taskId: 'cloudSync.verify' }, channel())).body.value;
      expect(cardText(verify)).toContain('Not checked yet');
      const check = executeActions(verify).find((action) => action.title === 'Check now')!;
      expect(check).toMatchObject({ verb: 'tenant.check', data: { planId, taskId: 'cloudSync.verify' } });

      const clicked = await a.invoke(check.verb, check.data ?? {}, channel());
      expect(clicked.status).toBe(200);
      expectValidCard(clicked.body.value);
      expect(cardText(clicked.body.value)).toContain('Checking the tenant now');
      await a.app.tenantChecks.idle();
      await a.app.planFeature.idle();
      // The posted copy of the verify task is updated in place with what the check found.
      const updates = connector.calls
        .filter((c) => c.kind === 'update' && c.status < 300)
        .map((c) => c.body.attachments?.[0]?.content ?? {});
      const updatedVerify = updates.filter((card) => cardText(card).includes('Verify users are syncing'));
      expect(updatedVerify.length).toBeGreaterThan(0);
      expect(cardText(updatedVerify.at(-1))).toMatch(/Last tenant check \(.*\): sync looks healthy/);
      expect(executeActions(updatedVerify.at(-1)).map((action) => action.title)).toEqual(
        expect.arrayContaining(['Check now', 'Mark done with this evidence']),
      );
      nextMinute();
    });

    it('"check" on a Cloud Sync plan answers with the status card, read-only, and the verify task then offers the evidence', async () => {
      const [card] = cardsOf(await a.say('<at>Sync Guide</at> check', channel()));
      expectValidCard(card);
      const text = cardText(card);
      expect(text).toContain('SIMULATED TENANT');
      expect(text).toContain('Sync looks healthy');
      expect(text).toMatch(/Directory sync[\s\S]*On/);
      expect(text).toMatch(/Users synced from on-premises[\s\S]*1,284/);
      expect(text).toMatch(
        /Cloud Sync: contoso\.example \(users and groups\)[\s\S]*Active · last run 3 min ago, Succeeded/,
      );
      expect(text).toContain('nothing in your tenant was changed');
      expect(graph.requests.filter((r) => r.part !== 'token').every((r) => r.method === 'GET')).toBe(true);

      const record = await plans.load(location);
      expect(record!.plan.lastCheck?.byTrack.cloudSync).toMatchObject({
        verdict: 'healthy',
        facts: expect.arrayContaining(['Directory sync: On']),
      });
      const verify = await a.invoke('task.show', { planId, taskId: 'cloudSync.verify' }, channel());
      expectValidCard(verify.body.value);
      expect(cardText(verify.body.value)).toMatch(/Last tenant check \(.*\): sync looks healthy/);
      expect(executeActions(verify.body.value).map((action) => action.title)).toEqual(
        expect.arrayContaining(['Mark done with this evidence', 'Check now', 'Mark done']),
      );
    });

    it('"Mark done with this evidence" marks the task done and keeps the evidence in history, the report and the CSV', async () => {
      const verify = await a.invoke('task.show', { planId, taskId: 'cloudSync.verify' }, channel());
      const button = executeActions(verify.body.value).find(
        (action) => action.title === 'Mark done with this evidence',
      )!;
      const done = await b.invoke(button.verb, button.data ?? {}, channel());
      expectValidCard(done.body.value);
      expect(cardText(done.body.value)).toMatch(
        /Marked done by Ana Admin[\s\S]*Evidence: tenant check of .*, healthy · Directory sync: On/,
      );

      const record = await plans.load(location);
      const task = record!.plan.tasks.find((t) => t.id === 'cloudSync.verify');
      expect(task).toMatchObject({ status: 'done', evidence: { verdict: 'healthy' } });
      expect(record!.plan.history.at(-1)).toMatchObject({
        task: 'cloudSync.verify',
        to: 'done',
        by: { name: 'Ana Admin' },
        evidence: { verdict: 'healthy' },
      });
      const [history] = cardsOf(await a.say('<at>Sync Guide</at> history', channel()));
      expect(cardText(history)).toMatch(
        /Verify users are syncing: To do → Done \(with tenant check evidence of .*: healthy\)/,
      );
      const csv = planCsv(record!.plan);
      expect(csv.split('\r\n')[0]).toMatch(/,Evidence$/);
      expect(csv).toMatch(
        /Verify users are syncing,Done,Bob Builder,,Ana Admin,[^,]+,"?Tenant check [^;]+: healthy; Directory sync: On; Last sync: 3 min ago/,
      );
      const [report] = cardsOf(await a.say('<at>Sync Guide</at> report', channel()));
      expect(cardText(report)).toMatch(/with tenant check evidence of .* \(healthy\)/);
    });

    it('a stale evidence button is refused with the newer finding, and an unhealthy check is never evidence', async () => {
      await plans.applyAction(location, {
        planId,
        taskId: 'cloudSync.verify',
        action: 'reopen',
        actor: ANA,
        at: clock().toISOString(),
      });
      const old = await a.invoke(
        'tenant.doneWithEvidence',
        { planId, taskId: 'cloudSync.verify', checkedAt: '2020-01-01T00:00:00.000Z' },
        channel(),
      );
      expect(cardText(old.body.value)).toContain('The tenant was checked again since this card was shown');
      expect((await plans.load(location))!.plan.tasks.find((t) => t.id === 'cloudSync.verify')!.status).toBe('todo');

      const checkedAt = '2026-01-01T00:00:00.000Z';
      await plans.updateRecord(location, (current) => ({
        next: {
          ...current,
          plan: {
            ...current.plan,
            lastCheck: {
              checkedAt,
              byTrack: { cloudSync: { checkedAt, verdict: 'failing', facts: ['Cloud Sync: quarantined'] } },
            },
          },
        },
        result: undefined,
      }));
      const unhealthy = await a.invoke(
        'tenant.doneWithEvidence',
        { planId, taskId: 'cloudSync.verify', checkedAt },
        channel(),
      );
      expect(cardText(unhealthy.body.value)).toContain('did not find sync healthy, so it cannot serve as evidence');
      expect(executeActions(unhealthy.body.value).map((action) => action.title)).not.toContain(
        'Mark done with this evidence',
      );
      expect((await plans.load(location))!.plan.tasks.find((t) => t.id === 'cloudSync.verify')!.status).toBe('todo');
    });

    it('names the missing permission and the consent step instead of failing', async () => {
      nextMinute();
      graph.forbid('jobs');
      const [card] = cardsOf(await a.say('<at>Sync Guide</at> check', channel()));
      expectValidCard(card);
      expect(cardText(card)).toContain('Not readable: the bot lacks Synchronization.Read.All');
      expect(cardText(card)).toMatch(
        /Grant the bot's app registration the Microsoft Graph application permission Synchronization\.Read\.All and have an administrator consent/,
      );
      graph.reset();
    });

    it('a conversation of another tenant never triggers a Graph call', async () => {
      nextMinute();
      graph.reset();
      const other = channel({
        tenantId: OTHER_TENANT,
        conversationId: '19:other@thread.tacv2',
        extra: { entities: [MENTION_BOT], channelData: { tenant: { id: OTHER_TENANT } } },
      });
      const [card] = cardsOf(await a.say('<at>Sync Guide</at> check', other));
      expect(cardText(card)).toContain('Tenant checks read only the tenant this bot is registered in');
      expect(graph.requests).toEqual([]);
    });

    it('"Check now" answers at once and posts the status card when the check returns', async () => {
      nextMinute();
      const clicked = await a.invoke('tenant.check', { planId }, channel());
      expect(clicked.status).toBe(200);
      expectValidCard(clicked.body.value);
      expect(cardText(clicked.body.value)).toContain('DEPLOYMENT PLAN');
      await a.app.tenantChecks.idle();
      const posted = connector.calls
        .filter((c) => c.kind === 'send' || c.kind === 'reply')
        .map((c) => cardText(c.body.attachments?.[0]?.content ?? {}));
      expect(posted.some((t) => t.includes('Sync status for this plan'))).toBe(true);
    });

    it('the watch: "watch on" asks first; a quarantine gets exactly one warning in the plan thread, recovery one note', async () => {
      const [asked] = cardsOf(await a.say('<at>Sync Guide</at> watch on', channel()));
      expectValidCard(asked);
      const [confirm] = executeActions(asked);
      expect(confirm).toMatchObject({ verb: 'watch.set', data: { planId, watch: 'on' } });
      const turnedOn = await b.invoke(confirm.verb, confirm.data ?? {}, channel());
      expect(cardText(turnedOn.body.value)).toContain('Tenant watch turned on');
      expect((await plans.load(location))!.plan.editHistory!.at(-1)).toMatchObject({
        kind: 'watch',
        from: false,
        to: true,
        by: { name: 'Ana Admin' },
      });

      const both = async () => {
        nextMinute();
        const results = [...(await a.app.watch.runOnce()), ...(await b.app.watch.runOnce())].map((r) => r.outcome);
        await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
        return results.sort();
      };

      expect(await both()).toEqual(['unchanged', 'unchanged']);
      expect(watchPosts(connector.calls)).toEqual([]);

      graph.setTenant(PRESETS.quarantinedCloudSync());
      expect(await both()).toEqual(['unchanged', 'warned']);
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      const warnings = watchPosts(connector.calls);
      expect(warnings).toHaveLength(1);
      const thread = (await plans.load(location))!.cards.find((c) => c.taskId === 'summary')!.conversationId;
      expect(warnings[0].conversationId).toBe(thread);
      expect(warnings[0].body.text).toContain('<at>Bob Builder</at>');
      expect(warnings[0].body.entities).toEqual([
        { type: 'mention', text: '<at>Bob Builder</at>', mentioned: { id: 'aad-bob', name: 'Bob Builder' } },
      ]);
      const card = warnings[0].body.attachments[0].content;
      expectValidCard(card);
      expect(cardText(card)).toMatch(
        /Sync needs attention[\s\S]*Quarantined \(EncounteredQuarantineException\)[\s\S]*Next step: [\s\S]*Restart sync/,
      );

      connector.calls.length = 0;
      graph.setTenant(PRESETS.healthyCloudSync());
      expect(await both()).toEqual(['recovered', 'unchanged']);
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      const notes = watchPosts(connector.calls);
      expect(notes).toHaveLength(1);
      expect(notes[0].body.text).toContain('back to normal');
    });

    it('objects in error: a steady count stays quiet, a jump gets one warning, falling back one note', async () => {
      const both = async () => {
        nextMinute();
        const results = [...(await a.app.watch.runOnce()), ...(await b.app.watch.runOnce())].map((r) => r.outcome);
        await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
        return results.sort();
      };
      // A second domain's configuration appears already carrying a few objects in error: that is its baseline, not news.
      const withErrors = (errors: number) => {
        const tenant = PRESETS.healthyCloudSync();
        tenant.jobs.push({
          configuration: 'fabrikam.example',
          templateId: 'AD2AADProvisioning',
          state: 'Active',
          lastRunMinutesAgo: 2,
          lastRunResult: errors ? 'EntryLevelErrors' : 'Succeeded',
          errors,
        });
        return tenant;
      };
      graph.setTenant(withErrors(6));
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      graph.setTenant(withErrors(9));
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      expect(watchPosts(connector.calls)).toEqual([]);

      graph.setTenant(withErrors(40));
      expect(await both()).toEqual(['unchanged', 'warned']);
      graph.setTenant(withErrors(55));
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      const warnings = watchPosts(connector.calls);
      expect(warnings).toHaveLength(1);
      const card = warnings[0].body.attachments[0].content;
      expectValidCard(card);
      expect(cardText(card)).toMatch(
        /Sync needs attention[\s\S]*fabrikam\.example \(users and groups\): objects in error[\s\S]*40 in the last run[\s\S]*provisioning logs/,
      );
      expect(cardText(card)).not.toContain('Quarantined');

      connector.calls.length = 0;
      // Part of the way down is still the incident; back at the count it jumped from is recovery.
      graph.setTenant(withErrors(20));
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      graph.setTenant(withErrors(9));
      expect(await both()).toEqual(['recovered', 'unchanged']);
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      const notes = watchPosts(connector.calls);
      expect(notes).toHaveLength(1);
      expect(notes[0].body.text).toContain('back to normal');
      graph.setTenant(PRESETS.healthyCloudSync());
    });

    it('a quarantine that cannot be read (403, then a timeout) stays open: no "back to normal" until it is read healthy', async () => {
      const both = async () => {
        nextMinute();
        const results = [...(await a.app.watch.runOnce()), ...(await b.app.watch.runOnce())].map((r) => r.outcome);
        await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
        return results.sort();
      };
      graph.setTenant(PRESETS.quarantinedCloudSync());
      expect(await both()).toEqual(['unchanged', 'warned']);
      expect(watchPosts(connector.calls)).toHaveLength(1);
      connector.calls.length = 0;

      // Consent withdrawn: every read answers 403, so every red item disappears from the card. That is not recovery.
      graph.forbid('organization', 'users', 'servicePrincipals', 'jobs');
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      expect(graph.requests.filter((r) => r.status === 403).length).toBeGreaterThan(0);
      // The tenant has healed except that the jobs cannot be seen: the quarantine is still unproven.
      graph.reset();
      graph.setTenant(PRESETS.healthyCloudSync());
      graph.forbid('jobs');
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      // Graph stops answering in time.
      graph.reset();
      graph.delay(GRAPH_TIMEOUTS.roundBudgetMs + 1_000);
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      expect(watchPosts(connector.calls)).toEqual([]);
      expect(watchRunOf((await plans.load(location))!).open).toEqual(
        expect.arrayContaining([expect.stringMatching(/^job:.*:state$/)]),
      );

      graph.reset();
      expect(await both()).toEqual(['recovered', 'unchanged']);
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      const notes = watchPosts(connector.calls);
      expect(notes).toHaveLength(1);
      expect(notes[0].body.text).toContain('back to normal');
    });

    it('a tenant unreadable for hours gets one note naming the permission and consent to check, and recovery still needs a healthy read', async () => {
      const both = async () => {
        nextMinute();
        const results = [...(await a.app.watch.runOnce()), ...(await b.app.watch.runOnce())].map((r) => r.outcome);
        await Promise.all([a.app.planFeature.idle(), b.app.planFeature.idle()]);
        return results.sort();
      };
      graph.setTenant(PRESETS.quarantinedCloudSync());
      expect(await both()).toEqual(['unchanged', 'warned']);
      connector.calls.length = 0;

      graph.forbid('organization', 'users', 'servicePrincipals', 'jobs');
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      now = new Date(now.getTime() + UNREADABLE_NOTE_AFTER_MINUTES * 60_000);
      expect(await both()).toEqual(['unchanged', 'unreadableNoted']);
      expect(await both()).toEqual(['unchanged', 'unchanged']);
      const notes = watchPosts(connector.calls);
      expect(notes).toHaveLength(1);
      expect(notes[0].body.text).toMatch(/Tenant watch for <at>Bob Builder<\/at>: it cannot read your tenant/);
      const card = notes[0].body.attachments[0].content;
      expectValidCard(card);
      expect(cardText(card)).toMatch(
        /cannot read your tenant[\s\S]*Organization\.Read\.All[\s\S]*administrator consent/,
      );
      expect(cardText(card)).not.toContain('back to normal');

      connector.calls.length = 0;
      graph.reset();
      graph.setTenant(PRESETS.healthyCloudSync());
      expect(await both()).toEqual(['recovered', 'unchanged']);
      expect(watchPosts(connector.calls)).toHaveLength(1);
      expect(watchRunOf((await plans.load(location))!).unreadable).toBeUndefined();
    });
  });
});
