/**
 * Channels and chats against the running server and a fake Bot Connector on loopback: install events and the one
 * welcome, removal, a plan in a channel as one thread, cards kept in sync with milestone notes, sharing a
 * personal plan to a channel, and the connector's 429 / 404 / 403 answers while posting and updating.
 */
import type { App } from '../../src/app';
import type { PlanSelection } from '../../src/domain/plan';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS } from '../../src/messaging/rateLimits';
import {
  activity,
  BOT,
  cardsOf,
  startHarness,
  TENANT_ID,
  type ActivityOptions,
  type Harness,
} from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, MENTION_BOT, planKey, startPlanIn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

function startPlan(app: App, options: ActivityOptions, selection: PlanSelection) {
  return startPlanIn(app, options, selection, testDecision(selection.tool));
}

async function stored(app: App, key: string): Promise<any> {
  return (await app.storage.storage.read([key]))[key];
}
/** Sharing lists every team of a tenant, so its tests have a tenant of their own. */
const SHARE_TENANT = '99999999-2222-3333-4444-555555555555';
const registryKey = (conversationId: string) =>
  `conversations/${encodeURIComponent(conversationId.split(';messageid=')[0])}`;

const cardPosts = (calls: ConnectorCall[]) =>
  calls.filter(
    (c) =>
      (c.kind === 'send' || c.kind === 'reply' || c.kind === 'create') &&
      c.status < 300 &&
      (c.body.attachments ?? c.body.activity?.attachments),
  );
const notes = (calls: ConnectorCall[]) =>
  calls.filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.body.type === 'message' && !c.body.attachments);
const cardOf = (call: ConnectorCall) => (call.body.activity ?? call.body).attachments[0].content;
const titleOf = (call: ConnectorCall) => cardText(cardOf(call)).split('\n').slice(0, 3).join(' | ');

/** A Teams team with its General channel and a second one, as install events describe it. */
function team(n: number, serviceUrl: string, tenantId = TENANT_ID) {
  const teamId = `19:team-${n}@thread.tacv2`;
  const general = { id: teamId, name: undefined as string | undefined };
  const rollout = { id: `19:rollout-${n}@thread.tacv2`, name: 'Identity rollout' };
  const options = (channel: { id: string }, extra: Partial<ActivityOptions> = {}): ActivityOptions => ({
    conversationType: 'channel',
    conversationId: channel.id,
    serviceUrl,
    deliveryMode: 'normal',
    tenantId,
    ...extra,
  });
  const channelData = (channel: { id: string; name?: string }) => ({
    tenant: { id: tenantId },
    team: { id: teamId, name: `Identity Team ${n}` },
    channel,
  });
  return {
    teamId,
    general,
    rollout,
    options,
    installationUpdate: (channel: { id: string; name?: string }, action: 'add' | 'remove' = 'add') =>
      activity('installationUpdate', options(channel), { action, channelData: channelData(channel) }),
    botAdded: (channel: { id: string; name?: string }) =>
      activity('conversationUpdate', options(channel), {
        membersAdded: [{ id: BOT.id, name: BOT.name }],
        channelData: { ...channelData(channel), eventType: 'teamMemberAdded' },
      }),
    botRemoved: (channel: { id: string; name?: string }) =>
      activity('conversationUpdate', options(channel), {
        membersRemoved: [{ id: BOT.id, name: BOT.name }],
        channelData: { ...channelData(channel), eventType: 'teamMemberRemoved' },
      }),
  };
}

