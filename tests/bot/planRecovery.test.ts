/**
 * Who may discard or replace a shared plan (its creator, its task owners, team owners; never guests; Teams' roster
 * says who is what), and `restore`: discarded and replaced plans come back within 30 days, listed in `history`.
 * Over HTTP against the running bot, with a fake Bot Connector on loopback answering the roster.
 */
import { ReminderIndex } from '../../src/store/reminderIndex';
import { cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, planKey, startPlanIn } from '../helpers/planSetup';
import { answerAll, asked, PHS_SINGLE, PTA_SINGLE } from '../helpers/questionnaire';
import { testDecision } from '../helpers/decisionFixtures';

const DECISION = testDecision('cloudSync', { decidedBy: { id: 'aad-29:ana', name: 'Ana Admin' } });
const TEAM_ID = '19:identity-team@thread.tacv2';
const CHANNEL_ID = '19:rollout@thread.tacv2';
const GROUP_CHAT = '19:rollout-crew@thread.v2';
const DAY = 24 * 60 * 60 * 1000;

type Person = { userId: string; userName: string };
const ana: Person = { userId: '29:ana', userName: 'Ana Admin' };
const ben: Person = { userId: '29:ben', userName: 'Ben Builder' };
const gus: Person = { userId: '29:gus', userName: 'Gus Guest' };
const eve: Person = { userId: '29:eve', userName: 'Eve External' };
const ola: Person = { userId: '29:ola', userName: 'Ola Owner' };
const max: Person = { userId: '29:max', userName: 'Max Member' };

