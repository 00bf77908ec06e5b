/**
 * Free text through the real server: what people type in their own words reaches the same commands as the
 * exact words, asks when unsure, answers questions from the guide and never changes a plan on a guess.
 */
import type { PlanSelection } from '../../src/domain/plan';
import { BOT, cardsOf, startHarness, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { FAST_SENDER, MENTION_BOT, planKey, startPlanIn } from '../helpers/planSetup';
import { testDecision } from '../helpers/decisionFixtures';

const NOW = new Date('2026-12-01T10:00:00.000Z');

let bot: Harness;
let conversation = 0;

beforeAll(async () => {
  bot = await startHarness({}, { clock: () => NOW, sender: FAST_SENDER });
});
afterAll(async () => {
  await bot.close();
});

/** A fresh personal chat with a plan of its own, so tests do not see each other's changes. */
async function chatWithPlan(selection: PlanSelection = { tool: 'cloudSync' }): Promise<ActivityOptions> {
  const options: ActivityOptions = { conversationId: `understanding-${++conversation}`, conversationType: 'personal' };
  await startPlanIn(bot.app, options, selection, testDecision(selection.tool));
  await bot.app.planFeature.idle();
  return options;
}

async function storedPlan(options: ActivityOptions): Promise<any> {
  const key = planKey(options.conversationId!);
  return (await bot.app.storage.storage.read([key]))[key];
}

function texts(activities: any[]): string[] {
  return activities.filter((a) => typeof a.text === 'string' && a.text !== '').map((a) => a.text);
}

describe('free text in personal chat', () => {
  it('"what should we do now?" shows the next task\'s card', async () => {
    const chat = await chatWithPlan();
    const [card] = cardsOf(await bot.say('what should we do now?', chat));
    expectValidCard(card);
    expect(cardText(card)).toContain('Review Cloud Sync prerequisites');
  });

  it('"we finished the prerequisites" marks that task done, names it, and the card offers Reopen', async () => {
    const chat = await chatWithPlan();
    const replies = await bot.say('we finished the prerequisites', chat);
    expect(texts(replies).join(' ')).toMatch(/done 2.*task 2.*Review Cloud Sync prerequisites/);
    const [card] = cardsOf(replies);
    expectValidCard(card);
    expect(cardText(card)).toMatch(/Done/);
    expect(executeActions(card).map((action) => action.verb)).toContain('task.reopen');
    const plan = (await storedPlan(chat)).plan;
    expect(plan.tasks.find((task: any) => task.id === 'cloudSync.prerequisites').status).toBe('done');
  });

  it('"give the agent install to me" assigns it to the sender, and the card offers Unassign', async () => {
    const chat = await chatWithPlan();
    const replies = await bot.say('give the agent install to me', chat);
    expect(texts(replies).join(' ')).toContain('Install the provisioning agent');
    const [card] = cardsOf(replies);
    expect(cardText(card)).toContain('Assigned to Ana Admin');
    expect(executeActions(card).map((action) => action.title)).toContain('Unassign');
  });

  it('"who marked the agent install done?" shows only that task\'s changes, as typed "history 3" does', async () => {
    const chat = await chatWithPlan();
    await bot.say('done 3', chat);
    await bot.say('assign 4 to me', chat);
    for (const words of ['who marked the agent install done?', 'history 3']) {
      const [card] = cardsOf(await bot.say(words, chat));
      expectValidCard(card);
      const text = cardText(card);
      expect(text).toMatch(/1 change to task 3, Install the provisioning agent/);
      expect(text).toContain('3. Install the provisioning agent: To do → Done');
      expect(text).not.toContain('Configure');
    }
  });

  it('"task 3 is due next friday" sets a concrete date and says which', async () => {
    const chat = await chatWithPlan();
    const replies = await bot.say('task 3 is due next friday', chat);
    expect(texts(replies).join(' ')).toContain('11 Dec 2026');
    const [card] = cardsOf(replies);
    expect(cardText(card)).toContain('Due date set to 11 Dec 2026');
    expect(executeActions(card).map((action) => action.verb)).toContain('task.clearDue');
    const plan = (await storedPlan(chat)).plan;
    expect(plan.tasks.find((task: any) => task.id === 'cloudSync.installAgent').due).toBe('2026-12-11');
  });

  it('"which ports does the agent need?" answers from the prerequisites, with their Learn link and a button to the task', async () => {
    const chat = await chatWithPlan();
    const [card] = cardsOf(await bot.say('which ports does the agent need?', chat));
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Outbound 443');
    expect(text).toContain('https://learn.microsoft.com/entra/identity/hybrid/cloud-sync/how-to-prerequisites');
    expect(executeActions(card)).toEqual([
      expect.objectContaining({
        verb: 'task.show',
        data: expect.objectContaining({ taskId: 'cloudSync.prerequisites' }),
      }),
    ]);
  });

  it('"is it sunny today?" gets the honest fallback with the hybrid identity documentation', async () => {
    const chat = await chatWithPlan();
    const [card] = cardsOf(await bot.say('is it sunny today?', chat));
    expectValidCard(card);
    expect(cardText(card)).toContain("doesn't cover that");
    expect(cardText(card)).toContain('https://learn.microsoft.com/entra/identity/hybrid/');
  });

  it('asks which task when the words fit two tasks of the plan, changing nothing', async () => {
    const chat = await chatWithPlan({ tool: 'both' });
    const before = await storedPlan(chat);
    const [card] = cardsOf(await bot.say('we finished the prerequisites', chat));
    expectValidCard(card);
    expect(cardText(card)).toContain('Which task?');
    const said = (card.actions ?? []).map((action: any) => action.data.msteams.value);
    expect(said).toHaveLength(2);
    for (const words of said) expect(words).toMatch(/^done \d+$/);
    expect((await storedPlan(chat)).eTag).toBe(before.eTag);
  });

  it.each(['start over please', 'wipe everything and begin again', 'which commands are there again'])(
    'never starts over from the words %j: the plan stays and a card offers the exact command',
    async (words) => {
      const chat = await chatWithPlan();
      const before = await storedPlan(chat);
      const replies = await bot.say(words, chat);
      expect((await storedPlan(chat)).eTag).toBe(before.eTag);
      const offers = cardsOf(replies).flatMap((card: any) =>
        (card.actions ?? []).map((action: any) => action.data?.msteams?.value),
      );
      // Not even the confirmation comes from words alone: one "yes" to it would discard the plan.
      for (const card of cardsOf(replies)) {
        expectValidCard(card);
        expect(cardText(card)).not.toContain('Yes, discard and start over');
      }
      if (!words.startsWith('which')) expect(offers).toContain('start over');
      // The button's words reach the start-over confirmation, which still asks before discarding the plan.
      if (offers.includes('start over')) {
        const [confirm] = cardsOf(await bot.say('start over', chat));
        expect(cardText(confirm)).toContain('Yes, discard and start over');
        expect((await storedPlan(chat)).eTag).toBe(before.eTag);
      }
    },
  );

  it.each(['bring back the plan we discarded', 'restore the previous plan please'])(
    'never restores a plan from the words %j: a card offers the exact command',
    async (words) => {
      const chat = await chatWithPlan();
      const before = await storedPlan(chat);
      const replies = await bot.say(words, chat);
      expect((await storedPlan(chat)).eTag).toBe(before.eTag);
      const [card] = cardsOf(replies);
      expectValidCard(card);
      expect(cardText(card)).toContain('Restore a plan?');
      expect((card.actions ?? []).map((action: any) => action.data?.msteams?.value)).toEqual(['restore']);
    },
  );

  it('"is sync running in our tenant?" reaches the tenant check, which says how to turn it on', async () => {
    const chat = await chatWithPlan();
    const [exact] = cardsOf(await bot.say('check', chat));
    const [card] = cardsOf(await bot.say('is sync running in our tenant?', chat));
    expectValidCard(card);
    expect(cardText(card)).toBe(cardText(exact));
  });

  it('never takes a question about a task as an order to change it', async () => {
    const chat = await chatWithPlan();
    const before = await storedPlan(chat);
    await bot.say('who marked task 2 done?', chat);
    expect((await storedPlan(chat)).eTag).toBe(before.eTag);
  });

  it('answers chatter with help, escaping what was said', async () => {
    const chat = await chatWithPlan();
    const [card] = cardsOf(await bot.say('a *xylophone* for the quokka', chat));
    expectValidCard(card);
    expect(cardText(card)).toContain("I didn't catch");
    expect(cardText(card)).toContain('\\*xylophone\\*');
  });

  it('points to a plan when a task is named but the conversation has none', async () => {
    const [card] = cardsOf(await bot.say('we finished the prerequisites', { conversationId: 'understanding-no-plan' }));
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain('"value":"start"');
  });

  it('reads the start of a long message (up to the parse limit) and still answers', async () => {
    const chat = await chatWithPlan();
    const replies = await bot.say(`what should we do now? ${'la '.repeat(150)}`, chat);
    expect(cardText(cardsOf(replies)[0])).toContain('Review Cloud Sync prerequisites');
  });

  it('does not read a message longer than any command or question, and changes nothing', async () => {
    const chat = await chatWithPlan();
    const before = await storedPlan(chat);
    const [card] = cardsOf(await bot.say(`we finished the prerequisites ${'and more '.repeat(2_000)}`, chat));
    expect(cardText(card)).toContain("I didn't catch");
    expect((await storedPlan(chat)).eTag).toBe(before.eTag);
  });
});

describe('free text in a channel', () => {
  it('works after the @mention', async () => {
    const channel: ActivityOptions = { conversationId: '19:understanding@thread.tacv2', conversationType: 'channel' };
    await startPlanIn(bot.app, channel, { tool: 'cloudSync' }, testDecision('cloudSync'));
    await bot.app.planFeature.idle();
    const replies = await bot.say(`<at>${BOT.name}</at> what should we do now?`, {
      ...channel,
      extra: { entities: [MENTION_BOT] },
    });
    expect(cardText(cardsOf(replies)[0])).toContain('Review Cloud Sync prerequisites');
  });
});