describe('install events, threads, sync and sharing (fake Bot Connector)', () => {
  let h: Harness;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
    // Loose limits and short retries keep these fast; the real limits are measured in the next describe.
    h = await startHarness({}, { sender: FAST_SENDER });
  });
  afterAll(async () => {
    await h.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  const post = async (body: unknown) => {
    const result = await h.post(body);
    expect(result.status).toBeLessThan(300);
    return result;
  };

  it('install in a team: one welcome, in the channel chosen at install, even when both events arrive', async () => {
    const t = team(1, connector.serviceUrl);
    await post(t.installationUpdate(t.rollout));
    await post(t.botAdded(t.rollout));
    await h.app.planFeature.idle();
    const welcomes = connector.calls.filter(
      (c) => c.body?.attachments?.[0]?.content && cardText(c.body.attachments[0].content).includes('Entra Sync Guide'),
    );
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0].conversationId).toBe(t.rollout.id);
    expect(cardText(welcomes[0].body.attachments[0].content)).toContain('@Sync Guide start');
    expect(connector.calls).toHaveLength(1);
    const record = await stored(h.app, registryKey(t.rollout.id));
    expect(record).toMatchObject({
      active: true,
      conversationType: 'channel',
      teamId: t.teamId,
      channelName: 'Identity rollout',
      tenantId: TENANT_ID,
    });
    expect(record.reference.serviceUrl).toBe(connector.serviceUrl);
  });

  it('the two install events at the same moment still welcome once (eTag-safe claim)', async () => {
    const t = team(2, connector.serviceUrl);
    await Promise.all([
      post(t.installationUpdate(t.general)),
      post(t.botAdded(t.general)),
      post(t.installationUpdate(t.general)),
    ]);
    expect(connector.calls.filter((c) => c.body?.attachments)).toHaveLength(1);
    // Another member joining is not an install.
    await post(
      activity('conversationUpdate', t.options(t.general), {
        membersAdded: [{ id: '29:someone-new' }],
        channelData: { tenant: { id: TENANT_ID }, team: { id: t.teamId } },
      }),
    );
    expect(connector.calls).toHaveLength(1);
  });

  it('personal and group chat installs welcome once with the right hint', async () => {
    for (const [conversationType, hint] of [
      ['personal', 'Say **start** to begin'],
      ['groupChat', 'Everyone in this chat'],
    ] as const) {
      connector.calls.length = 0;
      const options: ActivityOptions = {
        conversationType,
        conversationId: `conv-install-${conversationType}`,
        serviceUrl: connector.serviceUrl,
        deliveryMode: 'normal',
      };
      await post(activity('installationUpdate', options, { action: 'add' }));
      await post(activity('conversationUpdate', options, { membersAdded: [{ id: BOT.id }] }));
      expect(connector.calls).toHaveLength(1);
      expect(cardText(connector.calls[0].body.attachments[0].content)).toContain(hint);
    }
  });

  it('removal marks the conversation inactive: plans there post and update nothing; a new install welcomes again', async () => {
    const t = team(3, connector.serviceUrl);
    await post(t.installationUpdate(t.general));
    const created = await startPlan(h.app, t.options(t.general), { tool: 'cloudSync' });
    expect(created).toMatchObject({ kind: 'created', inThread: true });
    await h.app.planFeature.idle();
    const planId = (await stored(h.app, planKey(t.general.id))).plan.id;

    await post(t.botRemoved(t.general));
    expect((await stored(h.app, registryKey(t.general.id))).active).toBe(false);
    connector.calls.length = 0;
    const click = await h.invoke('task.done', { planId, taskId: 'cloudSync.prerequisites' }, t.options(t.general));
    expect(click.status).toBe(200);
    expect(cardText(click.body.value)).toContain('Marked done by Ana Admin');
    await h.app.planFeature.idle();
    expect(connector.calls).toEqual([]);

    await post(t.installationUpdate(t.general, 'remove'));
    await post(t.installationUpdate(t.general));
    expect((await stored(h.app, registryKey(t.general.id))).active).toBe(true);
    expect(connector.calls.filter((c) => c.body?.attachments)).toHaveLength(1);
  });

  it('@Sync Guide start in a channel → questions → accept: answered at once, then the summary as a new root post and the tasks as replies in its thread', async () => {
    const t = team(4, connector.serviceUrl);
    await post(t.installationUpdate(t.general));
    connector.calls.length = 0;
    // The questionnaire answers in the HTTP response (expectReplies); "start" was said in an existing thread.
    const asked: ActivityOptions = {
      ...t.options(t.general),
      conversationId: `${t.general.id};messageid=777`,
      deliveryMode: 'expectReplies',
      extra: { entities: [MENTION_BOT] },
    };
    let replies = await h.say('<at>Sync Guide</at> start', asked);
    for (let q = questionOf(replies); q; q = questionOf(replies)) {
      const answer = PHS_SINGLE[q.question];
      expect(answer).toBeDefined();
      replies = (
        await post(activity('message', asked, { value: { questionnaire: q.runId, question: q.question, answer } }))
      ).body.activities;
    }
    const recommendation = cardsOf(replies).find((c) => executeActions(c).some((a) => a.verb === 'decision.accept'));
    if (!recommendation) throw new Error(`no recommendation in ${JSON.stringify(replies).slice(0, 2000)}`);
    const accept = executeActions(recommendation).find((a) => a.verb === 'decision.accept')!;

    const response = await h.invoke(accept.verb, accept.data as Record<string, unknown>, asked);
    expect(response.status).toBe(200);
    expect(cardText(response.body.value)).toContain('Plan created — posting 5 cards in this channel thread');
    // Nothing was posted while the click was being answered: the answer did not wait for the posting.
    expect(cardPosts(connector.calls)).toHaveLength(0);

    await h.app.planFeature.idle();
    const posts = cardPosts(connector.calls);
    expect(posts.map((c) => c.kind)).toEqual(['create', 'send', 'send', 'send', 'send']);
    const [root, ...replyPosts] = posts;
    expect(root.path).toBe('/v3/conversations');
    expect(root.body).toMatchObject({ isGroup: true, channelData: { channel: { id: t.general.id } } });
    expect(titleOf(root)).toContain('DEPLOYMENT PLAN');
    const thread = `${t.general.id};messageid=${(await stored(h.app, planKey(t.general.id))).cards[0].activityId}`;
    expect(replyPosts.map((c) => c.conversationId)).toEqual(Array(4).fill(thread));
    expect(replyPosts.map((c) => titleOf(c))).toEqual([
      expect.stringContaining('Review Cloud Sync prerequisites'),
      expect.stringContaining('Install the provisioning agent'),
      expect.stringContaining('Configure Cloud Sync'),
      expect.stringContaining('Verify users are syncing'),
    ]);
    // The plan belongs to the channel, not to the thread it was asked in; every card is remembered.
    const record = await stored(h.app, planKey(t.general.id));
    expect(record.conversationId).toBe(t.general.id);
    expect(record.cards.map((c: any) => c.conversationId)).toEqual(Array(5).fill(thread));

    // A second start in the channel asks before replacing the plan.
    const again = await h.say('<at>Sync Guide</at> start', asked);
    expect(again[0].text).toMatch(/already has a deployment plan/);
  });

  it('a connector without create-conversation: the summary goes into the thread where start was said, the tasks after it', async () => {
    const t = team(8, connector.serviceUrl);
    const asked = t.options(t.general, { conversationId: `${t.general.id};messageid=4242` });
    connector.failNext({ status: 404, code: 'NotFound', kind: 'create' }, 1);
    await startPlan(h.app, asked, { tool: 'cloudSync' });
    await h.app.planFeature.idle();
    const posts = cardPosts(connector.calls);
    expect(posts.map((c) => c.kind)).toEqual(['send', 'send', 'send', 'send', 'send']);
    expect(posts.every((c) => c.conversationId === asked.conversationId)).toBe(true);
    expect(titleOf(posts[0])).toContain('DEPLOYMENT PLAN');
    expect((await stored(h.app, planKey(t.general.id))).cards).toHaveLength(5);
  });

  describe('a plan in a channel thread', () => {
    const t = team(5, '');
    let options: ActivityOptions;
    let planId: string;
    let record: any;
    const ref = (taskId: string) => record.cards.find((c: any) => c.taskId === taskId);

    beforeAll(async () => {
      Object.assign(t, team(5, connector.serviceUrl));
      options = t.options(t.general);
      await post(t.installationUpdate(t.general));
      await startPlan(h.app, options, { tool: 'cloudSync' });
      await h.app.planFeature.idle();
      record = await stored(h.app, planKey(t.general.id));
      planId = record.plan.id;
    });

    it('a done click in the thread updates every copy (summary and task) and posts one milestone note; a start click posts none', async () => {
      const inThread = { ...options, conversationId: ref('summary').conversationId };
      const started = await h.invoke(
        'task.start',
        { planId, taskId: 'cloudSync.prerequisites', revision: 1 },
        inThread,
      );
      expect(cardText(started.body.value)).toMatch(/Started by Ana Admin/);
      await h.app.planFeature.idle();
      expect(notes(connector.calls)).toEqual([]);
      connector.calls.length = 0;

      const done = await h.invoke(
        'task.done',
        { planId, taskId: 'cloudSync.prerequisites', revision: 2 },
        { ...inThread, userName: 'Ben Builder', userId: '29:ben' },
      );
      expect(done.status).toBe(200);
      await h.app.planFeature.idle();
      const updates = connector.calls.filter((c) => c.kind === 'update');
      expect(updates.map((c) => c.activityId).sort()).toEqual(
        [ref('cloudSync.prerequisites').activityId, ref('summary').activityId].sort(),
      );
      expect(updates.every((c) => c.conversationId === ref('summary').conversationId)).toBe(true);
      expect(
        cardText(updates.find((c) => c.activityId === ref('summary').activityId)!.body.attachments[0].content),
      ).toContain('2 of 5 tasks settled');
      const [note, ...more] = notes(connector.calls);
      expect(more).toEqual([]);
      expect(note.conversationId).toBe(ref('summary').conversationId);
      expect(note.body.text).toBe('✅ Ben Builder marked **2. Review Cloud Sync prerequisites** as done.');
    });

    it("@Sync Guide what's next / status / history in another thread of the channel answer there, about the channel's plan", async () => {
      const elsewhere: ActivityOptions = {
        ...options,
        conversationId: `${t.general.id};messageid=999`,
        extra: { entities: [MENTION_BOT] },
      };
      for (const [text, expected] of [
        ["<at>Sync Guide</at> what's next?", 'Install the provisioning agent'],
        ['<at>Sync Guide</at> status', 'DEPLOYMENT PLAN'],
        ['<at>Sync Guide</at> history', 'Ben Builder'],
      ]) {
        connector.calls.length = 0;
        await h.say(text, elsewhere);
        await connector.waitFor((calls) => calls.length > 0);
        expect(connector.calls).toHaveLength(1);
        expect(connector.calls[0].conversationId).toBe(elsewhere.conversationId);
        expect(cardText(connector.calls[0].body.attachments[0].content)).toContain(expected);
      }
    });

    it('finishing the plan posts the "finished" note after the last task note', async () => {
      for (const [taskId, verb] of [
        ['cloudSync.installAgent', 'task.done'],
        ['cloudSync.configure', 'task.skip'],
        ['cloudSync.verify', 'task.done'],
      ] as const) {
        await h.invoke(verb, { planId, taskId }, options);
      }
      await h.app.planFeature.idle();
      expect(notes(connector.calls).map((c) => c.body.text)).toEqual([
        '✅ Ana Admin marked **3. Install the provisioning agent** as done.',
        '✅ Ana Admin marked **5. Verify users are syncing** as done.',
        expect.stringMatching(/plan is finished/),
      ]);
    });

    it('404 on an update posts a fresh card into the thread and remembers its id', async () => {
      connector.calls.length = 0;
      connector.failNext({ status: 404, code: 'ActivityNotFoundInConversation', kind: 'update' }, 1);
      await h.invoke('task.reopen', { planId, taskId: 'cloudSync.configure' }, options);
      await h.app.planFeature.idle();
      const fresh = cardPosts(connector.calls);
      expect(fresh).toHaveLength(1);
      expect(fresh[0].conversationId).toBe(ref('summary').conversationId);
      const lost = connector.calls.find((c) => c.status === 404)!;
      const after = await stored(h.app, planKey(t.general.id));
      const replacement = after.cards.find(
        (c: any) => c.taskId === record.cards.find((r: any) => r.activityId === lost.activityId).taskId,
      );
      expect(replacement.activityId).not.toBe(lost.activityId);
      expect(replacement.conversationId).toBe(ref('summary').conversationId);
      record = after;
    });

    it('403 marks the channel inactive: no retries, no reposts, and nothing more is sent there', async () => {
      connector.calls.length = 0;
      connector.failNext({ status: 403, code: 'MessageWritesBlocked' }, 100);
      await h.invoke('task.start', { planId, taskId: 'cloudSync.configure' }, options);
      await h.app.planFeature.idle();
      const refused = connector.calls.filter((c) => c.status === 403);
      // Each update was tried once; nothing was tried again or posted instead.
      expect(new Set(refused.map((c) => c.activityId)).size).toBe(refused.length);
      expect(connector.calls.every((c) => c.kind === 'update')).toBe(true);
      expect((await stored(h.app, registryKey(t.general.id))).active).toBe(false);
      connector.calls.length = 0;
      await h.invoke('task.done', { planId, taskId: 'cloudSync.configure' }, options);
      await h.app.planFeature.idle();
      expect(connector.calls).toEqual([]);
      connector.clearFailures();
    });
  });

  describe('share from personal chat', () => {
    const t = team(6, '', SHARE_TENANT);
    const chat: ActivityOptions = {
      conversationType: 'personal',
      conversationId: 'a:ana-share',
      deliveryMode: 'expectReplies',
      tenantId: SHARE_TENANT,
    };
    let planId: string;

    beforeAll(async () => {
      Object.assign(t, team(6, connector.serviceUrl, SHARE_TENANT));
      connector.teams.channels = { [t.teamId]: [{ id: t.teamId }, { id: t.rollout.id, name: 'Identity rollout' }] };
      connector.teams.members = { [team(7, '', SHARE_TENANT).teamId]: ['29:somebody-else'] };
      await post(t.installationUpdate(t.general));
      // A team Ana is not a member of: never offered.
      const other = team(7, connector.serviceUrl, SHARE_TENANT);
      await post(other.installationUpdate(other.general));
      await startPlan(
        h.app,
        { ...chat, serviceUrl: connector.serviceUrl },
        { tool: 'connect', connectInstall: 'express' },
      );
      await h.app.planFeature.idle();
      planId = (await stored(h.app, planKey(chat.conversationId!, SHARE_TENANT))).plan.id;
    });

    it('"share" lists the channels of the teams Ana belongs to; picking one posts the plan there as a thread and leaves one plan', async () => {
      const [card] = cardsOf(await h.say('share', { ...chat, serviceUrl: connector.serviceUrl }));
      expectValidCard(card);
      const buttons = executeActions(card).filter((a) => a.verb === 'plan.share');
      expect(cardText(card)).toMatch(
        /Identity Team 6\nGeneral\nShare here\n.*Identity Team 6\nIdentity rollout\nShare here/s,
      );
      expect(cardText(card)).not.toContain('Identity Team 7');
      expect(buttons.map((b) => b.data)).toEqual([
        { planId, teamId: t.teamId, channelId: t.teamId },
        { planId, teamId: t.teamId, channelId: t.rollout.id },
      ]);
      connector.calls.length = 0;

      const rollout = buttons[1];
      const shared = await h.invoke('plan.share', rollout.data as Record<string, unknown>, {
        ...chat,
        serviceUrl: connector.serviceUrl,
      });
      expect(shared.status).toBe(200);
      expect(cardText(shared.body.value)).toContain(
        'Posting 7 cards as a thread in Identity Team 6 › Identity rollout',
      );
      await h.app.planFeature.idle();
      const posts = cardPosts(connector.calls);
      expect(posts[0]).toMatchObject({ kind: 'create', body: { channelData: { channel: { id: t.rollout.id } } } });
      expect(posts.slice(1).every((c) => c.conversationId?.startsWith(`${t.rollout.id};messageid=`))).toBe(true);
      expect(posts).toHaveLength(7);

      // One plan document (the channel's), a link from the chat; both conversations load it.
      expect(await stored(h.app, planKey(chat.conversationId!, SHARE_TENANT))).toBeUndefined();
      const record = await stored(h.app, planKey(t.rollout.id, SHARE_TENANT));
      expect(record.plan.id).toBe(planId);
      expect(new Set(record.cards.map((c: any) => c.conversationId.split(';')[0]))).toEqual(
        new Set([chat.conversationId, t.rollout.id]),
      );
      expect(cardText(cardsOf(await h.say('status', chat))[0])).toContain('DEPLOYMENT PLAN');
    });

    it('a click in the channel updates the personal copy, and a click in the personal chat updates the channel copy', async () => {
      const record = await stored(h.app, planKey(t.rollout.id, SHARE_TENANT));
      const copies = (taskId: string) => record.cards.filter((c: any) => c.taskId === taskId);
      expect(copies('connect.prerequisites')).toHaveLength(2);
      const inChannel = t.options(t.rollout, {
        conversationId: copies('summary').find((c: any) => c.conversationId.startsWith(t.rollout.id)).conversationId,
      });

      connector.calls.length = 0;
      const fromChannel = await h.invoke('task.done', { planId, taskId: 'connect.prerequisites' }, inChannel);
      expect(cardText(fromChannel.body.value)).toMatch(/Marked done by Ana Admin/);
      await h.app.planFeature.idle();
      const updated = connector.calls
        .filter((c) => c.kind === 'update')
        .map((c) => c.activityId)
        .sort();
      expect(updated).toEqual(
        [...copies('connect.prerequisites'), ...copies('summary')].map((c: any) => c.activityId).sort(),
      );

      connector.calls.length = 0;
      const fromChat = await h.invoke(
        'task.start',
        { planId, taskId: 'connect.installExpress' },
        { ...chat, deliveryMode: 'normal' },
      );
      expect(cardText(fromChat.body.value)).toMatch(/Started by Ana Admin/);
      await h.app.planFeature.idle();
      const updatedToo = connector.calls
        .filter((c) => c.kind === 'update')
        .map((c) => c.activityId)
        .sort();
      expect(updatedToo).toEqual(
        [...copies('connect.installExpress'), ...copies('summary')].map((c: any) => c.activityId).sort(),
      );
      // Both conversations see the same state: one write per change, into the channel's document.
      const after = await stored(h.app, planKey(t.rollout.id, SHARE_TENANT));
      expect(after.plan.tasks.find((x: any) => x.id === 'connect.installExpress').status).toBe('inProgress');
      expect(after.plan.revision).toBe(record.plan.revision + 2);
    });

    it('refuses forged or stale share buttons, and channels of teams Ana is not in; nothing changes', async () => {
      const before = JSON.stringify(await stored(h.app, planKey(t.rollout.id, SHARE_TENANT)));
      for (const data of [
        { planId, teamId: team(7, '', SHARE_TENANT).teamId, channelId: team(7, '', SHARE_TENANT).teamId },
        { planId, teamId: 'nope', channelId: 'nope' },
        { planId: 'not-the-plan', teamId: t.teamId, channelId: t.teamId },
        {},
        { planId, teamId: t.teamId, channelId: 'x'.repeat(5_000) },
      ]) {
        const response = await h.invoke('plan.share', data, { ...chat, serviceUrl: connector.serviceUrl });
        expect(response.status).toBe(200);
        expectValidCard(response.body.value);
      }
      expect(JSON.stringify(await stored(h.app, planKey(t.rollout.id, SHARE_TENANT)))).toBe(before);
      // Sharing again from the chat says it is already shared.
      const [again] = cardsOf(await h.say('share', { ...chat, serviceUrl: connector.serviceUrl }));
      expect(cardText(again)).toContain('already shared');
    });
  });
});

