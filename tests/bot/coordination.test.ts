/**
 * Owners, due dates and "my tasks" against the running server: messages and card
 * invokes over HTTP, Teams' member lookups and card updates answered by a fake Bot Connector on loopback,
 * and a settable clock for due dates and overdue marks.
 */
import type { DecisionSummary } from '../../src/domain/decision';
import { numberedTasks, type PlanSelection } from '../../src/domain/plan';
import { escapeMarkdown } from '../../src/cards/render';
import { BOT, cardsOf, startHarness, TENANT_ID, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER, MENTION_BOT, planKey, startPlanIn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

const DECISION = (tool: DecisionSummary['tool']) =>
  testDecision(tool, { decidedBy: { id: 'aad-29:ana', name: 'Ana Admin' } });

const TEAM_ID = '19:identity-team@thread.tacv2';
const CHANNEL_ID = '19:rollout@thread.tacv2';
const GROUP_CHAT = '19:rollout-crew@thread.v2';
const mention = (id: string, name: string) => ({ type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } });

/** Every Action.Execute carries ids and the revision only (plus the checked date on the past-date confirmation). */
function expectIdsOnly(card: object): void {
  for (const action of executeActions(card)) {
    for (const key of Object.keys(action.data ?? {})) expect(['planId', 'taskId', 'revision', 'due']).toContain(key);
  }
}

function validCard(card: any): any {
  expect(card).toBeDefined();
  expectValidCard(card);
  expectIdsOnly(card);
  return card;
}

