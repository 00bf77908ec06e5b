/**
 * Commands in free words while the questions run: an answer to the question comes first; text that answers
 * nothing and reads confidently as a command does what that command does; anything else gets the question's help.
 */
import { actorOf } from '../../src/bot/turn';
import { SIGNED_IN_USER } from '../helpers/signedInUser';
import { DialogTestClient } from 'botbuilder-testing';
import { createSpokenCommandReader } from '../../src/bot/understandingFeature';
import { ChooseToolDialog } from '../../src/dialogs/chooseToolDialog';
import type { Command } from '../../src/domain/commands';
import { sharedUnderstanding } from '../../src/understanding/understand';
import { testTurnReply } from '../helpers/turnReply';

const T0 = new Date('2026-12-01T10:00:00Z');

function client(): { c: DialogTestClient; ran: Command[] } {
  const ran: Command[] = [];
  const reply = testTurnReply();
  const spoken = createSpokenCommandReader({
    reply,
    planStore: { load: async () => undefined },
    clock: () => T0,
    understanding: sharedUnderstanding,
    runCommand: async (context, command) => {
      ran.push(command);
      await context.sendActivity(`ran ${command.name}`);
    },
  });
  return {
    c: new DialogTestClient(
      'msteams',
      new ChooseToolDialog({ reply, actorOf, clock: () => T0, newId: () => 'run1', spoken }),
      undefined,
      [SIGNED_IN_USER],
    ),
    ran,
  };
}

async function say(c: DialogTestClient, text: string): Promise<{ texts: string[]; questions: string[] }> {
  const texts: string[] = [];
  const questions: string[] = [];
  for (let reply: any = await c.sendActivity({ type: 'message', text }); reply; reply = c.getNextReply()) {
    if (reply.text) texts.push(reply.text);
    // A question card names its question; the start-over confirmation names none.
    for (const attachment of reply.attachments ?? [])
      questions.push(/"question":"(\w+)"/.exec(JSON.stringify(attachment.content))?.[1] ?? 'confirmStartOver');
  }
  return { texts, questions };
}

describe('free words in the middle of the questions', () => {
  it.each([
    ['what should I do next?', 'next'],
    ['how far along are we', 'status'],
    ['who did what', 'history'],
  ])('"%s" runs %s, and the question stays open with its answers', async (text, name) => {
    const { c, ran } = client();
    expect((await say(c, 'start')).questions).toEqual(['currentSync']);
    const turn = await say(c, text);
    expect(ran.map((command) => command.name)).toEqual([name]);
    expect(turn.texts.join(' ')).not.toMatch(/didn't get/);
    // Nothing was recorded: the same question takes its answer next.
    expect((await say(c, 'nothing')).questions).toEqual(['forestTopology']);
  });

  it('"show me the help" gets the questionnaire\'s help for the question asked, not the general help', async () => {
    const { c, ran } = client();
    await say(c, 'start');
    const turn = await say(c, 'show me the help');
    expect(ran).toEqual([]);
    expect(turn.texts.join(' ')).toMatch(/I ask a few questions/);
    expect(turn.questions).toEqual(['currentSync']);
  });

  it('"can we start over please" starts the questions again, asking first when answers would be lost', async () => {
    const { c, ran } = client();
    await say(c, 'start');
    const fresh = await say(c, 'can we start over please');
    expect(fresh.texts.join(' ')).toMatch(/Starting again from the first question/);
    expect(fresh.questions).toEqual(['currentSync']);
    await say(c, 'nothing');
    expect((await say(c, 'I want to start again from scratch')).questions).toEqual(['confirmStartOver']);
    expect((await say(c, 'yes')).questions).toEqual(['currentSync']);
    expect(ran).toEqual([]);
  });

  // A question that weighs starting over had thrown the answers away at once: it gets the question's help, which says
  // how to start over, and the answers stay.
  it.each(['should we start over', 'do we need to start again from scratch?', 'should I restart the questions'])(
    '%j weighs starting over: the questions go on where they were',
    async (text) => {
      const { c, ran } = client();
      await say(c, 'start');
      await say(c, 'nothing');
      const turn = await say(c, text);
      expect(ran).toEqual([]);
      expect(turn.texts.join(' ')).not.toMatch(/Starting again/);
      expect(turn.texts.join(' ')).toMatch(/\*\*start over\*\*/);
      expect(turn.questions).not.toContain('confirmStartOver');
      expect((await say(c, 'single')).questions).toEqual(['signIn']);
    },
  );

  it('a sentence that answers the question is an answer, even with command words in it', async () => {
    const { c, ran } = client();
    await say(c, 'start');
    await say(c, 'nothing');
    expect((await say(c, 'single')).questions).toEqual(['signIn']);
    const turn = await say(c, 'we use ADFS and keep it, what next');
    expect(ran).toEqual([]);
    expect(turn.texts.join(' ')).toMatch(/I read that as/);
    expect(turn.questions).not.toContain('signIn');
  });

  it("anything else gets the question's own help and changes nothing", async () => {
    const { c, ran } = client();
    await say(c, 'start');
    const turn = await say(c, 'is it sunny today?');
    expect(ran).toEqual([]);
    expect(turn.texts.join(' ')).toMatch(/didn't get that/);
    expect((await say(c, 'nothing')).questions).toEqual(['forestTopology']);
  });
});
