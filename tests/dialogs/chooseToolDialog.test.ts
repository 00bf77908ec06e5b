import { DialogTestClient } from 'botbuilder-testing';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { ChooseToolDialog, type StartOverHooks } from '../../src/dialogs/chooseToolDialog';
import type { QuestionnaireResult } from '../../src/domain/questionnaireState';
import { recommend } from '../../src/domain/advisor';
import { MAX_PARSED_TEXT_LENGTH } from '../../src/domain/typedText';
import { errorCard } from '../../src/cards/errorCard';
import { cardText } from '../helpers/cardAssertions';
import { actorOf } from '../../src/bot/turn';
import { SIGNED_IN_USER } from '../helpers/signedInUser';
import { testTurnReply } from '../helpers/turnReply';

const T0 = new Date('2026-11-26T10:00:00Z');

function client(options: { startOver?: StartOverHooks; begin?: object } = {}): DialogTestClient {
  let n = 0;
  const dialog = new ChooseToolDialog({
    reply: testTurnReply(),
    actorOf,
    clock: () => T0,
    newId: () => `run${++n}`,
    startOver: options.startOver,
  });
  return new DialogTestClient('msteams', dialog, options.begin, [SIGNED_IN_USER]);
}

/** Everything the bot said in the last turn (sendActivity hands back the first reply itself): text and cards. */
function drain(c: DialogTestClient, first: any): { texts: string[]; cards: any[] } {
  const texts: string[] = [];
  const cards: any[] = [];
  for (let reply = first; reply; reply = c.getNextReply()) {
    if (reply.text) texts.push(reply.text);
    for (const a of reply.attachments ?? []) cards.push(a.content);
  }
  return { texts, cards };
}

/** The question id and run id a question card asks. */
function asked(card: any): { question: string; runId: string } {
  const json = JSON.stringify(card);
  return { question: /"question":"(\w+)"/.exec(json)![1], runId: /"questionnaire":"(\w+)"/.exec(json)![1] };
}

async function say(c: DialogTestClient, input: string | object): Promise<{ texts: string[]; cards: any[] }> {
  const first = await c.sendActivity(
    typeof input === 'string' ? { type: 'message', text: input } : { type: 'message', value: input },
  );
  return drain(c, first);
}