describe('owners, due dates and my tasks over HTTP', () => {
  let bot: Harness;
  let connector: FakeConnector;
  let now = new Date('2026-12-01T09:00:00.000Z');

  const ana = { userId: '29:ana', userName: 'Ana Admin' };
  const ben = { userId: '29:ben', userName: 'Ben Builder' };
  const carl = { userId: '29:carl', userName: 'Carl Outsider' };
  let channel: ActivityOptions;
  let groupChat: ActivityOptions;
  const personal = (who: { userId: string; userName: string }): ActivityOptions => ({
    conversationType: 'personal',
    conversationId: `a:personal-${who.userId}`,
    serviceUrl: connector.serviceUrl,
    ...who,
  });

  const stored = async (conversationId: string): Promise<any> =>
    (await bot.app.storage.storage.read([planKey(conversationId)]))[planKey(conversationId)];
  const taskOf = async (conversationId: string, taskId: string) =>
    (await stored(conversationId)).plan.tasks.find((t: any) => t.id === taskId);
  const index = async (userId: string): Promise<any> => {
    const key = `myTasks/${TENANT_ID}/${encodeURIComponent(userId)}`;
    return (await bot.app.storage.storage.read([key]))[key];
  };

  /** Starts a plan and waits until its cards are posted. */
  async function startPlanAndPost(options: ActivityOptions, selection: PlanSelection, replace = false) {
    const result = await startPlanIn(bot.app, options, selection, DECISION(selection.tool), replace);
    await bot.app.planFeature.idle();
    return result;
  }

  const say = async (text: string, options: ActivityOptions) => cardsOf(await bot.say(text, options));
  const invoke = async (verb: string, data: Record<string, unknown>, options: ActivityOptions) => {
    const response = await bot.invoke(verb, data, options);
    expect(response.status).toBe(200);
    expect(response.body.statusCode).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
    return validCard(response.body.value);
  };

  beforeAll(async () => {
    connector = await startFakeConnector({
      members: {
        [TEAM_ID]: ['29:ana', '29:ben'],
        [GROUP_CHAT]: ['29:ana', '29:ben'],
      },
      people: {
        '29:ana': { name: 'Ana Admin', aadObjectId: 'aad-29:ana' },
        '29:ben': { name: 'Ben Builder', aadObjectId: 'aad-29:ben' },
        '29:carl': { name: 'Carl Outsider', aadObjectId: 'aad-29:carl' },
      },
    });
    bot = await startHarness({}, { clock: () => now, sender: FAST_SENDER });
    channel = {
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
      ...ana,
    };
    groupChat = { conversationType: 'groupChat', conversationId: GROUP_CHAT, serviceUrl: connector.serviceUrl, ...ana };
    expect(await startPlanAndPost(channel, { tool: 'cloudSync' })).toMatchObject({ kind: 'created', inThread: true });
    expect(await startPlanAndPost(groupChat, { tool: 'connect', connectInstall: 'express' })).toMatchObject({
      kind: 'created',
    });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  const planIdOf = async (conversationId: string): Promise<string> => (await stored(conversationId)).plan.id;

  describe('owners', () => {
    it('"Assign to me" in a channel: the card shows the owner, the other copies are updated, and it goes into my index', async () => {
      connector.calls.length = 0;
      const planId = await planIdOf(CHANNEL_ID);
      const card = await invoke('task.assignMe', { planId, taskId: 'cloudSync.installAgent', revision: 1 }, channel);
      expect(cardText(card)).toContain('Owner: Ana Admin');
      expect(cardText(card)).toContain('Assigned to Ana Admin.');
      expect(executeActions(card).map((a) => a.verb)).toContain('task.unassign');
      expect((await taskOf(CHANNEL_ID, 'cloudSync.installAgent')).owner).toEqual({
        id: 'aad-29:ana',
        name: 'Ana Admin',
      });
      // The person clicking is in the conversation by definition: no member lookup needed.
      expect(connector.calls.filter((c) => c.kind === 'member')).toHaveLength(0);

      await bot.app.planFeature.idle();
      const record = await stored(CHANNEL_ID);
      const taskRef = record.cards.find((c: any) => c.taskId === 'cloudSync.installAgent');
      const summaryRef = record.cards.find((c: any) => c.taskId === 'summary');
      const updates = connector.calls.filter((c) => c.kind === 'update');
      expect(cardText(updates.find((c) => c.activityId === taskRef.activityId)!.body.attachments[0].content)).toContain(
        'Owner: Ana Admin',
      );
      expect(
        cardText(updates.find((c) => c.activityId === summaryRef.activityId)!.body.attachments[0].content),
      ).toContain('Ana Admin');

      expect((await index('aad-29:ana')).entries).toEqual([
        expect.objectContaining({
          planId,
          taskId: 'cloudSync.installAgent',
          location: { tenantId: TENANT_ID, conversationId: CHANNEL_ID },
          teamId: TEAM_ID,
          where: 'Identity Team › Identity rollout',
        }),
      ]);
    });

    it('"@Sync Guide assign 3 to @Ben": Teams confirms Ben is a member; the owner is recorded under his Entra id and the reassignment moves the index entry', async () => {
      connector.calls.length = 0;
      const [card] = await say('<at>Sync Guide</at> assign 3 to <at>Ben Builder</at>', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT, mention('29:ben', 'Ben Builder')] },
      });
      validCard(card);
      expect(cardText(card)).toContain('Assigned to Ben Builder (was Ana Admin).');
      expect(cardText(card)).toContain('Owner: Ben Builder');
      const lookups = connector.calls.filter((c) => c.kind === 'member');
      expect(lookups.map((c) => [c.conversationId, c.activityId])).toEqual([[TEAM_ID, '29:ben']]);
      expect((await taskOf(CHANNEL_ID, 'cloudSync.installAgent')).owner).toEqual({
        id: 'aad-29:ben',
        name: 'Ben Builder',
      });
      expect((await index('aad-29:ben')).entries.map((e: any) => e.taskId)).toEqual(['cloudSync.installAgent']);
      expect((await index('aad-29:ana')).entries).toEqual([]);
    });

    it.each([
      [
        'someone who is not a member of the team',
        [MENTION_BOT, mention('29:carl', 'Carl Outsider')],
        'Carl Outsider is not a member of this team',
      ],
      ['a name typed without a real @mention', [MENTION_BOT], 'To give task 4 to someone, @mention them'],
      [
        'two people at once',
        [MENTION_BOT, mention('29:ben', 'Ben Builder'), mention('29:ana', 'Ana Admin')],
        'a task has one owner',
      ],
    ])('refuses %s, and nothing changes', async (_label, entities, message) => {
      const before = JSON.stringify(await stored(CHANNEL_ID));
      const [card] = await say('<at>Sync Guide</at> assign 4 to <at>Carl Outsider</at>', {
        ...channel,
        extra: { ...channel.extra, entities },
      });
      validCard(card);
      expect(cardText(card)).toContain(message);
      expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);
    });

    it('a Teams outage while checking membership refuses with "try again", never as "not a member"', async () => {
      const before = JSON.stringify(await stored(CHANNEL_ID));
      connector.failNext({ status: 500, kind: 'member' }, 5);
      const [card] = await say('<at>Sync Guide</at> assign 4 to <at>Ben Builder</at>', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT, mention('29:ben', 'Ben Builder')] },
      });
      connector.clearFailures();
      expect(cardText(card)).toContain('I could not check with Teams whether Ben Builder is a member');
      expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);
    });

    it('the people picker: Teams search plus the first members as choices; the picked id is checked on the server, and a dropped input says so', async () => {
      const planId = await planIdOf(CHANNEL_ID);
      const revision = (await stored(CHANNEL_ID)).plan.revision;
      const editor = await invoke('task.ownerEditor', { planId, taskId: 'cloudSync.configure', revision }, channel);
      const json = JSON.stringify(editor);
      const picker = findElement(editor, (e) => e.type === 'Input.ChoiceSet');
      expect(picker).toMatchObject({
        id: 'ownerId',
        style: 'filtered',
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      });
      expect(picker.choices.map((c: any) => c.title)).toEqual(['Ana Admin', 'Ben Builder']);
      expect(json).toContain('assign 4 to @name');

      const before = JSON.stringify(await stored(CHANNEL_ID));
      // Channel clicks sometimes arrive without the input values (reference §3 row 9).
      const dropped = await invoke('task.assign', { planId, taskId: 'cloudSync.configure', revision }, channel);
      expect(cardText(dropped)).toContain('I did not receive who to assign');
      expect(
        cardText(
          await invoke('task.assign', { planId, taskId: 'cloudSync.configure', revision, ownerId: BOT.id }, channel),
        ),
      ).toContain('I cannot own its tasks');
      expect(
        cardText(
          await invoke(
            'task.assign',
            { planId, taskId: 'cloudSync.configure', revision, ownerId: { id: 'x' } },
            channel,
          ),
        ),
      ).toContain('I did not receive who to assign');
      const outsider = await invoke(
        'task.assign',
        { planId, taskId: 'cloudSync.configure', revision, ownerId: 'aad-29:carl' },
        channel,
      );
      expect(cardText(outsider)).toContain('is not a member of this team');
      expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);

      const assigned = await invoke(
        'task.assign',
        { planId, taskId: 'cloudSync.configure', revision, ownerId: 'aad-29:ben' },
        channel,
      );
      expect(cardText(assigned)).toContain('Owner: Ben Builder');
      expect((await taskOf(CHANNEL_ID, 'cloudSync.configure')).owner).toEqual({
        id: 'aad-29:ben',
        name: 'Ben Builder',
      });
    });

    it('in personal chat only the person themself can own a task', async () => {
      const me = personal(ana);
      await startPlanAndPost(me, { tool: 'cloudSync' });
      const conversationId = me.conversationId!;
      const [mine] = await say('assign 2 to me', me);
      expect(cardText(validCard(mine))).toContain('Owner: Ana Admin');
      expect((await taskOf(conversationId, 'cloudSync.prerequisites')).owner).toEqual({
        id: 'aad-29:ana',
        name: 'Ana Admin',
      });

      const before = JSON.stringify(await stored(conversationId));
      const [typed] = await say('assign 3 to ben', me);
      expect(cardText(typed)).toContain('In a personal chat only you can own tasks');
      const planId = await planIdOf(conversationId);
      const picked = await invoke(
        'task.assign',
        { planId, taskId: 'cloudSync.installAgent', revision: 2, ownerId: 'aad-29:ben' },
        me,
      );
      expect(cardText(picked)).toContain('In a personal chat only you can own tasks');
      const editor = await invoke('task.ownerEditor', { planId, taskId: 'cloudSync.installAgent', revision: 2 }, me);
      expect(findElement(editor, (e) => e.type === 'Input.ChoiceSet')).toBeUndefined();
      expect(JSON.stringify(await stored(conversationId))).toBe(before);

      const [unassigned] = await say('unassign 2', me);
      expect(cardText(unassigned)).toContain('No owner yet');
      expect((await index('aad-29:ana')).entries).toEqual([]);
    });
  });

  describe('due dates', () => {
    it('sets a valid date by text and shows it on the card', async () => {
      const [card] = await say('<at>Sync Guide</at> due 3 2026-12-15', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT] },
      });
      expect(cardText(validCard(card))).toContain('Due 15 Dec 2026');
      expect((await taskOf(CHANNEL_ID, 'cloudSync.installAgent')).due).toBe('2026-12-15');
    });

    // The command's own words with the day said as people say it: read as free text, the date it read on the card.
    it.each([
      ['tomorrow', '2026-12-02', 'Due 2 Dec 2026'],
      ['next friday', '2026-12-11', 'Due 11 Dec 2026'],
      ['12/15/2026', '2026-12-15', 'Due 15 Dec 2026'],
    ])('reads "due 4 %s" as the day it names', async (typed, day, shown) => {
      // In the group chat's plan, so the channel plan's history below stays as its own test made it.
      const cards = await say(`<at>Sync Guide</at> due 4 ${typed}`, {
        ...groupChat,
        extra: { entities: [MENTION_BOT] },
      });
      expect(cards.map((card) => cardText(validCard(card))).join('\n')).toContain(shown);
      expect((await stored(GROUP_CHAT)).plan.tasks[3].due).toBe(day);
    });

    it('offers both readings of a slashed date that could be either, and changes nothing', async () => {
      const before = JSON.stringify(await stored(GROUP_CHAT));
      const [card] = await say('<at>Sync Guide</at> due 4 11/12/2026', {
        ...groupChat,
        extra: { entities: [MENTION_BOT] },
      });
      expect(cardText(validCard(card))).toContain('Did you mean');
      expect(JSON.stringify(await stored(GROUP_CHAT))).toBe(before);
    });

    it.each([
      ['2026-02-30', 'is not a real date: February 2026 has 28 days'],
      ['2026-12-5', 'is not a date in the form YYYY-MM-DD'],
      ['someday', 'is not a date in the form YYYY-MM-DD'],
      ['', 'Give the due date as YYYY-MM-DD'],
    ])('refuses "%s" and changes nothing', async (typed, message) => {
      const before = JSON.stringify(await stored(CHANNEL_ID));
      const [card] = await say(`<at>Sync Guide</at> due 4 ${typed}`, {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT] },
      });
      expect(cardText(validCard(card))).toContain(message);
      expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);
    });

    it('the card editor: Input.Date + Save, validated on the server (a forged value is refused; a dropped one says so)', async () => {
      const planId = await planIdOf(CHANNEL_ID);
      const revision = (await stored(CHANNEL_ID)).plan.revision;
      const editor = await invoke('task.dueEditor', { planId, taskId: 'cloudSync.verify', revision }, channel);
      expect(findElement(editor, (e) => e.type === 'Input.Date')).toMatchObject({ id: 'dueDate' });
      expect(executeActions(editor).map((a) => a.verb)).toContain('task.setDue');

      const before = JSON.stringify(await stored(CHANNEL_ID));
      expect(
        cardText(await invoke('task.setDue', { planId, taskId: 'cloudSync.verify', revision }, channel)),
      ).toContain('I did not receive a date');
      expect(
        cardText(
          await invoke('task.setDue', { planId, taskId: 'cloudSync.verify', revision, dueDate: '2026-13-01' }, channel),
        ),
      ).toContain('there is no month 13');
      expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);

      const saved = await invoke(
        'task.setDue',
        { planId, taskId: 'cloudSync.verify', revision, dueDate: '2026-12-31' },
        channel,
      );
      expect(cardText(saved)).toContain('Due 31 Dec 2026');
      expect(
        cardText(await invoke('task.clearDue', { planId, taskId: 'cloudSync.verify', revision }, channel)),
      ).toContain('Due date cleared');
      expect((await taskOf(CHANNEL_ID, 'cloudSync.verify')).due).toBeUndefined();
    });

    it('a past date asks first; confirming sets it, and the task shows as overdue', async () => {
      const before = JSON.stringify(await stored(CHANNEL_ID));
      const [confirm] = await say('<at>Sync Guide</at> due 4 2026-11-20', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT] },
      });
      validCard(confirm);
      expect(cardText(confirm)).toContain('20 Nov 2026 is in the past (today is 1 Dec 2026, UTC)');
      expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);
      const yes = executeActions(confirm).find((a) => a.verb === 'task.confirmPastDue')!;
      expect(yes.data).toMatchObject({ taskId: 'cloudSync.configure', due: '2026-11-20' });

      const card = await invoke(yes.verb, yes.data!, channel);
      expect(cardText(card)).toContain('Overdue since 20 Nov 2026 (11 days late)');
      expect(JSON.stringify(card)).toContain('"color":"Attention"');
      expect((await taskOf(CHANNEL_ID, 'cloudSync.configure')).due).toBe('2026-11-20');
      // A forged "confirmation" still goes through the date check.
      const bad = await invoke(yes.verb, { ...yes.data, due: '2026-02-30' }, channel);
      expect(cardText(bad)).toContain('is not a real date');
    });

    it('overdue marks follow the clock at render time, on the summary and the task card', async () => {
      const [summary] = await say('<at>Sync Guide</at> status', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT] },
      });
      expect(cardText(validCard(summary))).toContain('Due 15 Dec 2026');
      expect(cardText(summary)).toContain('1 task is overdue');

      now = new Date('2026-12-16T08:00:00.000Z');
      try {
        const [later] = await say('<at>Sync Guide</at> status', {
          ...channel,
          extra: { ...channel.extra, entities: [MENTION_BOT] },
        });
        expect(cardText(validCard(later))).toContain('Overdue since 15 Dec 2026 (1 day late)');
        expect(cardText(later)).toContain('2 tasks are overdue');
        const planId = await planIdOf(CHANNEL_ID);
        const task = await invoke('task.show', { planId, taskId: 'cloudSync.installAgent' }, channel);
        expect(cardText(task)).toContain('Overdue since 15 Dec 2026');
      } finally {
        now = new Date('2026-12-01T09:00:00.000Z');
      }
    });

    it('history shows owner and due date changes beside status changes, newest first', async () => {
      const [history] = await say('<at>Sync Guide</at> history', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT] },
      });
      const text = cardText(validCard(history));
      expect(text).toContain('3. Install the provisioning agent: assigned to Ana Admin');
      expect(text).toContain('3. Install the provisioning agent: owner Ana Admin → Ben Builder');
      expect(text).toContain('3. Install the provisioning agent: due date set to 15 Dec 2026');
      expect(text).toContain('4. Configure Cloud Sync: due date set to 20 Nov 2026 (a past date, confirmed)');
      expect(text).toContain('5. Verify users are syncing: due date cleared (was 31 Dec 2026)');
      expect(text.indexOf('due date set to 20 Nov 2026')).toBeLessThan(text.indexOf('assigned to Ana Admin'));
    });
  });

  describe('my tasks', () => {
    beforeAll(async () => {
      // Ben's second plan: task 2 of the group chat's Connect plan.
      const [card] = await say('assign 2 to <at>Ben Builder</at>', {
        ...groupChat,
        extra: { entities: [mention('29:ben', 'Ben Builder')] },
      });
      expect(cardText(card)).toContain('Owner: Ben Builder');
      const [other] = await say('assign 3 to me', groupChat);
      expect(cardText(other)).toContain('Owner: Ana Admin');
    });

    it('lists the open tasks assigned to me across plans, with plan, place, status and due date', async () => {
      const [card] = await say('my tasks', personal(ben));
      const text = cardText(validCard(card));
      expect(text).toContain('3 open tasks assigned to you, in 2 plans');
      expect(text).toContain('3. Install the provisioning agent');
      expect(text).toContain('Microsoft Entra Cloud Sync · Identity Team › Identity rollout');
      expect(text).toContain('Due 15 Dec 2026');
      expect(text).toContain('Microsoft Entra Connect Sync (express install) · a group chat');
      expect(executeActions(card).map((a) => a.verb)).toEqual(
        expect.arrayContaining(['mytasks.start', 'mytasks.done', 'mytask.open']),
      );
    });

    it('Done from my tasks changes the plan in its own conversation: the channel card is updated (PUT), and the list answers', async () => {
      connector.calls.length = 0;
      const [list] = await say('my tasks', personal(ben));
      const done = executeActions(list).find(
        (a) => a.verb === 'mytasks.done' && a.data!.taskId === 'cloudSync.installAgent',
      )!;
      const card = await invoke(done.verb, done.data!, personal(ben));
      expect(cardText(card)).toContain(
        '3. Install the provisioning agent: marked done. The plan in Identity Team › Identity rollout shows it too.',
      );
      expect(cardText(card)).toContain('2 open tasks assigned to you');
      const task = await taskOf(CHANNEL_ID, 'cloudSync.installAgent');
      expect(task).toMatchObject({ status: 'done', changedBy: { id: 'aad-29:ben', name: 'Ben Builder' } });

      await bot.app.planFeature.idle();
      const record = await stored(CHANNEL_ID);
      const ref = record.cards.find((c: any) => c.taskId === 'cloudSync.installAgent');
      const put = connector.calls.find((c) => c.kind === 'update' && c.activityId === ref.activityId);
      expect(put?.conversationId).toBe(ref.conversationId);
      expect(ref.conversationId).toContain(CHANNEL_ID);
      expect(cardText(put!.body.attachments[0].content)).toContain('Marked done by Ben Builder');
    });

    it('Open shows the task from personal chat with buttons that work there', async () => {
      const planId = await planIdOf(GROUP_CHAT);
      const card = await invoke('mytask.open', { planId, taskId: 'connect.prerequisites', revision: 1 }, personal(ben));
      expect(cardText(card)).toContain('In a group chat');
      expect(executeActions(card).map((a) => a.verb)).toEqual(['mytask.start', 'mytask.done', 'mytask.skip']);
      const started = await invoke('mytask.start', { planId, taskId: 'connect.prerequisites' }, personal(ben));
      expect(cardText(started)).toContain('Started by Ben Builder');
      expect((await taskOf(GROUP_CHAT, 'connect.prerequisites')).status).toBe('inProgress');
    });

    it('refuses a person who neither owns the task nor is a member of its conversation; a forged plan id finds nothing', async () => {
      const planId = await planIdOf(GROUP_CHAT);
      const before = JSON.stringify(await stored(GROUP_CHAT));
      // Ben left the group chat: Ana's task in that chat he may not touch (nor his own, see below).
      connector.teams.members![GROUP_CHAT] = ['29:ana'];
      try {
        const refused = await invoke('mytask.done', { planId, taskId: 'connect.installExpress' }, personal(ben));
        expect(cardText(refused)).toContain('You are not a member of a group chat any more');
        expect(JSON.stringify(await stored(GROUP_CHAT))).toBe(before);
      } finally {
        connector.teams.members![GROUP_CHAT] = ['29:ana', '29:ben'];
      }
      // Carl has no index entry for the plan: the click cannot reach it at all.
      const stranger = await invoke('mytask.done', { planId, taskId: 'connect.prerequisites' }, personal(carl));
      expect(cardText(stranger)).toContain('This task is not on your list any more');
      const forged = await invoke(
        'mytasks.done',
        { planId: 'f0f0f0f0-0000-4000-8000-000000000000', taskId: 'connect.prerequisites' },
        personal(ben),
      );
      expect(cardText(forged)).toContain('This task is not on your list any more');
      expect(JSON.stringify(await stored(GROUP_CHAT))).toBe(before);
    });

    it('a refusal names who settled the task as plain text, never as Markdown', async () => {
      const planId = await planIdOf(GROUP_CHAT);
      const name = '[Mallory](https://evil.example) **urgent**';
      await invoke(
        'task.done',
        { planId, taskId: 'connect.prerequisites' },
        { ...groupChat, userId: '29:mallory', userName: name },
      );
      expect((await taskOf(GROUP_CHAT, 'connect.prerequisites')).changedBy.name).toBe(name);

      const fromTask = cardText(
        await invoke('mytask.start', { planId, taskId: 'connect.prerequisites' }, personal(ben)),
      );
      const fromList = cardText(
        await invoke('mytasks.start', { planId, taskId: 'connect.prerequisites' }, personal(ben)),
      );
      for (const text of [fromTask, fromList]) {
        expect(text).toContain(`was marked done by ${escapeMarkdown(name)}. Reopen it first`);
        expect(text).not.toContain(name);
      }
    });

    describe('someone removed from where a plan lives', () => {
      /** Gives Ben a fresh open task in the conversation and returns its id. */
      const benGets = async (options: ActivityOptions, number: number): Promise<string> => {
        const conversationId = baseId(options.conversationId!);
        const [card] = await say(`<at>Sync Guide</at> assign ${number} to <at>Ben Builder</at>`, {
          ...options,
          extra: { ...options.extra, entities: [MENTION_BOT, mention('29:ben', 'Ben Builder')] },
        });
        expect(cardText(card)).toContain('Owner: Ben Builder');
        const task = numberedTasks((await stored(conversationId)).plan).find((t) => t.number === number)!;
        expect(task).toMatchObject({ owner: { id: 'aad-29:ben' }, status: 'todo' });
        return task.id;
      };
      const baseId = (id: string) => id.split(';messageid=')[0];

      it("a group chat: the list leaves its tasks out, and neither Ben's own task nor another one opens or changes", async () => {
        const taskId = await benGets(groupChat, 5);
        const planId = await planIdOf(GROUP_CHAT);
        expect(cardText((await say('my tasks', personal(ben)))[0])).toContain('a group chat');
        const before = JSON.stringify(await stored(GROUP_CHAT));
        connector.teams.members![GROUP_CHAT] = ['29:ana'];
        try {
          const [list] = await say('my tasks', personal(ben));
          const text = cardText(validCard(list));
          expect(text).not.toContain('a group chat');
          expect(text).toMatch(
            /\d+ tasks? still assigned to you (is|are) in a chat or channel you are no longer a member of/,
          );
          expect(executeActions(list).some((a) => a.data?.planId === planId)).toBe(false);

          for (const verb of ['mytask.done', 'mytask.start', 'mytasks.done']) {
            const refused = cardText(await invoke(verb, { planId, taskId }, personal(ben)));
            expect(refused).toContain('You are not a member of a group chat any more');
          }
          const opened = cardText(
            await invoke('mytask.open', { planId, taskId: 'connect.installExpress' }, personal(ben)),
          );
          expect(opened).toContain('You are not a member of a group chat any more');
          expect(opened).not.toContain('Owner:');
          expect(JSON.stringify(await stored(GROUP_CHAT))).toBe(before);
        } finally {
          connector.teams.members![GROUP_CHAT] = ['29:ana', '29:ben'];
        }
        // Back in the chat, the task is his again on the list.
        expect(cardText((await say('my tasks', personal(ben)))[0])).toContain('a group chat');
      });

      it("a channel follows the channel's own members: Ben out of the channel but still in the team is refused", async () => {
        const taskId = await benGets(channel, 5);
        const planId = await planIdOf(CHANNEL_ID);
        const before = JSON.stringify(await stored(CHANNEL_ID));
        connector.teams.members![CHANNEL_ID] = ['29:ana'];
        try {
          const [list] = await say('my tasks', personal(ben));
          expect(cardText(list)).not.toContain('Identity rollout');
          const refused = cardText(await invoke('mytask.done', { planId, taskId }, personal(ben)));
          expect(refused).toContain('You are not a member of Identity Team › Identity rollout any more');
          expect(JSON.stringify(await stored(CHANNEL_ID))).toBe(before);
          expect(connector.calls.some((c) => c.kind === 'member' && c.conversationId === CHANNEL_ID)).toBe(true);
        } finally {
          delete connector.teams.members![CHANNEL_ID];
        }
        const done = cardText(await invoke('mytask.done', { planId, taskId }, personal(ben)));
        expect(done).toContain('marked done. The plan in Identity Team › Identity rollout shows it too');
      });

      it("a channel Teams does not answer for as a conversation is decided by the team's members", async () => {
        const planId = await planIdOf(CHANNEL_ID);
        const taskId = await benGets(channel, 4);
        connector.calls.length = 0;
        connector.failNext({ status: 404, code: 'ConversationNotFound', kind: 'member' }, 1);
        connector.teams.members![TEAM_ID] = ['29:ana'];
        try {
          expect(cardText(await invoke('mytask.open', { planId, taskId }, personal(ben)))).toContain(
            'You are not a member of Identity Team › Identity rollout any more',
          );
          expect(connector.calls.filter((c) => c.kind === 'member').map((c) => c.conversationId)).toEqual([
            CHANNEL_ID,
            TEAM_ID,
          ]);
        } finally {
          connector.clearFailures();
          connector.teams.members![TEAM_ID] = ['29:ana', '29:ben'];
        }
        connector.failNext({ status: 404, code: 'ConversationNotFound', kind: 'member' }, 1);
        expect(cardText(await invoke('mytask.open', { planId, taskId }, personal(ben)))).toContain(
          'In Identity Team › Identity rollout',
        );
      });

      it('when Teams cannot say, nothing is shown or changed, and the card says to try again', async () => {
        const taskId = await benGets(groupChat, 7);
        const planId = await planIdOf(GROUP_CHAT);
        const before = JSON.stringify(await stored(GROUP_CHAT));
        // A 403 rather than a 5xx: the connector client retries those itself, which only makes the test slow.
        connector.failNext({ status: 403, kind: 'member' }, 1_000);
        try {
          const [list] = await say('my tasks', personal(ben));
          expect(cardText(list)).not.toContain('a group chat');
          expect(cardText(list)).toContain('I could not check with Teams that you are still a member');
          const refused = cardText(await invoke('mytask.done', { planId, taskId }, personal(ben)));
          expect(refused).toContain('I could not check with Teams whether you are still a member of a group chat');
          expect(JSON.stringify(await stored(GROUP_CHAT))).toBe(before);
        } finally {
          connector.clearFailures();
        }
      });
    });

    it('drops entries of a replaced plan when reading the list', async () => {
      expect((await index('aad-29:ben')).entries.some((e: any) => e.location.conversationId === GROUP_CHAT)).toBe(true);
      await startPlanAndPost(groupChat, { tool: 'cloudSync' }, true);
      const [card] = await say('my tasks', personal(ben));
      expect(cardText(card)).not.toContain('a group chat');
      expect((await index('aad-29:ben')).entries.some((e: any) => e.location.conversationId === GROUP_CHAT)).toBe(
        false,
      );
    });

    it('replacing a plan is recorded with who did it, and shown by history', async () => {
      const [history] = await say('history', groupChat);
      const text = cardText(validCard(history));
      expect(text).toContain('Earlier plans here');
      expect(text).toMatch(/Connect Sync plan replaced by another plan\nAna Admin · \d\d:\d\d UTC/);
    });

    it('"my tasks" outside personal chat points there instead of listing other plans in public', async () => {
      const [card] = await say('<at>Sync Guide</at> my tasks', {
        ...channel,
        extra: { ...channel.extra, entities: [MENTION_BOT] },
      });
      expect(cardText(validCard(card))).toContain('I answer it only in your personal chat');
    });
  });
});