describe('discarding, replacing and restoring a shared plan', () => {
  let bot: Harness;
  let connector: FakeConnector;
  let now = new Date('2026-12-01T09:00:00.000Z');

  const channel = (who: Person): ActivityOptions => ({
    conversationType: 'channel',
    conversationId: `${CHANNEL_ID};messageid=1000`,
    serviceUrl: connector.serviceUrl,
    extra: {
      channelData: {
        tenant: { id: TENANT_ID },
        team: { id: TEAM_ID, name: 'Identity Team' },
        channel: { id: CHANNEL_ID, name: 'Identity rollout' },
      },
    },
    ...who,
  });
  const personalOf = (who: Person): ActivityOptions => ({
    conversationType: 'personal',
    conversationId: `a:personal-${who.userId.slice(3)}`,
    serviceUrl: connector.serviceUrl,
    ...who,
  });
  const groupChat = (who: Person): ActivityOptions => ({
    conversationType: 'groupChat',
    conversationId: GROUP_CHAT,
    serviceUrl: connector.serviceUrl,
    ...who,
  });

  const storedJson = async (conversationId: string) =>
    JSON.stringify((await bot.app.storage.storage.read([planKey(conversationId)]))[planKey(conversationId)] ?? null);
  /** The plan document without its storage eTag, which every write changes. */
  const stored = async (conversationId: string): Promise<any> => {
    const value = JSON.parse(await storedJson(conversationId));
    if (value) delete value.eTag;
    return value;
  };
  const say = async (text: string, options: ActivityOptions) => bot.say(text, options);
  const invoke = async (verb: string, data: Record<string, unknown>, options: ActivityOptions) => {
    const response = await bot.invoke(verb, data, options);
    expect(response.status).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValidCard(response.body.value);
    return response.body.value;
  };
  const texts = (activities: any[]) =>
    [
      ...activities.filter((a) => typeof a.text === 'string').map((a) => a.text),
      ...cardsOf(activities).map(cardText),
    ].join('\n');

  beforeAll(async () => {
    connector = await startFakeConnector({
      members: {
        [TEAM_ID]: ['29:ana', '29:ben', '29:gus', '29:eve', '29:ola', '29:max'],
        [GROUP_CHAT]: ['29:ana', '29:ben', '29:ola', '29:max'],
      },
      people: {
        '29:ana': { name: 'Ana Admin', aadObjectId: 'aad-29:ana', userRole: 'user' },
        '29:ben': { name: 'Ben Builder', aadObjectId: 'aad-29:ben', userRole: 'user' },
        '29:gus': { name: 'Gus Guest', aadObjectId: 'aad-29:gus', userRole: 'guest' },
        // An invited account whose roster entry says "user": its user principal name still gives it away.
        '29:eve': {
          name: 'Eve External',
          aadObjectId: 'aad-29:eve',
          userRole: 'user',
          userPrincipalName: 'eve_contoso.com#EXT#@fabrikam.onmicrosoft.com',
        },
        '29:ola': { name: 'Ola Owner', aadObjectId: 'aad-29:ola', userRole: 'owner' },
        '29:max': { name: 'Max Member', aadObjectId: 'aad-29:max', userRole: 'user' },
      },
    });
    bot = await startHarness({ REMINDER_CHECK_SECONDS: '0' }, { clock: () => now, sender: FAST_SENDER });
    // Ana's channel plan; Ben and Gus (a guest: guests work on tasks) each own a task.
    await startPlanIn(bot.app, channel(ana), { tool: 'cloudSync' }, DECISION);
    await bot.app.planFeature.idle();
    const planId = (await stored(CHANNEL_ID)).plan.id;
    await invoke('task.assignMe', { planId, taskId: 'cloudSync.installAgent' }, channel(ben));
    await invoke('task.assignMe', { planId, taskId: 'cloudSync.configure' }, channel(gus));
    await bot.app.planFeature.idle();
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });

  describe('start over in a team channel', () => {
    it('a member with no part in the plan: the plan stays, and a card says who can discard it', async () => {
      const before = await storedJson(CHANNEL_ID);
      const replies = await say('start over', channel(max));
      const [refusal] = cardsOf(replies);
      expectValidCard(refusal);
      expect(cardText(refusal)).toContain(
        "Only Ana Admin (who created it), the people who own its tasks (Ben Builder, Gus Guest) and the team's owners can discard the plan of this channel, and never guests.",
      );
      // Max's own questions start over; the plan is not among what he was asked to confirm.
      expect(asked(replies)?.question).toBe('currentSync');
      expect(texts(replies)).not.toContain('Start over?');
      expect(await storedJson(CHANNEL_ID)).toBe(before);
      await say('cancel', channel(max));
    });

    it.each([
      ['a guest, even one who owns a task', gus],
      ['an invited account the roster lists as a user', eve],
    ])('%s: guests work on tasks but never discard the plan', async (_label, who) => {
      const before = await storedJson(CHANNEL_ID);
      const replies = await say('start over', channel(who));
      expect(texts(replies)).toContain(
        "Guests can work on this plan's tasks, but cannot discard the plan itself. Ana Admin (who created it), the people who own its tasks (",
      );
      // A guest who owns a task is not named to themself as someone who can.
      expect(texts(replies)).not.toContain(`(${who.userName})`);
      expect(await storedJson(CHANNEL_ID)).toBe(before);
      // Saying yes to whatever comes next discards nothing of the plan either.
      await say('yes', channel(who));
      expect(await storedJson(CHANNEL_ID)).toBe(before);
      await say('cancel', channel(who));
    });

    it('when Teams cannot say who someone is, the answer is no and nothing changes', async () => {
      const before = await storedJson(CHANNEL_ID);
      connector.failNext({ status: 500, kind: 'member' }, 5);
      const replies = await say('start over', channel(ana));
      connector.clearFailures();
      expect(texts(replies)).toContain(
        'I could not check with Teams who you are in this team, so I left the plan as it is. Please try again in a moment.',
      );
      expect(texts(replies)).not.toContain('Start over?');
      expect(await storedJson(CHANNEL_ID)).toBe(before);
      await say('cancel', channel(ana));
    });
  });

  describe('replacing a plan after a new recommendation', () => {
    it('a member with no part in the plan gets the refusal instead of a Replace button, and a forged replace click changes nothing', async () => {
      const before = await storedJson(CHANNEL_ID);
      const recommendation = await answerAll(bot, PTA_SINGLE, channel(max));
      const accept = executeActions(recommendation).find((a) => a.verb === 'decision.accept')!;
      const answer = await invoke(accept.verb, accept.data!, channel(max));
      expect(cardText(answer)).toContain('can replace the plan of this channel');
      expect(executeActions(answer)).toEqual([]);
      const forged = await invoke('decision.replacePlan', accept.data!, channel(max));
      expect(cardText(forged)).toContain('can replace the plan of this channel');
      expect(await storedJson(CHANNEL_ID)).toBe(before);
    });

    it('a guest cannot replace it either', async () => {
      const before = await storedJson(CHANNEL_ID);
      const recommendation = await answerAll(bot, PTA_SINGLE, channel(gus));
      const accept = executeActions(recommendation).find((a) => a.verb === 'decision.accept')!;
      expect(cardText(await invoke('decision.replacePlan', accept.data!, channel(gus)))).toContain(
        'cannot replace the plan itself',
      );
      expect(await storedJson(CHANNEL_ID)).toBe(before);
    });
  });

  describe('a team owner discards the plan; it can be restored for 30 days', () => {
    let before: any;
    let planId: string;

    it('the owner is asked first, with what is discarded and that it can be restored', async () => {
      before = await stored(CHANNEL_ID);
      planId = before.plan.id;
      const confirm = cardsOf(await say('start over', channel(ola)));
      expect(confirm).toHaveLength(1);
      const text = cardText(confirm[0]);
      expect(text).toContain('Start over?');
      expect(text).toContain('the deployment plan of this conversation');
      expect(text).toContain('it is kept for 30 days, and "restore" brings it back');
      const replies = await say('yes', channel(ola));
      expect(asked(replies)?.question).toBe('currentSync');
      expect(await stored(CHANNEL_ID)).toBeNull();
      await say('cancel', channel(ola));
    });

    it('history lists the discarded plan with the date it can be restored until, and a button', async () => {
      now = new Date(now.getTime() + 2 * DAY);
      const [history] = cardsOf(await say('history', channel(max)));
      expectValidCard(history);
      expect(cardText(history)).toContain('Cloud Sync plan discarded (start over)\nOla Owner · 09:00 UTC, 1 Dec');
      expect(cardText(history)).toContain('Can be restored until 09:00 UTC, 31 Dec');
      expect(executeActions(history)).toEqual([expect.objectContaining({ verb: 'plan.restore', data: { planId } })]);
    });

    it('the same rule decides who may restore it: not a member with no part in it, not a guest', async () => {
      expect(cardText(await invoke('plan.restore', { planId }, channel(max)))).toContain(
        'can restore the plan of this channel',
      );
      expect(cardText(await invoke('plan.restore', { planId }, channel(gus)))).toContain(
        'cannot restore the plan itself',
      );
      expect(await stored(CHANNEL_ID)).toBeNull();
    });

    it('while it is discarded, its owners\' "my tasks" no longer lists its tasks', async () => {
      const [list] = cardsOf(await say('my tasks', personalOf(ben)));
      expect(cardText(list)).not.toContain('Install the provisioning agent');
    });

    it('its creator brings it back as it was, tasks and owners included', async () => {
      const answer = await invoke('plan.restore', { planId }, channel(ana));
      expect(cardText(answer)).toContain('Plan restored');
      expect(await stored(CHANNEL_ID)).toEqual(before);
      const [history] = cardsOf(await say('history', channel(ana)));
      expect(cardText(history)).toContain('Cloud Sync plan restored\nAna Admin');
      expect(executeActions(history).filter((a) => a.verb === 'plan.restore')).toEqual([]);
      // A second click on the old history card changes nothing.
      expect(cardText(await invoke('plan.restore', { planId }, channel(ana)))).toContain('Already restored');
    });

    it('restored, the plan\'s tasks are back in their owners\' "my tasks", pointing at the channel', async () => {
      const [list] = cardsOf(await say('my tasks', personalOf(ben)));
      expectValidCard(list);
      expect(cardText(list)).toContain('Install the provisioning agent');
      expect(cardText(list)).toContain('Identity Team › Identity rollout');
      const [guestList] = cardsOf(await say('my tasks', personalOf(gus)));
      expect(cardText(guestList)).toContain('Configure Cloud Sync');
    });

    it('after 30 days by the clock a discarded plan is gone: nothing to restore, and no button', async () => {
      expect(cardsOf(await say('start over', channel(ana)))[0]).toBeDefined();
      await say('yes', channel(ana));
      await say('cancel', channel(ana));
      expect(await stored(CHANNEL_ID)).toBeNull();
      now = new Date(now.getTime() + 30 * DAY + 1000);
      expect(texts(await say('restore', channel(ana)))).toContain('Nothing to restore');
      const [history] = cardsOf(await say('history', channel(ana)));
      expect(executeActions(history)).toEqual([]);
      expect(cardText(await invoke('plan.restore', { planId }, channel(ana)))).toContain('can no longer be restored');
      expect(await stored(CHANNEL_ID)).toBeNull();
    });
  });

  describe('in a group chat: replace, then restore (which asks first) and the decision comes back with the plan', () => {
    const whyText = async () => texts(await say('why', groupChat(ana)));

    it('creator replaces her plan, restores the first one, then the second one again', async () => {
      const first = await answerAll(bot, PHS_SINGLE, groupChat(ana));
      await invoke(
        'decision.accept',
        executeActions(first).find((a) => a.verb === 'decision.accept')!.data!,
        groupChat(ana),
      );
      await bot.app.planFeature.idle();
      const cloudSyncPlan = await stored(GROUP_CHAT);
      expect(await whyText()).toContain('Microsoft Entra Cloud Sync');

      // Ola is a team owner elsewhere, but a group chat has no team owners: only creators and task owners count.
      const olaRecommendation = await answerAll(bot, PTA_SINGLE, groupChat(ola));
      const olaAccept = executeActions(olaRecommendation).find((a) => a.verb === 'decision.accept')!;
      expect(cardText(await invoke('decision.replacePlan', olaAccept.data!, groupChat(ola)))).toContain(
        'Only Ana Admin (who created it) can replace the plan of this group chat, and never guests.',
      );

      const second = await answerAll(bot, PTA_SINGLE, groupChat(ana));
      const confirm = await invoke(
        'decision.accept',
        executeActions(second).find((a) => a.verb === 'decision.accept')!.data!,
        groupChat(ana),
      );
      expect(cardText(confirm)).toContain(
        'The current plan, with its progress, is kept for 30 days: "restore" brings it back.',
      );
      const replace = executeActions(confirm).find((a) => a.verb === 'decision.replacePlan')!;
      expect(cardText(await invoke(replace.verb, replace.data!, groupChat(ana)))).toContain(
        'accepted **Connect Sync**',
      );
      await bot.app.planFeature.idle();
      const connectPlan = await stored(GROUP_CHAT);
      expect(connectPlan.plan.selection.tool).toBe('connect');
      expect(await whyText()).toContain('Connect Sync: custom install');

      const [question] = cardsOf(await say('restore', groupChat(ana)));
      expectValidCard(question);
      expect(cardText(question)).toContain('Restore an earlier plan?');
      expect(cardText(question)).toContain('in place of the current plan (Connect Sync');
      const [restoreIt, keep] = executeActions(question);
      expect(restoreIt).toMatchObject({
        verb: 'plan.restore',
        data: { planId: cloudSyncPlan.plan.id, replacing: connectPlan.plan.id },
      });
      expect(cardText(await invoke(keep.verb, keep.data!, groupChat(ana)))).toContain('Nothing changed');
      expect((await stored(GROUP_CHAT)).plan.id).toBe(connectPlan.plan.id);

      expect(cardText(await invoke(restoreIt.verb, restoreIt.data!, groupChat(ana)))).toContain('is kept for 30 days');
      expect(await stored(GROUP_CHAT)).toEqual(cloudSyncPlan);
      expect(await whyText()).toContain('Microsoft Entra Cloud Sync');
      expect(await whyText()).not.toContain('Connect Sync: custom install');

      // The replaced plan is restorable in turn; the old question card cannot be replayed against it.
      expect(cardText(await invoke(restoreIt.verb, restoreIt.data!, groupChat(ana)))).toContain('Already restored');
      const [again] = cardsOf(await say('restore', groupChat(ana)));
      const [restoreConnect] = executeActions(again);
      expect(restoreConnect.data).toEqual({ planId: connectPlan.plan.id, replacing: cloudSyncPlan.plan.id });
      await invoke(restoreConnect.verb, restoreConnect.data!, groupChat(ana));
      expect(await stored(GROUP_CHAT)).toEqual(connectPlan);
      expect(await whyText()).toContain('Connect Sync: custom install');
    });
  });

  describe('personal chat', () => {
    const me = (): ActivityOptions => ({
      conversationType: 'personal',
      conversationId: 'a:personal-ben',
      serviceUrl: connector.serviceUrl,
      ...ben,
    });

    it('the person owns their plan: start over needs no roster call; restore brings the plan and its reminders back', async () => {
      await startPlanIn(bot.app, me(), { tool: 'cloudSync' }, DECISION);
      await bot.app.planFeature.idle();
      const planId = (await stored('a:personal-ben')).plan.id;
      const [reminders] = cardsOf(await say('remind daily', me()));
      const [turnOn] = executeActions(reminders);
      expect(cardText(await invoke(turnOn.verb, turnOn.data!, me()))).toContain('Daily reminders turned on');
      const before = await stored('a:personal-ben');

      connector.calls.length = 0;
      expect(cardText(cardsOf(await say('start over', me()))[0])).toContain('Start over?');
      await say('yes', me());
      await say('cancel', me());
      expect(connector.calls.filter((c) => c.kind === 'member')).toEqual([]);
      expect(await stored('a:personal-ben')).toBeNull();
      // The scheduler notices the plan is gone and drops its pointer.
      const index = async () =>
        (
          await new ReminderIndex(bot.app.storage.storage).scheduled({
            tenantId: TENANT_ID,
            conversationId: 'a:personal-ben',
          })
        ).filter((e) => e.planId === planId);
      await bot.app.reminders.runOnce();
      expect(await index()).toEqual([]);

      expect(texts(await say('restore', me()))).toContain('Its reminders are on again.');
      expect(await stored('a:personal-ben')).toEqual(before);
      expect(await index()).toEqual([
        expect.objectContaining({ planId, location: { tenantId: TENANT_ID, conversationId: 'a:personal-ben' } }),
      ]);
      const check = await bot.app.reminders.runOnce();
      expect(check.results.find((r) => r.planId === planId)?.outcome).not.toBe('removed');
    });

    it('"yes" to a start over discards the plan it offered, never one that replaced it in the meantime', async () => {
      const mine: ActivityOptions = {
        conversationType: 'personal',
        conversationId: 'a:personal-ana',
        serviceUrl: connector.serviceUrl,
        ...ana,
      };
      await startPlanIn(bot.app, mine, { tool: 'cloudSync' }, DECISION);
      expect(cardText(cardsOf(await say('start over', mine))[0])).toContain(
        'the deployment plan of this conversation (Microsoft Entra Cloud Sync',
      );
      await startPlanIn(
        bot.app,
        mine,
        { tool: 'connect', connectInstall: 'express' },
        { ...DECISION, tool: 'connect' },
        true,
      );
      await bot.app.planFeature.idle();
      const replacement = await storedJson('a:personal-ana');
      const replies = await say('yes', mine);
      expect(texts(replies)).toContain('The plan here changed after you were asked, so it stays');
      expect(asked(replies)?.question).toBe('currentSync');
      expect(await storedJson('a:personal-ana')).toBe(replacement);
      await say('cancel', mine);
    });

    it.each([
      ['a 250 KB plan id', { planId: 'p'.repeat(250_000) }],
      ['a plan id that is not a string', { planId: ['x'] }],
      ['a malformed plan to replace', { planId: 'plan-1', replacing: '<x>' }],
      ['a plan that was never kept here', { planId: '3f2c1d9e-0000-4000-8000-000000000000' }],
    ])('a restore button with %s answers with a card and changes nothing', async (_label, data) => {
      const before = await storedJson('a:personal-ben');
      const answer = await invoke('plan.restore', data, me());
      expect(cardText(answer)).toMatch(/does not name a plan I can restore|can no longer be restored/);
      expect(await storedJson('a:personal-ben')).toBe(before);
    });
  });
});