/** Starts the dialog and answers by typing, returning the questions in the order they were asked. */
async function typeAnswers(c: DialogTestClient, answers: Record<string, string>): Promise<string[]> {
  let turn = await say(c, 'start');
  const order: string[] = [];
  while (turn.cards.length > 0) {
    const { question } = asked(turn.cards[0]);
    order.push(question);
    if (!(question in answers)) throw new Error(`unexpected question ${question}`);
    turn = await say(c, answers[question]);
    expect(turn.texts.join(' ')).not.toMatch(/didn't get/);
  }
  return order;
}

function result(c: DialogTestClient): Extract<QuestionnaireResult, { kind: 'completed' }> {
  expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  const r = c.dialogTurnResult.result as QuestionnaireResult;
  expect(r.kind).toBe('completed');
  return r as Extract<QuestionnaireResult, { kind: 'completed' }>;
}

describe('ChooseToolDialog: the four "Done means" conversations', () => {
  it('single forest, password hash sync, 20,000 users → Cloud Sync (typed answers)', async () => {
    const c = client();
    const order = await typeAnswers(c, {
      currentSync: 'nothing',
      forestTopology: 'single',
      signIn: 'phs',
      devices: 'none',
      largestDomainObjects: '1',
      groupOver50kMembers: 'no',
      customization: 'none',
      otherNeeds: 'none',
    });
    expect(order).toEqual([
      'currentSync',
      'forestTopology',
      'signIn',
      'devices',
      'largestDomainObjects',
      'groupOver50kMembers',
      'customization',
      'otherNeeds',
    ]);
    const r = result(c);
    expect(r.answers).toMatchObject({
      forestTopology: 'single',
      signIn: 'phs',
      largestDomainObjects: 'under100k',
      customization: [],
      enterpriseAdminAvailable: 'notAsked',
    });
    expect(r.answered.map((a) => a.question)).toEqual(order);
    expect(r.answered[0]).toMatchObject({ by: { id: 'user1' }, at: T0.toISOString() });
    expect(recommend(r.answers).tool).toBe('cloudSync');
  });

  it('records who answered the way the bot does, by Entra object id and never by the channel id', async () => {
    // No SIGNED_IN_USER: the activity carries only from.id, which the bot never takes as a person.
    const c = new DialogTestClient(
      'msteams',
      new ChooseToolDialog({ reply: testTurnReply(), actorOf, clock: () => T0, newId: () => 'x' }),
      { resume: { runId: 'x', answers: {}, answered: [], startedAt: T0.toISOString() } },
    );
    await say(c, 'start');
    await say(c, '1');
    const state = (
      c.dialogContext.activeDialog?.state as {
        dialogs?: {
          dialogStack?: Array<{ state?: { options?: { state?: { answered?: Array<{ by: { id: string } }> } } } }>;
        };
      }
    )?.dialogs?.dialogStack?.[0]?.state?.options?.state;
    expect(state?.answered?.[0]?.by.id).toBe('unknown');
  });

  it('single forest needing pass-through authentication → Connect, custom install (typed answers)', async () => {
    const c = client();
    await typeAnswers(c, {
      currentSync: '1',
      forestTopology: '1',
      signIn: 'pta',
      devices: 'none',
      largestDomainObjects: 'under 100k',
      groupOver50kMembers: 'no',
      customization: 'none',
      otherNeeds: 'none',
      domainsReachable: 'yes',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under 100k',
    });
    const rec = recommend(result(c).answers);
    expect(rec.tool).toBe('connect');
    expect(rec.connectInstall).toBe('custom');
    expect(rec.factors.map((f) => f.ruleId)).toContain('ptaSetup');
  });

  it('two disconnected forests → Cloud Sync (button answers)', async () => {
    const c = client();
    const buttons: Record<string, string> = {
      currentSync: 'none',
      forestTopology: 'includesDisconnected',
      signIn: 'phs',
      devices: 'none',
      largestDomainObjects: 'under100k',
      groupOver50kMembers: 'no',
      customization: 'none',
      otherNeeds: 'none',
    };
    let turn = await say(c, 'start');
    while (turn.cards.length > 0) {
      const { question, runId } = asked(turn.cards[0]);
      turn = await say(c, { questionnaire: runId, question, answer: buttons[question] });
    }
    const rec = recommend(result(c).answers);
    expect(rec.tool).toBe('cloudSync');
    expect(rec.factors.map((f) => f.ruleId)).toContain('disconnectedForests');
  });

  it('hybrid join plus a disconnected acquired forest → both tools (mixed buttons and typing)', async () => {
    const c = client();
    let turn = await say(c, 'start');
    const plan: Record<string, object | string> = {
      currentSync: 'nothing',
      forestTopology: 'acquired',
      signIn: 'phs',
      devices: 'hybridJoin',
      largestDomainObjects: '1',
      groupOver50kMembers: 'no',
      customization: 'none',
      otherNeeds: 'none',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under 100k',
    };
    while (turn.cards.length > 0) {
      const { question, runId } = asked(turn.cards[0]);
      const answer = plan[question] as string;
      turn = question === 'devices' ? await say(c, { questionnaire: runId, question, answer }) : await say(c, answer);
    }
    const rec = recommend(result(c).answers);
    expect(rec.tool).toBe('both');
    expect(rec.factors.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['hybridJoin', 'disconnectedForests']));
  });
});