describe('posting a plan within the Teams limits (real pacing)', () => {
  let h: Harness;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    // Production limits and retry policy: the figures measured here are the real ones.
    h = await startHarness();
    // A first plan warms up what the first post of a process pays once (connections, compiling the card code), which
    // the elapsed-time bound below is not about.
    await startPlan(
      h.app,
      {
        conversationType: 'channel',
        conversationId: '19:pacing-warm-up@thread.tacv2',
        serviceUrl: connector.serviceUrl,
      },
      { tool: 'cloudSync' },
    );
    await h.app.planFeature.idle();
  });
  afterAll(async () => {
    await h.close();
    await connector.close();
  });

  /**
   * The shortest time in which the sender could have started `limit + 1` of these calls, as far as the arrivals show.
   * The calls are serial (one conversation, one call at a time): each starts after the previous one was answered, and
   * before it arrives itself, and the fake connector stamps a call just before answering it. So call i started no
   * later than times[i] and no earlier than times[i - 1] (the first one no earlier than `started`), and a sender that
   * never starts more than `limit` calls within a window W gives a result of at least W, however slow a busy machine
   * makes each call. Arrival times themselves, which Teams counts, are kept within the limits by the pacing margin on
   * a machine at rest; load can bunch them by more than that margin, so they are not asserted here. Exact start times
   * are checked on a virtual clock in tests/messaging/sender.test.ts.
   */
  function shortestStartSpan(started: number, times: number[], limit: number): number {
    return Math.min(...times.slice(limit).map((arrived, i) => arrived - (i === 0 ? started : times[i - 1])));
  }

  /** The earliest the last of n sends can go under the per-conversation limits, if each took no time at all. */
  function minimumMs(n: number): number {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    let now = 0;
    for (let i = 0; i < n; i++) {
      now += limiter.delayUntilAllowed(now);
      limiter.record(now);
    }
    return now;
  }

  it.each<[string, PlanSelection, number]>([
    ['a full Connect plan', { tool: 'connect', connectInstall: 'custom' }, 7],
    ['a Cloud Sync + Connect plan', { tool: 'both', connectInstall: 'custom' }, 11],
  ])('posts %s as one thread, every card once, never over 7/s or 8/2 s', async (_label, selection, expected) => {
    const channel = `19:pacing-${selection.tool}@thread.tacv2`;
    connector.calls.length = 0;
    const started = Date.now();
    await startPlan(
      h.app,
      { conversationType: 'channel', conversationId: channel, serviceUrl: connector.serviceUrl },
      selection,
    );
    await h.app.planFeature.idle();
    const elapsed = Date.now() - started;
    const posts = cardPosts(connector.calls);
    expect(posts).toHaveLength(expected);
    expect(new Set(posts.map(titleOf)).size).toBe(expected);
    const times = connector.calls.map((c) => c.at);
    expect(shortestStartSpan(started, times, 7)).toBeGreaterThanOrEqual(1_000);
    expect(shortestStartSpan(started, times, 8)).toBeGreaterThanOrEqual(2_000);
    const minimum = minimumMs(expected);
    expect(elapsed).toBeGreaterThanOrEqual(minimum);
    // Loose on purpose: this proves the sender does not wait far beyond the limits, not how fast this machine is.
    expect(elapsed).toBeLessThan(minimum + 10_000);
    console.log(
      `posting ${expected} cards (${_label}) took ${elapsed} ms; the Teams limits allow ${minimum} ms at best (first to last call: ${times[times.length - 1] - times[0]} ms)`,
    );
  });

  it('429 bursts with Retry-After while posting a full Connect plan: every card delivered exactly once, the wait honoured, limits kept', async () => {
    const channel = '19:pacing-429@thread.tacv2';
    connector.calls.length = 0;
    connector.failNext({ status: 429, retryAfter: '1', kind: 'send' }, 3);
    const started = Date.now();
    await startPlan(
      h.app,
      { conversationType: 'channel', conversationId: channel, serviceUrl: connector.serviceUrl },
      { tool: 'connect', connectInstall: 'express' },
    );
    await h.app.planFeature.idle();

    const delivered = cardPosts(connector.calls);
    expect(delivered).toHaveLength(7);
    expect(new Set(delivered.map(titleOf)).size).toBe(7);
    const calls = connector.calls;
    const throttled = calls.filter((c) => c.status === 429);
    expect(throttled).toHaveLength(3);
    for (const refused of throttled) {
      const next = calls.find((c) => c.at >= refused.at && c !== refused && calls.indexOf(c) > calls.indexOf(refused));
      expect(next).toBeDefined();
      // Retry-After: 1 (second); a few ms of timer slack allowed.
      expect(next!.at - refused.at).toBeGreaterThanOrEqual(990);
    }
    // A retry is a send: the refused calls count against the limits too.
    const times = calls.map((c) => c.at);
    expect(shortestStartSpan(started, times, 7)).toBeGreaterThanOrEqual(1_000);
    expect(shortestStartSpan(started, times, 8)).toBeGreaterThanOrEqual(2_000);
    // Thread order survived the retries: the root first, the task cards after it in catalog order.
    expect(delivered[0].kind).toBe('create');
  });
});

const PHS_SINGLE: Record<string, string> = {
  currentSync: 'none',
  forestTopology: 'single',
  signIn: 'phs',
  devices: 'none',
  largestDomainObjects: 'under100k',
  groupOver50kMembers: 'no',
  customization: 'none',
  otherNeeds: 'none',
  enterpriseAdminAvailable: 'yes',
};

function questionOf(activities: any[]): { question: string; runId: string } | undefined {
  const card = cardsOf(activities).find((c) => JSON.stringify(c).includes('"questionnaire"'));
  if (!card) return undefined;
  const json = JSON.stringify(card);
  return { question: /"question":"(\w+)"/.exec(json)![1], runId: /"questionnaire":"([^"]+)"/.exec(json)![1] };
}
