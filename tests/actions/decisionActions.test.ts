import { MemoryStorage } from 'botbuilder';
import {
  decisionActions,
  DECISION_VERBS,
  type DecisionPermission,
  type DecisionPlans,
  type DecisionTurn,
} from '../../src/actions/decisionActions';
import { errorCard } from '../../src/cards/errorCard';
import type { Actor } from '../../src/domain/plan';
import { DecisionStore } from '../../src/store/decisionStore';
import type { PlanLocation } from '../../src/store/planStore';
import { cardText, executeActions, expectValidCard } from '../helpers/cardAssertions';
import { CLOUD_SYNC_ANSWERS } from '../helpers/decisionFixtures';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const BEN: Actor = { id: 'aad-ben', name: 'Ben' };
const HERE: PlanLocation = { tenantId: 't1', conversationId: '19:team@thread.tacv2' };
const NOW = new Date('2026-11-27T10:00:00.000Z');

async function setup(options: { existing?: boolean; replace?: DecisionPermission['kind'] } = {}) {
  const decisions = new DecisionStore(new MemoryStorage());
  const started: Array<{ tool: string; replace: boolean }> = [];
  const plans: DecisionPlans = {
    describe: async () => (options.existing ? 'Cloud Sync, 2 of 7 tasks settled' : undefined),
    start: async (selection, _decision, { replace }) => {
      if (options.existing && !replace) return 'exists';
      started.push({ tool: selection.tool, replace });
      return { kind: 'created', cardCount: 5, inThread: false };
    },
    permission: async () =>
      options.replace === 'refused'
        ? {
            kind: 'refused',
            planId: 'p1',
            card: errorCard('This plan is not yours to replace.', 'Not yours'),
          }
        : { kind: 'allowed', planId: 'p1' },
  };
  let ids = 0;
  const actions = decisionActions({ decisions, clock: () => NOW, newId: () => `decision-${++ids}` });
  const turn = (actor: Actor = ANA): DecisionTurn => ({ location: HERE, actor, plans });
  await actions.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
  return { decisions, actions, turn, started };
}

async function expectUnchanged(decisions: DecisionStore, started: unknown[]) {
  const pending = await decisions.pending(HERE, ANA.id);
  expect(pending?.decisionId).toBe('decision-1');
  expect(pending?.choice).toBeUndefined();
  expect(await decisions.accepted(HERE)).toBeUndefined();
  expect(started).toEqual([]);
}

describe('decisionActions: recommendation buttons with forged or oversized data', () => {
  const long = 'x'.repeat(201);
  const cases: Array<[string, 'accept' | 'override' | 'replace', unknown, string]> = [
    ['no data at all', 'accept', undefined, 'Recommendation out of date'],
    ['data that is a string', 'accept', 'decision-1', 'Recommendation out of date'],
    ['data that is an array', 'accept', ['decision-1'], 'Recommendation out of date'],
    ['an empty decision id', 'accept', { decisionId: '', owner: ANA.id }, 'Recommendation out of date'],
    ['a numeric decision id', 'accept', { decisionId: 1, owner: ANA.id }, 'Recommendation out of date'],
    ['an oversized decision id', 'accept', { decisionId: long, owner: ANA.id }, 'Recommendation out of date'],
    ['an old decision id', 'accept', { decisionId: 'decision-0', owner: ANA.id }, 'Recommendation out of date'],
    ['another owner', 'accept', { decisionId: 'decision-1', owner: BEN.id }, 'Recommendation out of date'],
    ['a tool nobody offered', 'accept', { decisionId: 'decision-1', owner: ANA.id, tool: 'banana' }, 'Unknown choice'],
    ['a tool that is an object', 'override', { decisionId: 'decision-1', owner: ANA.id, tool: {} }, 'Unknown choice'],
    ['an override without a tool', 'override', { decisionId: 'decision-1', owner: ANA.id }, 'Unknown choice'],
    [
      'an override to the recommended tool itself',
      'override',
      { decisionId: 'decision-1', owner: ANA.id, tool: 'cloudSync' },
      'Unknown choice',
    ],
    [
      'a replace with an oversized tool',
      'replace',
      { decisionId: 'decision-1', owner: ANA.id, tool: long },
      'Unknown choice',
    ],
  ];

  it.each(cases)('%s is refused with a card and changes nothing', async (_name, mode, data, title) => {
    const { decisions, actions, turn, started } = await setup();
    const outcome = await actions.verbs[DECISION_VERBS[mode]](turn(), data);
    expect(outcome.kind).toBe('card');
    if (outcome.kind !== 'card') return;
    expectValidCard(outcome.card);
    expect(cardText(outcome.card)).toContain(title);
    await expectUnchanged(decisions, started);
  });
});