function findElement(card: unknown, predicate: (element: any) => boolean): any {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = findElement(item, predicate);
      if (found) return found;
    }
  } else if (card && typeof card === 'object') {
    if (predicate(card)) return card;
    for (const value of Object.values(card)) {
      const found = findElement(value, predicate);
      if (found) return found;
    }
  }
  return undefined;
}

describe('start over asks first and records who discarded the plan', () => {
  let bot: Harness;
  afterAll(async () => {
    await bot?.close();
  });

  it('discards only after "yes", and history then names who did it', async () => {
    // The plan's cards go to the harness's closed port: fast retries keep the failed posts from holding idle() for 15 s.
    bot = await startHarness({}, { clock: () => new Date('2026-12-01T09:00:00.000Z'), sender: FAST_SENDER });
    const chat: ActivityOptions = {
      conversationType: 'personal',
      conversationId: 'a:start-over',
      userId: '29:dora',
      userName: 'Dora Ops',
    };
    await startPlanIn(bot.app, chat, { tool: 'cloudSync' }, DECISION('cloudSync'));
    await bot.app.planFeature.idle();

    const [confirm] = cardsOf(await bot.say('start over', chat));
    expect(cardText(confirm)).toContain('Start over?');
    expect(cardText(confirm)).toContain('the deployment plan of this conversation');
    const [status] = cardsOf(await bot.say('status', chat));
    expect(cardText(status)).toContain('DEPLOYMENT PLAN');

    await bot.say('yes', chat);
    const [history] = cardsOf(await bot.say('history', chat));
    expectValidCard(history);
    expect(cardText(history)).toContain('No plan in this conversation now');
    expect(cardText(history)).toContain('Cloud Sync plan discarded (start over)\nDora Ops · 09:00 UTC, 1 Dec');
  });
});
