import { cardsOf, startHarness, type ActivityOptions, type Harness } from '../helpers/botHarness';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { startFakeConnector, type FakeConnector } from '../helpers/fakeConnector';
import { FAST_SENDER } from '../helpers/planSetup';
import { answerAll, asked, press, PHS_SINGLE, PTA_SINGLE } from '../helpers/questionnaire';

function button(card: any, verb: string): { verb: string; data: Record<string, unknown> } {
  const action = executeActions(card).find((a) => a.verb === verb);
  expect(action).toBeDefined();
  return action as { verb: string; data: Record<string, unknown> };
}

describe('choose the sync tool over HTTP', () => {
  let h: Harness;
  // Accepting posts the plan's cards from inside the invoke (not in its answer), so they need a connector.
  let connector: FakeConnector;
  let viaConnector: ActivityOptions;
  beforeEach(async () => {
    // The plan's burst of posts would otherwise wait on the production pacing, which is not what is tested here.
    h = await startHarness({}, { sender: FAST_SENDER });
    connector = await startFakeConnector();
    viaConnector = { extra: { serviceUrl: connector.serviceUrl } };
  });
  afterEach(async () => {
    await h.app.close();
    await connector.close();
  });

  it('start → questions → recommendation → accept creates the plan; a second click changes nothing', async () => {
    const card = await answerAll(h, PHS_SINGLE);
    expectValidCard(card);
    expect(cardText(card)).toContain('Microsoft Entra Cloud Sync');
    const accept = button(card, 'decision.accept');
    const response = await h.invoke(accept.verb, accept.data, viaConnector);
    expect(response.status).toBe(200);
    expect(response.body.statusCode).toBe(200);
    expect(cardText(response.body.value)).toMatch(/Ana Admin .* accepted \*\*Cloud Sync\*\*/);
    expect(cardText(response.body.value)).toContain('Plan created — posting 5 cards in this conversation');
    expect(executeActions(response.body.value)).toEqual([]);
    // The click was answered before the cards went out; they follow, to the conversation.
    await h.app.planFeature.idle();
    expect(
      connector.calls
        .filter((call) => call.kind === 'send' || call.kind === 'reply')
        .map((call) => call.conversationId),
    ).toEqual(Array(5).fill('conv-personal-1'));

    const status = await h.say('status');
    expect(JSON.stringify(cardsOf(status))).toMatch(/Cloud Sync/);

    const again = await h.invoke(accept.verb, accept.data, viaConnector);
    expect(cardText(again.body.value)).toContain('already recorded');
  });

  it('override keeps the recommendation and the choice; why shows both with who answered', async () => {
    const card = await answerAll(h, {
      ...PHS_SINGLE,
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under100k',
    });
    const override = button(card, 'decision.override');
    expect(override.data.tool).toBe('connect');
    // The install-type questions were skipped while Cloud Sync was recommended: they are asked now.
    const response = await h.invoke(override.verb, override.data, viaConnector);
    expect(response.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(response.body.value).toMatch(/I need 3 more answers to pick express or custom/);
    let replies: any[] = connector.calls
      .filter((call) => call.kind === 'send' || call.kind === 'reply')
      .map((call) => call.body);
    const answers: Record<string, string> = {
      domainsReachable: 'someUnreachable',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under100k',
    };
    const followUps: string[] = [];
    for (let q = asked(replies); q; q = asked(replies)) {
      followUps.push(q.question);
      replies = await press(
        h,
        { questionnaire: q.runId, question: q.question, answer: answers[q.question] },
        viaConnector,
      );
    }
    expect(followUps).toEqual(['domainsReachable', 'enterpriseAdminAvailable', 'connectTotalObjects']);
    const decided = cardsOf(replies).find((c) => cardText(c).includes('instead of the recommended'));
    expect(cardText(decided)).toContain('chose **Connect Sync** instead of the recommended Cloud Sync');
    await h.app.planFeature.idle();
    // An unreachable domain: the plan installs Connect with custom settings.
    const tasks = cardText(cardsOf(await h.say('tasks'))[0]);
    expect(tasks).toMatch(/Install Connect Sync with custom settings/);

    const why = cardsOf(await h.say('why', { userId: '29:user-bo', userName: 'Bo' }));
    const text = cardText(why[0]);
    expect(text).toContain('Why this tool');
    expect(text).toContain('Microsoft Entra Cloud Sync');
    expect(text).toContain('instead of the recommended Cloud Sync');
    expect(text).toMatch(/Answered by Ana Admin/);
  });

  it('single forest needing PTA → Connect custom, typed answers', async () => {
    let replies = await h.say('start');
    const typed: Record<string, string> = {
      ...PTA_SINGLE,
      signIn: 'pta',
      forestTopology: '1',
      largestDomainObjects: '1',
    };
    for (let q = asked(replies); q; q = asked(replies)) replies = await h.say(typed[q.question]);
    const card = cardsOf(replies)[0];
    expect(cardText(card)).toContain('Connect Sync: custom install');
  });

  it('two people in one channel answer interleaved without mixing answers', async () => {
    const ana: ActivityOptions = {
      conversationType: 'channel',
      conversationId: '19:team@thread.tacv2',
      userId: '29:ana',
      userName: 'Ana',
    };
    const bo: ActivityOptions = {
      conversationType: 'channel',
      conversationId: '19:team@thread.tacv2',
      userId: '29:bo',
      userName: 'Bo',
    };
    let a = await h.say('<at>Sync Guide</at> start', { ...ana, extra: { entities: [] } });
    let b = await h.say('<at>Sync Guide</at> start', bo);
    expect(cardText(cardsOf(a)[0])).toContain('For Ana');
    // Bo pressing Ana's card must not answer Ana's question, nor his own.
    const stolen = await press(
      h,
      { questionnaire: asked(a)!.runId, question: 'forestTopology', answer: 'includesDisconnected' },
      bo,
    );
    expect(stolen[0].text).toMatch(/not part of your current questions/);

    for (;;) {
      const qa = asked(a);
      const qb = asked(b);
      if (!qa && !qb) break;
      if (qa)
        a = await press(h, { questionnaire: qa.runId, question: qa.question, answer: PHS_SINGLE[qa.question] }, ana);
      if (qb)
        b = await press(h, { questionnaire: qb.runId, question: qb.question, answer: PTA_SINGLE[qb.question] }, bo);
    }
    expect(cardText(cardsOf(a)[0])).toContain('Microsoft Entra Cloud Sync');
    expect(cardText(cardsOf(b)[0])).toContain('Connect Sync: custom install');
  });

  it('in a channel, other commands of the person answering still work and other people are not consumed', async () => {
    const ana: ActivityOptions = {
      conversationType: 'channel',
      conversationId: '19:c2@thread.tacv2',
      userId: '29:ana',
      userName: 'Ana',
    };
    const bo: ActivityOptions = { ...ana, userId: '29:bo', userName: 'Bo' };
    await h.say('start', ana);
    const boHelp = await h.say('help', bo);
    expect(cardText(cardsOf(boHelp)[0])).toContain('What I can do');
    const anaWhy = await h.say('why', ana);
    expect(anaWhy[0].text).toMatch(/No sync tool has been chosen/);
    const anaAnswer = await h.say('nothing', ana);
    expect(asked(anaAnswer)!.question).toBe('forestTopology');
  });

  it('mid-questionnaire in a channel: a sentence answers the question, plan commands (exact or in free words) still reach the plan, other text gets the question help', async () => {
    const ana: ActivityOptions = {
      conversationType: 'channel',
      conversationId: '19:c3@thread.tacv2',
      userId: '29:ana',
      userName: 'Ana',
    };
    await h.say('<at>Sync Guide</at> start', ana);
    await h.say('<at>Sync Guide</at> nothing yet', ana);
    const signIn = await h.say('<at>Sync Guide</at> one forest', ana);
    expect(asked(signIn)!.question).toBe('signIn');
    const status = await h.say('<at>Sync Guide</at> status', ana);
    expect(JSON.stringify(status)).not.toMatch(/didn't get that/);
    expect(asked(status)).toBeUndefined();
    // Free words for a plan command reach the plan as the exact words do.
    const next = await h.say('<at>Sync Guide</at> what should we do next?', ana);
    expect(JSON.stringify(next)).not.toMatch(/didn't get that/);
    expect(asked(next)).toBeUndefined();
    const chatter = await h.say('<at>Sync Guide</at> is it sunny today?', ana);
    expect(chatter[0].text).toMatch(
      /^Sorry, I didn't get that\. Choose "keep" if pass-through authentication or federation already runs/,
    );
    expect(asked(chatter)!.question).toBe('signIn');
    const answered = await h.say('<at>Sync Guide</at> we use ADFS and keep it', ana);
    expect(answered[0].text).toBe('I read that as: **Keep the PTA or federation we already have**.');
    expect(asked(answered)!.question).toBe('devices');
  });

  it('start with an existing plan says so; accepting then asks before replacing the plan', async () => {
    const first = await answerAll(h, PHS_SINGLE);
    await h.invoke('decision.accept', button(first, 'decision.accept').data, viaConnector);

    const replies = await h.say('start');
    expect(replies[0].text).toMatch(/already has a deployment plan \(Microsoft Entra Cloud Sync/);
    let r = replies;
    for (let q = asked(r); q; q = asked(r))
      r = await press(h, { questionnaire: q.runId, question: q.question, answer: PTA_SINGLE[q.question] });
    const second = cardsOf(r).find((c) => executeActions(c).length > 0);
    const confirm = await h.invoke('decision.accept', button(second, 'decision.accept').data, viaConnector);
    expectValidCard(confirm.body.value);
    expect(cardText(confirm.body.value)).toContain('Replace the current plan?');
    const replace = button(confirm.body.value, 'decision.replacePlan');
    const replaced = await h.invoke(replace.verb, replace.data, viaConnector);
    expect(cardText(replaced.body.value)).toMatch(/accepted \*\*Connect Sync\*\*/);
    const status = await h.say('status');
    expect(JSON.stringify(cardsOf(status))).toMatch(/Connect Sync/);
  });

  it('start over asks for confirmation, then discards the plan and restarts', async () => {
    const card = await answerAll(h, PHS_SINGLE);
    await h.invoke('decision.accept', button(card, 'decision.accept').data, viaConnector);
    const confirm = await h.say('start over');
    const text = cardText(cardsOf(confirm)[0]);
    expect(text).toContain('Start over?');
    expect(text).toContain('the deployment plan of this conversation');
    const restarted = await h.say('yes');
    expect(asked(restarted)!.question).toBe('currentSync');
    const why = await h.say('why', { userId: '29:someone-else' });
    expect(why[0].text).toMatch(/No sync tool has been chosen/);
  });

  it('"Answer now" on an unknown asks it (and what it makes relevant), then recommends again', async () => {
    const card = await answerAll(h, {
      ...PHS_SINGLE,
      otherNeeds: 'notSure',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under100k',
    });
    expect(cardText(card)).toContain('Microsoft Entra Cloud Sync');
    const refine = /"data":(\{"refine":"otherNeeds"[^}]*\})/.exec(JSON.stringify(card));
    expect(refine).not.toBeNull();
    let replies = await press(h, JSON.parse(refine![1]));
    expect(replies[0].text).toMatch(/settle "Other needs"/);
    const order: string[] = [];
    const answers: Record<string, string> = {
      ...PHS_SINGLE,
      otherNeeds: 'exchangeHybrid,m365GroupWriteback',
      enterpriseAdminAvailable: 'yes',
      connectTotalObjects: 'under100k',
    };
    for (let q = asked(replies); q; q = asked(replies)) {
      order.push(q.question);
      replies = await press(h, { questionnaire: q.runId, question: q.question, answer: answers[q.question] });
    }
    // Microsoft 365 group writeback brings Connect in, so its install questions now matter too.
    expect(order).toEqual(['otherNeeds', 'domainsReachable', 'enterpriseAdminAvailable', 'connectTotalObjects']);
    const again = cardsOf(replies).find((c) => executeActions(c).length > 0);
    expect(cardText(again)).toContain('Microsoft Entra Connect Sync');
    expect(cardText(again)).toContain('Writing Microsoft 365 groups back to AD');
    // The old card's buttons are out of date now.
    const stale = await h.invoke('decision.accept', button(card, 'decision.accept').data, viaConnector);
    expect(cardText(stale.body.value)).toContain('no longer current');
    const staleRefine = await press(h, JSON.parse(refine![1]));
    expect(staleRefine[0].text).toMatch(/no longer current/);
  });

  it('Connect Sync 2.4, PHS, 12,000 users: accepting creates the restore and migration tracks, restore first', async () => {
    const card = await answerAll(h, {
      ...PHS_SINGLE,
      currentSync: 'connect',
      connectBuild: 'belowMandatory',
      connectServerOs: 'ws2019',
      connectStaging: 'no',
      connectTotalObjects: 'under100k',
    });
    const text = cardText(card);
    expect(text).toContain('Move to Microsoft Entra Cloud Sync');
    expect(text).toContain('Restore sync first (urgent)');
    const response = await h.invoke('decision.accept', button(card, 'decision.accept').data, viaConnector);
    expect(cardText(response.body.value)).toContain('Plan created — posting 7 cards');
    await h.app.planFeature.idle();
    const next = cardText(cardsOf(await h.say('next'))[0]);
    expect(next).toContain('Confirm why sync stopped');
    expect(next).toContain('Restore sync (urgent)');
  });

  it('stale or forged decision buttons answer HTTP 200 with a card and change nothing', async () => {
    for (const data of [{ decisionId: 'nope' }, {}, { decisionId: 42 }, { decisionId: 'x'.repeat(5000) }]) {
      const response = await h.invoke('decision.accept', data);
      expect(response.status).toBe(200);
      expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(response.body.value)).toContain('no longer current');
    }
    const card = await answerAll(h, PHS_SINGLE);
    const forged = await h.invoke('decision.override', { ...button(card, 'decision.override').data, tool: 'both' });
    expect(cardText(forged.body.value)).toContain('not one this recommendation offers');
    const stale = await press(h, { questionnaire: 'old-run', question: 'signIn', answer: 'phs' });
    expect(stale[0].text).toMatch(/not part of a round of questions/);
  });
});