describe('ChooseToolDialog: navigation and bad input', () => {
  it("re-prompts on input it cannot read with the question's own help and its buttons, and changes nothing", async () => {
    const c = client();
    await say(c, 'start');
    const turn = await say(c, 'purple');
    expect(turn.texts[0]).toMatch(/didn't get that.*Entra ID > Entra Connect.*number from 1 to 5.*in your own words/);
    expect(turn.cards.map((card) => asked(card).question)).toEqual(['currentSync']);
    const again = await say(c, '42');
    expect(again.texts[0]).toMatch(/number from 1 to 5/);
    expect(asked(again.cards[0]).question).toBe('currentSync');
    const ok = await say(c, '1');
    expect(asked(ok.cards[0]).question).toBe('forestTopology');
    expect(ok.texts).toEqual([]);
  });

  it('multi-select: ticked options arrive as the selection input; an empty selection is refused', async () => {
    const c = client();
    await say(c, 'start');
    for (const answer of ['nothing', 'single', 'phs', 'none', '1', 'no']) await say(c, answer);
    const turn = await say(c, 'help');
    const { question, runId } = asked(turn.cards[0]);
    expect(question).toBe('customization');
    const empty = await say(c, { questionnaire: runId, question });
    expect(empty.texts[0]).toMatch(/Tick at least one/);
    const next = await say(c, {
      questionnaire: runId,
      question,
      selection: 'attributeValueFiltering,groupBasedFiltering',
    });
    expect(asked(next.cards[0]).question).toBe('otherNeeds');
    const withPicks = await say(c, { questionnaire: runId, question: 'otherNeeds', answer: 'none' });
    expect(asked(withPicks.cards[0]).question).toBe('domainsReachable');
    await say(c, 'yes');
    await say(c, 'yes');
    await say(c, 'under 100k');
    expect(result(c).answers.customization).toEqual(['attributeValueFiltering', 'groupBasedFiltering']);
  });

  it('back clears the previous answer and asks it again; back on the first question says so', async () => {
    const c = client();
    await say(c, 'start');
    const first = await say(c, 'back');
    expect(first.texts[0]).toMatch(/first question, so there is nothing to go back to/);
    expect(asked(first.cards[0]).question).toBe('currentSync');
    await say(c, 'nothing');
    const turn = await say(c, 'back');
    expect(turn.texts[0]).toMatch(/Going back/);
    expect(asked(turn.cards[0]).question).toBe('currentSync');
    const nav = await say(c, { questionnaire: 'run1', question: 'currentSync', nav: 'back' });
    expect(nav.texts[0]).toMatch(/first question/);
  });

  it('cancel ends the dialog, keeps the answers for a resume and says how to continue', async () => {
    const c = client();
    await say(c, 'start');
    await say(c, 'nothing');
    const turn = await say(c, 'cancel');
    expect(turn.texts[0]).toMatch(/kept your 1 answer.*start.*start over/);
    expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    const r = c.dialogTurnResult.result as QuestionnaireResult;
    expect(r.kind).toBe('cancelled');
    // Resuming picks up at the next question.
    const resumed = new DialogTestClient(
      'msteams',
      new ChooseToolDialog({ reply: testTurnReply(), actorOf, newId: () => 'x' }),
      { resume: (r as Extract<QuestionnaireResult, { kind: 'cancelled' }>).state },
      [SIGNED_IN_USER],
    );
    const again = await say(resumed, 'start');
    expect(again.texts[0]).toMatch(/Picking up where you left off/);
    expect(asked(again.cards[0]).question).toBe('forestTopology');
  });

  it('start over asks first when answers would be lost; "no" keeps them, "yes" restarts with a new run', async () => {
    const discard = jest.fn(async () => undefined);
    const c = client({ startOver: { discardable: async () => ['the deployment plan of this conversation'], discard } });
    await say(c, 'start');
    await say(c, 'nothing');
    const confirm = await say(c, 'start over');
    expect(cardText(confirm.cards[0])).toContain('your 1 answer so far');
    expect(cardText(confirm.cards[0])).toContain('the deployment plan of this conversation');
    const kept = await say(c, 'no');
    expect(kept.texts[0]).toMatch(/Keeping your answers/);
    expect(asked(kept.cards[0]).question).toBe('forestTopology');
    expect(discard).not.toHaveBeenCalled();

    await say(c, 'start over');
    const restarted = await say(c, { questionnaire: 'run1', confirm: 'startOver' });
    expect(discard).toHaveBeenCalledTimes(1);
    expect(asked(restarted.cards[0])).toEqual({ question: 'currentSync', runId: 'run2' });
  });

  it('start over first shows what it must leave in place, and "yes" says so instead of "everything is cleared"', async () => {
    const refusal = errorCard('Only Ana can discard the plan.');
    const discard = jest.fn(async () => 'Your own answers are cleared; the plan stays.');
    const c = client({ startOver: { discardable: async () => [], refusal: async () => refusal, discard } });
    await say(c, 'start');
    await say(c, 'nothing yet');
    const confirm = await say(c, 'start over');
    expect(confirm.cards.map(cardText)).toEqual([
      expect.stringContaining('Only Ana can discard the plan.'),
      expect.stringContaining('your 1 answer so far'),
    ]);
    const restarted = await say(c, 'yes');
    expect(discard).toHaveBeenCalledTimes(1);
    expect(restarted.texts[0]).toBe('Your own answers are cleared; the plan stays.');
    expect(asked(restarted.cards[0]).question).toBe('currentSync');
  });

  it('start over with nothing to lose restarts at once', async () => {
    const c = client();
    await say(c, 'start');
    const turn = await say(c, 'start over');
    expect(turn.texts[0]).toMatch(/Starting again/);
    expect(asked(turn.cards[0])).toEqual({ question: 'currentSync', runId: 'run2' });
  });

  it('help explains and asks the same question again', async () => {
    const c = client();
    await say(c, 'start');
    const turn = await say(c, 'help');
    expect(turn.texts[0]).toMatch(/Not sure.*safe choice/s);
    expect(asked(turn.cards[0]).question).toBe('currentSync');
  });

  it('buttons from an earlier run or an earlier question are refused gracefully and change nothing', async () => {
    const c = client();
    await say(c, 'start');
    await say(c, 'nothing');
    await say(c, 'single');
    const oldRun = await say(c, { questionnaire: 'run0', question: 'signIn', answer: 'phs' });
    expect(oldRun.texts[0]).toMatch(/not part of your current questions/);
    expect(asked(oldRun.cards[0]).question).toBe('signIn');
    const oldQuestion = await say(c, {
      questionnaire: 'run1',
      question: 'forestTopology',
      answer: 'includesDisconnected',
    });
    expect(oldQuestion.texts[0]).toMatch(/already answered "Forest topology" with "One forest"/);
    const forged = await say(c, { questionnaire: 'run1', question: 'signIn', answer: '<script>' });
    expect(forged.texts[0]).toMatch(/didn't get that/);
    const turn = await say(c, { questionnaire: 'run1', question: 'signIn', answer: 'phs' });
    expect(asked(turn.cards[0]).question).toBe('devices');
  });

  it('"Not sure" is accepted for every question and ends in a recommendation with assumptions', async () => {
    const c = client();
    let turn = await say(c, 'start');
    while (turn.cards.length > 0) turn = await say(c, 'not sure');
    const rec = recommend(result(c).answers);
    expect(rec.assumptions.length).toBeGreaterThan(0);
  });

  it('text too long to parse is neither a command, a confirmation nor an answer, even when it pads a real one', async () => {
    const discard = jest.fn(async () => undefined);
    const c = client({ startOver: { discardable: async () => ['the deployment plan of this conversation'], discard } });
    // Trailing dots are dropped from short commands and answers ("yes."), so these would read as one if they were parsed.
    const padding = '.'.repeat(MAX_PARSED_TEXT_LENGTH);
    await say(c, 'start');
    await say(c, 'nothing');
    await say(c, 'single');
    const notAnAnswer = await say(c, `pta${padding}`);
    expect(notAnAnswer.texts[0]).toMatch(/longer than any answer I accept/);
    const notBack = await say(c, `back${padding}`);
    expect(notBack.texts[0]).toMatch(/longer than any answer I accept/);
    await say(c, 'start over');
    const notYes = await say(c, `yes${padding}`);
    expect(notYes.texts[0]).toMatch(/Please answer \*\*yes\*\*/);
    expect(discard).not.toHaveBeenCalled();
    const kept = await say(c, 'no');
    expect(asked(kept.cards[0]).question).toBe('signIn');
  });

  it('the start-over command outside the questions asks first and "no" ends without change', async () => {
    const discard = jest.fn(async () => undefined);
    const c = client({ startOver: { discardable: async () => ['the plan'], discard }, begin: { startOver: true } });
    const confirm = await say(c, 'start over');
    expect(cardText(confirm.cards[0])).toContain('the plan');
    const kept = await say(c, 'no');
    expect(kept.texts[0]).toMatch(/Nothing was discarded/);
    expect((c.dialogTurnResult.result as QuestionnaireResult).kind).toBe('keptAsIs');
    expect(discard).not.toHaveBeenCalled();
  });
});

describe('ChooseToolDialog: tenants that already sync, and follow-ups on a recommendation', () => {
  it('Connect Sync, build 2.4, one forest, password hash sync, 12,000 users → restore, then move to Cloud Sync', async () => {
    const c = client();
    let turn = await say(c, 'start');
    const script: Record<string, string> = {
      currentSync: 'connect',
      connectBuild: '2.4',
      connectServerOs: '2019',
      connectStaging: 'no',
      forestTopology: 'single',
      signIn: 'phs',
      devices: 'none',
      largestDomainObjects: 'under 100k',
      groupOver50kMembers: 'no',
      customization: 'none',
      otherNeeds: 'none',
      connectTotalObjects: 'under 100k',
    };
    const prompts: Record<string, string> = {};
    while (turn.cards.length > 0) {
      const { question } = asked(turn.cards[0]);
      prompts[question] = cardText(turn.cards[0]);
      turn = await say(c, script[question]);
      expect(turn.texts.join(' ')).not.toMatch(/didn't get/);
    }
    // Where to read the build, and the existing-tenant wording for what Connect does today.
    expect(prompts.connectBuild).toMatch(/Programs and Features/);
    expect(prompts.customization).toMatch(/does your Connect Sync use today/);
    expect(prompts.connectTotalObjects).toMatch(/does Connect Sync sync today/);
    const rec = recommend(result(c).answers);
    expect(rec.paths).toEqual(['restoreSync', 'migrateToCloudSync']);
    expect(rec.urgent).toBe(true);
  });

  it('a follow-up asks exactly the listed questions, then hands back the answers and what it was for', async () => {
    const answers = {
      currentSync: 'none',
      forestTopology: 'single',
      signIn: 'phs',
      devices: 'none',
      largestDomainObjects: 'under100k',
      groupOver50kMembers: 'no',
      customization: [],
      otherNeeds: [],
      connectBuild: 'notAsked',
      connectServerOs: 'notAsked',
      connectStaging: 'notAsked',
    };
    const state = {
      runId: 'f1',
      answers,
      answered: [],
      startedAt: T0.toISOString(),
      onlyAsk: ['domainsReachable', 'enterpriseAdminAvailable', 'connectTotalObjects'],
      followUp: { decisionId: 'd1', override: 'connect' },
    };
    const c = new DialogTestClient(
      'msteams',
      new ChooseToolDialog({ reply: testTurnReply(), actorOf, clock: () => T0, newId: () => 'x' }),
      { resume: state },
      [SIGNED_IN_USER],
    );
    let turn = await say(c, 'start');
    expect(turn.texts.join(' ')).not.toMatch(/Picking up where you left off/);
    const order: string[] = [];
    const typed: Record<string, string> = {
      domainsReachable: 'no',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under 100k',
    };
    while (turn.cards.length > 0) {
      const { question } = asked(turn.cards[0]);
      expect(cardText(turn.cards[0])).toMatch(/Question \d of about 3|the last one/);
      order.push(question);
      turn = await say(c, typed[question]);
    }
    expect(order).toEqual(['domainsReachable', 'enterpriseAdminAvailable', 'connectTotalObjects']);
    const r = result(c);
    expect(r.followUp).toEqual({ decisionId: 'd1', override: 'connect' });
    expect(r.answers).toMatchObject({
      ...answers,
      domainsReachable: 'someUnreachable',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under100k',
    });
    expect(r.answered.map((entry) => entry.question)).toEqual(order);
  });
});

describe('ChooseToolDialog: answers in sentences', () => {
  /** Starts and answers the first two questions: nothing syncs today, one forest. */
  async function atSignIn(c: DialogTestClient): Promise<void> {
    await say(c, 'start');
    await say(c, 'nothing');
    const turn = await say(c, 'one forest');
    expect(asked(turn.cards[0]).question).toBe('signIn');
  }

  it('"we use ADFS and keep it" answers the sign-in question, says how it read it, and moves on', async () => {
    const c = client();
    await atSignIn(c);
    const turn = await say(c, 'we use ADFS and keep it');
    expect(turn.texts).toEqual(['I read that as: **Keep the PTA or federation we already have**.']);
    expect(asked(turn.cards[0]).question).toBe('devices');
  });

  it('a sentence that fits several choices is not applied: the same question comes back, naming them', async () => {
    const c = client();
    await atSignIn(c);
    const turn = await say(c, 'we use ADFS');
    expect(turn.texts[0]).toMatch(
      /^That could mean \*\*Set up federation.*\*\* or \*\*Keep the PTA or federation we already have\*\*/,
    );
    expect(asked(turn.cards[0]).question).toBe('signIn');
    const chosen = await say(c, '4');
    expect(asked(chosen.cards[0]).question).toBe('devices');
  });

  it('"one forest, about 12k users, PHS" fills the forest question and the later ones it answers, which are then not asked', async () => {
    const c = client();
    await say(c, 'start');
    await say(c, 'nothing');
    const turn = await say(c, 'one forest, about 12k users, PHS');
    expect(turn.texts[0]).toMatch(
      /Also noted from your message: Sign-in method: \*\*Password hash sync\*\*; Objects in the largest domain: \*\*Under 100,000 objects\*\*/,
    );
    expect(asked(turn.cards[0]).question).toBe('devices');
    expect(cardText(turn.cards[0])).toContain('Question 6 of about');
    const order = ['devices'];
    let next = await say(c, 'none');
    while (next.cards.length > 0) {
      const { question } = asked(next.cards[0]);
      order.push(question);
      next = await say(c, question === 'groupOver50kMembers' ? 'no' : 'none');
    }
    expect(order).toEqual(['devices', 'groupOver50kMembers', 'customization', 'otherNeeds']);
    const r = result(c);
    expect(r.answers).toMatchObject({
      forestTopology: 'single',
      signIn: 'phs',
      largestDomainObjects: 'under100k',
      connectTotalObjects: 'under100k',
    });
    // One message, one number: the records of everything it answered.
    const fromSentence = r.answered.filter((record) =>
      ['forestTopology', 'signIn', 'largestDomainObjects', 'connectTotalObjects'].includes(record.question),
    );
    expect(new Set(fromSentence.map((record) => record.message)).size).toBe(1);
    expect(recommend(r.answers).tool).toBe('cloudSync');
  });

  it('back undoes everything the last message answered and asks its question again', async () => {
    const c = client();
    await say(c, 'start');
    await say(c, 'nothing');
    await say(c, 'one forest, about 12k users, PHS');
    const back = await say(c, 'back');
    expect(back.texts[0]).toBe(
      'Going back: the 4 answers your last message gave are cleared (Forest topology, Sign-in method, Objects in the largest domain, Objects Connect Sync will sync in total).',
    );
    expect(asked(back.cards[0]).question).toBe('forestTopology');
    await say(c, 'one forest');
    const signIn = await say(c, 'back');
    expect(signIn.texts[0]).toBe('Going back one question; your previous answer to it is cleared.');
    expect(asked(signIn.cards[0]).question).toBe('forestTopology');
  });

  it('a sentence that answers a later question but not this one keeps it, and asks this one again with its buttons', async () => {
    const c = client();
    await say(c, 'start');
    await say(c, 'nothing');
    const turn = await say(c, 'we want password hash sync');
    expect(turn.texts[0]).toMatch(/^That doesn't answer this question, but I kept it for later\./);
    expect(asked(turn.cards[0]).question).toBe('forestTopology');
    const next = await say(c, 'single');
    // Sign-in was answered by the earlier message.
    expect(asked(next.cards[0]).question).toBe('devices');
  });

  it('options named early for a multi-select question are ticked on its card, to be confirmed', async () => {
    const c = client();
    await atSignIn(c);
    await say(c, 'phs');
    await say(c, 'no devices, but we need exchange hybrid');
    await say(c, 'under 100k');
    await say(c, 'no');
    const customization = await say(c, 'none');
    const { question, runId } = asked(customization.cards[0]);
    expect(question).toBe('otherNeeds');
    expect(customization.texts).toEqual([
      'You mentioned **Exchange hybrid** earlier, so it is ticked below. Tick anything else that applies, then press **Continue with my selection**.',
    ]);
    const choiceSet = customization.cards[0].body.find((element: any) => element.type === 'Input.ChoiceSet');
    expect(choiceSet.value).toBe('exchangeHybrid');
    // What the card sends back with the tick kept and one added.
    await say(c, { questionnaire: runId, question, selection: 'exchangeHybrid,highAvailability' });
    expect(result(c).answers.otherNeeds).toEqual(['exchangeHybrid', 'highAvailability']);
  });

  it('back, cancel, start over and help still work after sentences', async () => {
    const c = client();
    await atSignIn(c);
    const help = await say(c, 'help');
    expect(help.texts[0]).toMatch(/in your own words, for example "we use ADFS and want to keep it"/);
    expect(asked(help.cards[0]).question).toBe('signIn');
    await say(c, 'we use ADFS and keep it');
    const restart = await say(c, 'start over');
    expect(cardText(restart.cards[0])).toContain('your 3 answers so far');
    await say(c, 'no');
    const cancel = await say(c, 'cancel');
    expect(cancel.texts[0]).toMatch(/kept your 3 answers/);
  });
});
