import {
  BotAdapter,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { App } from '../../src/app';
import type { PlanSelection } from '../../src/domain/plan';
import { activity, cardsOf, startHarness, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, planKey, startTurn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

/** Stands in for the Bot Connector inside startPlan's turn: records the posted cards and hands out ids. */
class RecordingAdapter extends BotAdapter {
  readonly sent: Partial<Activity>[] = [];
  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((a) => {
      this.sent.push(a);
      return { id: `posted-${this.sent.length}` };
    });
  }
  async updateActivity(): Promise<void> {}
  async deleteActivity(): Promise<void> {}
  async continueConversation(
    _reference: Partial<ConversationReference>,
    _logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {}
}

/**
 * Starts a plan the way the questionnaire does (inside a turn), then waits for the posting that follows the
 * turn: the cards go to the connector behind the activity's serviceUrl, so they are read back from it.
 */
async function startPlan(
  app: App,
  connector: FakeConnector,
  options: ActivityOptions,
  selection: PlanSelection = { tool: 'cloudSync' },
  replace = false,
) {
  const context = startTurn({ ...options, serviceUrl: connector.serviceUrl }, new RecordingAdapter());
  const before = connector.calls.length;
  const result = await app.planFeature.startPlan(context, selection, testDecision(selection.tool), { replace });
  await app.planFeature.idle();
  const calls = connector.calls
    .slice(before)
    .filter((c) => c.kind === 'send' || c.kind === 'reply' || c.kind === 'create');
  // A create-conversation call carries its activity inside the conversation parameters.
  return { result, calls, sent: calls.map((c) => (c.body.activity ?? c.body).attachments?.[0]?.content) };
}

async function storedPlan(app: App, conversationId: string) {
  const key = planKey(conversationId);
  return (await app.storage.storage.read([key]))[key];
}

describe('plan over HTTP (expectReplies)', () => {
  let bot: Harness;
  let connector: FakeConnector;
  const chat: ActivityOptions = { conversationId: 'a:chat-with-ana', conversationType: 'personal' };
  let planId: string;

  beforeAll(async () => {
    // Nothing here is about pacing: room for a plan's whole burst of posts keeps the tests from waiting on it.
    bot = await startHarness({}, { sender: FAST_SENDER });
    connector = await startFakeConnector();
    const { result, sent } = await startPlan(bot.app, connector, chat);
    expect(result).toEqual({ kind: 'created', cardCount: 5, inThread: false });
    planId = (await storedPlan(bot.app, chat.conversationId!)).plan.id;
    // Summary first, then one card per open task (the done "choose the tool" task gets none).
    expect(sent.map((card) => cardText(card).split('\n').slice(0, 3).join(' '))).toEqual([
      expect.stringContaining('DEPLOYMENT PLAN'),
      expect.stringContaining('Review Cloud Sync prerequisites'),
      expect.stringContaining('Install the provisioning agent'),
      expect.stringContaining('Configure Cloud Sync'),
      expect.stringContaining('Verify users are syncing'),
    ]);
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  it('refuses to start a second plan unless asked to replace it', async () => {
    expect((await startPlan(bot.app, connector, chat)).result).toBe('exists');
    expect((await storedPlan(bot.app, chat.conversationId!)).plan.id).toBe(planId);
  });

  it('remembers the id of every posted card', async () => {
    const record = await storedPlan(bot.app, chat.conversationId!);
    expect(record.cards.map((c: any) => c.taskId)).toEqual([
      'summary',
      'cloudSync.prerequisites',
      'cloudSync.installAgent',
      'cloudSync.configure',
      'cloudSync.verify',
    ]);
    expect(
      record.cards.every(
        (c: any) =>
          /^bot-act-\d+$/.test(c.activityId) &&
          c.serviceUrl === connector.serviceUrl &&
          c.conversationId === chat.conversationId,
      ),
    ).toBe(true);
  });

  it('answers "status" with the summary and "what\'s next" with the next task card', async () => {
    const [summary] = cardsOf(await bot.say('status', chat));
    expectValidCard(summary);
    expect(cardText(summary)).toContain('1 of 5 tasks settled');
    const [next] = cardsOf(await bot.say("What's next?", chat));
    expectValidCard(next);
    expect(cardText(next)).toContain('Review Cloud Sync prerequisites');
    expect(executeActions(next).map((a) => a.verb)).toEqual([
      'task.start',
      'task.done',
      'task.skip',
      'task.assignMe',
      'task.ownerEditor',
      'task.dueEditor',
    ]);
  });

  it('presses done: HTTP 200, the updated card, the state changed; a stale click answers "already"', async () => {
    const response = await bot.invoke(
      'task.done',
      { planId, taskId: 'cloudSync.prerequisites', revision: 1 },
      { ...chat, userName: 'Ben Builder', userId: '29:ben' },
    );
    expect(response.status).toBe(200);
    expect(response.body.statusCode).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(response.body.value);
    expect(cardText(response.body.value)).toMatch(/Marked done by Ben Builder at \d\d:\d\d UTC/);
    expect(
      (await storedPlan(bot.app, chat.conversationId!)).plan.tasks.find((t: any) => t.id === 'cloudSync.prerequisites')
        .status,
    ).toBe('done');

    const stale = await bot.invoke('task.done', { planId, taskId: 'cloudSync.prerequisites', revision: 1 }, chat);
    expect(stale.status).toBe(200);
    expect(cardText(stale.body.value)).toMatch(/Already marked done by Ben Builder at/);
    expect((await storedPlan(bot.app, chat.conversationId!)).plan.revision).toBe(2);

    const [next] = cardsOf(await bot.say('next', chat));
    expect(cardText(next)).toContain('Install the provisioning agent');
  });

  it.each([
    [
      'a forged plan id',
      'task.done',
      { planId: 'f0f0f0f0-0000-4000-8000-000000000000', taskId: 'cloudSync.installAgent', revision: 2 },
      'Not this plan',
    ],
    [
      'an unknown task id',
      'task.done',
      () => ({ planId, taskId: 'cloudSync.nope', revision: 2 }),
      'task I do not know',
    ],
    ['missing data', 'task.done', {}, 'does not name a plan'],
    [
      'a huge plan id',
      'task.done',
      { planId: 'x'.repeat(200_000), taskId: 'cloudSync.installAgent', revision: 2 },
      'does not name a plan',
    ],
    [
      'a body over the server limit',
      'task.done',
      () => ({ planId, taskId: 'cloudSync.installAgent', revision: 2, junk: 'x'.repeat(300_000) }),
      '',
    ],
    [
      'an unknown verb',
      'task.explode',
      () => ({ planId, taskId: 'cloudSync.installAgent' }),
      'not something I recognise',
    ],
  ])('refuses %s with HTTP 200 and an error card; nothing changes', async (_label, verb, data, message) => {
    const before = JSON.stringify(await storedPlan(bot.app, chat.conversationId!));
    const payload = typeof data === 'function' ? data() : data;
    const response = await bot.invoke(verb, payload as Record<string, unknown>, chat);
    if (JSON.stringify(payload).length > 256 * 1024) {
      // Over the server's body limit: refused before it reaches the bot, still not a crash.
      expect(response.status).toBe(413);
    } else {
      expect(response.status).toBe(200);
      expect(response.body.statusCode).toBe(200);
      expectValidCard(response.body.value);
      expect(cardText(response.body.value)).toContain(message);
    }
    expect(JSON.stringify(await storedPlan(bot.app, chat.conversationId!))).toBe(before);
  });

  it("refuses another conversation's plan id: a click never reaches a plan it was not sent from", async () => {
    const otherChat: ActivityOptions = {
      conversationId: 'a:chat-with-ben',
      conversationType: 'personal',
      userId: '29:ben',
      userName: 'Ben',
    };
    await startPlan(bot.app, connector, otherChat, { tool: 'connect' });
    const otherPlanId = (await storedPlan(bot.app, otherChat.conversationId!)).plan.id;
    const before = JSON.stringify([
      await storedPlan(bot.app, chat.conversationId!),
      await storedPlan(bot.app, otherChat.conversationId!),
    ]);
    // Ana replays Ben's plan id from her own chat, with a task that exists in both plans' catalog.
    const response = await bot.invoke(
      'task.done',
      { planId: otherPlanId, taskId: 'connect.prerequisites', revision: 1 },
      chat,
    );
    expect(response.status).toBe(200);
    expect(cardText(response.body.value)).toContain('Not this plan');
    expect(
      JSON.stringify([
        await storedPlan(bot.app, chat.conversationId!),
        await storedPlan(bot.app, otherChat.conversationId!),
      ]),
    ).toBe(before);
  });

  it('takes typed "done 3" (numbered as on the summary) and answers with the updated card', async () => {
    const [card] = cardsOf(await bot.say('done 3', chat));
    expectValidCard(card);
    expect(cardText(card)).toContain('Install the provisioning agent');
    expect(cardText(card)).toMatch(/Marked done by Ana Admin/);
    const [again] = cardsOf(await bot.say('DONE #3', chat));
    expect(cardText(again)).toMatch(/Already marked done by Ana Admin/);
    const [missing] = cardsOf(await bot.say('skip 42', chat));
    expect(cardText(missing)).toContain('This plan has tasks 1 to 5, so there is no task 42');
  });

  it('lists the tasks and the history (who, when, from → to)', async () => {
    const [tasks] = cardsOf(await bot.say('tasks', chat));
    expectValidCard(tasks);
    expect(cardText(tasks)).toMatch(/3\.?\n.*Install the provisioning agent\nDone/);
    const [history] = cardsOf(await bot.say('history', chat));
    expectValidCard(history);
    const text = cardText(history);
    expect(text).toContain('3. Install the provisioning agent: To do → Done');
    expect(text).toContain('2. Review Cloud Sync prerequisites: To do → Done');
    expect(text).toMatch(/Ben Builder · \d\d:\d\d UTC/);
  });

  it('task.show opens a task card from the list', async () => {
    const response = await bot.invoke('task.show', { planId, taskId: 'cloudSync.verify', revision: 3 }, chat);
    expect(response.status).toBe(200);
    expect(cardText(response.body.value)).toContain('Verify users are syncing');
  });

  it('says so and suggests "start" when the conversation has no plan', async () => {
    for (const command of ['next', 'status', 'tasks', 'history', 'done 2']) {
      const [card] = cardsOf(await bot.say(command, { conversationId: 'a:nobody-here' }));
      expectValidCard(card);
      expect(cardText(card)).toContain('No plan here yet');
    }
  });

  it('works in a channel thread after the @mention is removed, on the channel-wide plan', async () => {
    const channel: ActivityOptions = {
      conversationType: 'channel',
      conversationId: '19:deploy@thread.tacv2;messageid=111',
    };
    await startPlan(bot.app, connector, channel, { tool: 'both', connectInstall: 'custom' });
    const inAnotherThread = {
      ...channel,
      conversationId: '19:deploy@thread.tacv2;messageid=222',
      extra: {
        entities: [
          { type: 'mention', text: '<at>Sync Guide</at>', mentioned: { id: '28:sync-guide-bot', name: 'Sync Guide' } },
        ],
      },
    };
    const [summary] = cardsOf(await bot.say('<at>Sync Guide</at> status', inAnotherThread));
    expect(cardText(summary)).toContain('Cloud Sync and Connect Sync (custom install) side by side');
  });
});

describe('plan over HTTP with a Bot Connector (fan-out)', () => {
  let bot: Harness;
  let connector: FakeConnector;
  let channel: ActivityOptions;
  let planId: string;
  let summaryRef: any;
  let prereqRef: any;

  beforeAll(async () => {
    connector = await startFakeConnector();
    // Fast retries, and room for a plan's whole burst of posts: the pacing of the posts is not what is tested here.
    bot = await startHarness({}, { sender: FAST_SENDER });
    channel = {
      conversationType: 'channel',
      conversationId: '19:rollout@thread.tacv2;messageid=500',
      serviceUrl: connector.serviceUrl,
      deliveryMode: 'normal',
    };
    await startPlan(bot.app, connector, channel);
    const record = await storedPlan(bot.app, channel.conversationId!);
    planId = record.plan.id;
    summaryRef = record.cards.find((c: any) => c.taskId === 'summary');
    prereqRef = record.cards.find((c: any) => c.taskId === 'cloudSync.prerequisites');
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  const summaryId = async () =>
    (await storedPlan(bot.app, channel.conversationId!)).cards.find((c: any) => c.taskId === 'summary').activityId;

  it('after a done click, answers first and then PUTs the new progress onto the summary and the task card', async () => {
    const response = await bot.invoke('task.done', { planId, taskId: 'cloudSync.prerequisites', revision: 1 }, channel);
    expect(response.status).toBe(200);
    expect(cardText(response.body.value)).toContain('Marked done by Ana Admin');
    await bot.app.planFeature.idle();
    const updates = connector.calls.filter((c) => c.kind === 'update');
    const summaryUpdate = updates.find((c) => c.activityId === summaryRef.activityId);
    expect(summaryUpdate).toBeDefined();
    // The plan's own thread (the summary is its root), not the thread the plan was asked for in.
    expect(summaryUpdate!.conversationId).toBe(summaryRef.conversationId);
    expect(summaryRef.conversationId).toBe(`19:rollout@thread.tacv2;messageid=${summaryRef.activityId}`);
    const card = summaryUpdate!.body.attachments[0].content;
    expectValidCard(card);
    expect(cardText(card)).toContain('2 of 5 tasks settled');
    expect(summaryUpdate!.body.id).toBe(summaryRef.activityId);
    // The task's own posted copy is updated for everyone else in the channel.
    expect(updates.find((c) => c.activityId === prereqRef.activityId)?.body.attachments[0].content).toBeDefined();
    expect(updates).toHaveLength(2);
  });

  it('retries an update that got 429 with Retry-After, and the card still arrives', async () => {
    connector.failNext({ status: 429, retryAfter: '0', kind: 'update' }, 1);
    await bot.invoke('task.start', { planId, taskId: 'cloudSync.installAgent', revision: 2 }, channel);
    await bot.app.planFeature.idle();
    const summaryCalls = connector.calls.filter((c) => c.kind === 'update' && c.activityId === summaryRef.activityId);
    expect(summaryCalls.map((c) => c.status)).toContain(429);
    expect(summaryCalls[summaryCalls.length - 1].status).toBe(200);
    expect(cardText(summaryCalls[summaryCalls.length - 1].body.attachments[0].content)).toMatch(
      /🔵\n3\.?\nInstall the provisioning agent/,
    );
  });

  it('posts a fresh summary when Teams answers 404 ActivityNotFound, and updates that one next time', async () => {
    const before = await summaryId();
    connector.failNext({ status: 404, code: 'ActivityNotFoundInConversation', kind: 'update' }, 2);
    await bot.invoke('task.done', { planId, taskId: 'cloudSync.installAgent', revision: 3 }, channel);
    await bot.app.planFeature.idle();
    // Card posts only: marking a task done also posts a (text) milestone note into the thread.
    const posts = connector.calls.filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.body.attachments);
    expect(posts).toHaveLength(2);
    const after = await summaryId();
    expect(after).not.toBe(before);
    expect(posts.map((p) => p.conversationId)).toEqual([summaryRef.conversationId, summaryRef.conversationId]);

    connector.calls.length = 0;
    await bot.invoke('task.start', { planId, taskId: 'cloudSync.configure', revision: 4 }, channel);
    await bot.app.planFeature.idle();
    expect(connector.calls.filter((c) => c.kind === 'update').map((c) => c.activityId)).toContain(after);
  });

  it('sends typed-command replies through the connector, into the thread', async () => {
    const replies = await bot.say('status', channel);
    expect(replies).toHaveLength(0);
    await connector.waitFor((calls) => calls.some((c) => c.kind === 'reply'));
    const reply = connector.calls.find((c) => c.kind === 'reply')!;
    expect(reply.conversationId).toBe(channel.conversationId);
    expect(cardText(reply.body.attachments[0].content)).toContain('DEPLOYMENT PLAN');
  });

  it('handles the Action.Submit fallback of an old client: applies the action and replaces the clicked card in place', async () => {
    const clickedCard = (await storedPlan(bot.app, channel.conversationId!)).cards.find(
      (c: any) => c.taskId === 'cloudSync.verify',
    ).activityId;
    const result = await bot.post(
      activity('message', channel, {
        replyToId: clickedCard,
        value: { verb: 'task.skip', planId, taskId: 'cloudSync.verify', revision: 1 },
      }),
    );
    expect(result.status).toBeLessThan(300);
    await bot.app.planFeature.idle();
    const inPlace = connector.calls.filter((c) => c.kind === 'update' && c.activityId === clickedCard);
    expect(inPlace.length).toBeGreaterThanOrEqual(1);
    expect(cardText(inPlace[0].body.attachments[0].content)).toMatch(/Skipped by Ana Admin/);
    expect(
      (await storedPlan(bot.app, channel.conversationId!)).plan.tasks.find((t: any) => t.id === 'cloudSync.verify')
        .status,
    ).toBe('skipped');
  });

  it('"What\'s next" on the summary refreshes it for the clicker and posts the next task card', async () => {
    const response = await bot.invoke('plan.next', { planId, revision: 6 }, channel);
    expect(response.status).toBe(200);
    expect(cardText(response.body.value)).toContain('DEPLOYMENT PLAN');
    await bot.app.planFeature.idle();
    const posted = connector.calls.filter((c) => c.kind === 'send' || c.kind === 'reply');
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0].body.attachments[0].content)).toContain('Configure Cloud Sync');
  });

  it('gives up on a card in a conversation that blocked the bot (403) without reposting', async () => {
    connector.failNext({ status: 403, code: 'MessageWritesBlocked', kind: 'update' }, 2);
    const response = await bot.invoke('task.reopen', { planId, taskId: 'cloudSync.configure', revision: 5 }, channel);
    expect(response.status).toBe(200);
    await bot.app.planFeature.idle();
    expect(connector.calls.filter((c) => c.kind !== 'update')).toHaveLength(0);
    // Blocked means the bot was removed or blocked there: the channel is marked inactive and later changes send nothing.
    const key = `conversations/${encodeURIComponent('19:rollout@thread.tacv2')}`;
    expect((await bot.app.storage.storage.read([key]))[key]?.active).toBe(false);
    connector.calls.length = 0;
    await bot.invoke('task.start', { planId, taskId: 'cloudSync.configure' }, channel);
    await bot.app.planFeature.idle();
    expect(connector.calls).toHaveLength(0);
  });
});