describe('decisionActions: applying a choice', () => {
  it('Accept records the recommendation and starts the plan from it', async () => {
    const { decisions, actions, turn, started } = await setup();
    const outcome = await actions.verbs[DECISION_VERBS.accept](turn(), { decisionId: 'decision-1', owner: ANA.id });
    expect(outcome.kind).toBe('card');
    if (outcome.kind === 'card') expect(cardText(outcome.card)).toContain('Plan created — posting 5 cards');
    expect(started).toEqual([{ tool: 'cloudSync', replace: false }]);
    expect((await decisions.accepted(HERE))?.choice).toMatchObject({ tool: 'cloudSync', overridden: false, by: ANA });
  });

  it('a second Accept on a decided recommendation says so and starts nothing more', async () => {
    const { actions, turn, started } = await setup();
    await actions.choose(turn(), { decisionId: 'decision-1', owner: ANA.id }, 'accept');
    const again = await actions.choose(turn(), { decisionId: 'decision-1', owner: ANA.id }, 'accept');
    expect(again.kind === 'card' && cardText(again.card)).toContain('already recorded');
    expect(started).toHaveLength(1);
  });

  it('with a plan already here, asks before replacing it and records nothing yet', async () => {
    const { decisions, actions, turn, started } = await setup({ existing: true });
    const outcome = await actions.choose(turn(), { decisionId: 'decision-1', owner: ANA.id }, 'accept');
    expect(outcome.kind).toBe('card');
    if (outcome.kind !== 'card') return;
    expect(executeActions(outcome.card).map((action) => action.verb)).toEqual([
      DECISION_VERBS.replace,
      DECISION_VERBS.keep,
    ]);
    await expectUnchanged(decisions, started);
  });

  it('Replace by someone who may not replace the plan gets the refusal and changes nothing', async () => {
    const { decisions, actions, turn, started } = await setup({ existing: true, replace: 'refused' });
    const outcome = await actions.choose(turn(), { decisionId: 'decision-1', owner: ANA.id }, 'replace');
    expect(outcome.kind === 'card' && cardText(outcome.card)).toContain('Not yours');
    await expectUnchanged(decisions, started);
  });

  it('Keep answers with a message and changes nothing', async () => {
    const { decisions, actions, turn, started } = await setup({ existing: true });
    const outcome = await actions.verbs[DECISION_VERBS.keep](turn(), { decisionId: 'decision-1' });
    expect(outcome).toEqual({ kind: 'message', text: expect.stringContaining('Kept the current plan') });
    await expectUnchanged(decisions, started);
  });

  it('an owner overriding to Connect is asked the open install questions first, with nothing recorded', async () => {
    const { decisions, actions, turn, started } = await setup();
    const outcome = await actions.choose(
      turn(),
      { decisionId: 'decision-1', owner: ANA.id, tool: 'connect' },
      'override',
    );
    expect(outcome.kind).toBe('askInstall');
    if (outcome.kind !== 'askInstall') return;
    expect(outcome.tool).toBe('connect');
    expect(outcome.questions.length).toBeGreaterThan(0);
    expect(outcome.text).toContain('Before the plan installs Connect Sync');
    await expectUnchanged(decisions, started);
  });

  it('install answers for a recommendation replaced meanwhile change nothing', async () => {
    const { decisions, actions, turn, started } = await setup();
    const reply = await actions.finishOverride(
      turn(),
      'decision-0',
      { runId: 'run-2', answers: CLOUD_SYNC_ANSWERS, answered: [] },
      'connect',
    );
    expect(reply).toContain('was replaced while you answered');
    await expectUnchanged(decisions, started);
  });
});

describe('decisionActions: why', () => {
  it('says how to start when nothing was recommended here', async () => {
    const actions = decisionActions({
      decisions: new DecisionStore(new MemoryStorage()),
      clock: () => NOW,
      newId: () => 'unused',
    });
    expect(await actions.why({ location: HERE, actor: ANA })).toContain('Say **start**');
  });

  it("shows this person's pending recommendation", async () => {
    const { actions, turn } = await setup();
    const card = await actions.why(turn());
    expect(typeof card).not.toBe('string');
    if (typeof card !== 'string') expect(cardText(card)).toContain('Why this tool');
  });
});
