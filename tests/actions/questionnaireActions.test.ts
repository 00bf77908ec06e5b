/**
 * The questionnaire family without Teams or the dialog: its card data read strictly, how a round begins, what a
 * start over offers to discard and what a confirmed one does (with the permission asked again), "Answer now", and
 * what a finished or stopped round leads to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { decisionActions, type DecisionPermission } from '../../src/actions/decisionActions';
import {
  NOT_YOUR_ROUND,
  asQuestionSubmit,
  asRefineSubmit,
  questionnaireActions,
  worksDuringQuestions,
  type QuestionnaireTurn,
  type TurnSlot,
} from '../../src/actions/questionnaireActions';
import { errorCard } from '../../src/cards/errorCard';
import type { Actor } from '../../src/domain/plan';
import type { QuestionnaireState } from '../../src/domain/questionnaireState';
import { DecisionStore } from '../../src/store/decisionStore';
import type { KeepWith, PlanLocation } from '../../src/store/planStore';
import { cardText } from '../helpers/cardAssertions';
import { CLOUD_SYNC_ANSWERS } from '../helpers/decisionFixtures';
import { alice, bob, T0 } from '../helpers/planFixtures';
import { SRC, sourceFiles } from '../helpers/sourceFiles';

const HERE: PlanLocation = { tenantId: 't1', conversationId: '19:team@thread.tacv2' };
const NOW = new Date(T0);
const REFUSED = errorCard('Only the plan creator can discard it.', 'Not yours');

function slot<T>(initial?: T): TurnSlot<T> & { value: T | undefined } {
  const box = {
    value: initial,
    get: async () => box.value,
    set: async (value: T) => {
      box.value = value;
    },
    delete: async () => {
      box.value = undefined;
    },
  };
  return box;
}

const KEPT: QuestionnaireState = {
  runId: 'run-0',
  answers: { currentSync: 'none' },
  answered: [{ question: 'currentSync', by: alice, at: NOW.toISOString(), message: 1 }],
  startedAt: NOW.toISOString(),
};

/** A conversation with a plan (or none) whose discard permission answers `permission` in turn. */
function setup(options: { plan?: boolean; permissions?: DecisionPermission[]; paused?: QuestionnaireState } = {}) {
  const decisions = new DecisionStore(new MemoryStorage());
  let ids = 0;
  const decide = decisionActions({ decisions, clock: () => NOW, newId: () => `decision-${++ids}` });
  const actions = questionnaireActions({ decisions, decide, clock: () => NOW, newId: () => `id-${++ids}-padding-x` });
  const removed: Array<KeepWith | undefined> = [];
  const permissions = [...(options.permissions ?? [{ kind: 'allowed', planId: 'plan-1' }])];
  const paused = slot(options.paused);
  const offeredPlan = slot<string>();
  const turn = (actor: Actor = alice): QuestionnaireTurn => ({
    location: HERE,
    actor,
    paused,
    offeredPlan,
    ...(options.plan
      ? {
          plans: {
            describe: async () => 'Cloud Sync, 2 of 7 tasks settled',
            start: async () => ({ kind: 'created', cardCount: 3, inThread: false }),
            permission: async () => (permissions.length > 1 ? permissions.shift()! : permissions[0]),
            remove: async (keep) => {
              removed.push(keep);
            },
          },
        }
      : {}),
  });
  return { decisions, decide, actions, turn, removed, paused, offeredPlan };
}

describe('questionnaire card data', () => {
  it('reads a question button, keeping only known navigation and confirmation values', () => {
    expect(asQuestionSubmit({ questionnaire: 'run-1', question: 'current', answer: 'none', nav: 'back' })).toEqual({
      questionnaire: 'run-1',
      question: 'current',
      answer: 'none',
      nav: 'back',
      confirm: undefined,
    });
    const forged = asQuestionSubmit({ questionnaire: 'r'.repeat(200), nav: 'format c:', confirm: 'yes', answer: 7 });
    expect(forged).toEqual({
      questionnaire: 'r'.repeat(64),
      question: undefined,
      answer: undefined,
      nav: undefined,
      confirm: undefined,
    });
    expect(asQuestionSubmit({ confirm: 'keep' })).toBeUndefined();
    expect(asQuestionSubmit('run-1')).toBeUndefined();
    expect(asQuestionSubmit(null)).toBeUndefined();
  });

  it('reads "Answer now" only with three short non-empty strings', () => {
    expect(asRefineSubmit({ refine: 'forestTopology', decisionId: 'd1', owner: alice.id })).toEqual({
      refine: 'forestTopology',
      decisionId: 'd1',
      owner: alice.id,
    });
    expect(asRefineSubmit({ refine: 'forestTopology', decisionId: '', owner: alice.id })).toBeUndefined();
    expect(asRefineSubmit({ refine: 'forestTopology', decisionId: 'd'.repeat(201), owner: alice.id })).toBeUndefined();
    expect(asRefineSubmit({ refine: 1, decisionId: 'd1', owner: alice.id })).toBeUndefined();
    expect(asRefineSubmit(undefined)).toBeUndefined();
  });

  it('tells someone pressing a card outside their own round to start their own', () => {
    expect(NOT_YOUR_ROUND).toContain('Say **start** to answer your own.');
  });
});

describe('commands during the questions', () => {
  it("lets the plan commands through and keeps the questionnaire's own", () => {
    for (const name of ['next', 'status', 'taskAction', 'due', 'myTasks', 'restore'] as const)
      expect(worksDuringQuestions(name)).toBe(true);
    for (const name of ['start', 'startOver', 'help', 'unknown', 'share', 'report'] as const)
      expect(worksDuringQuestions(name)).toBe(false);
  });
});

describe('how a round begins', () => {
  it('picks up a stopped round, and mentions a plan that is already here', async () => {
    const { actions, turn } = setup({ plan: true, paused: KEPT });
    const options = await actions.start(turn());
    expect(options.resume).toEqual(KEPT);
    expect(options.notice).toContain('already has a deployment plan (Cloud Sync, 2 of 7 tasks settled)');
  });

  it('begins fresh without a plan or a kept round, and start over always opens with its confirmation', async () => {
    const { actions, turn } = setup();
    expect(await actions.start(turn())).toEqual({ notice: undefined, resume: undefined });
    expect(actions.startOver()).toEqual({ startOver: true });
  });
});

describe('start over', () => {
  it('offers the kept round, the open recommendation and a plan this person may discard, and remembers the plan', async () => {
    const { actions, decide, turn, offeredPlan } = setup({ plan: true, paused: KEPT });
    await decide.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
    const items = await actions.discardable(turn());
    expect(items).toEqual([
      'the 1 answers kept from your earlier round',
      'your recommendation that nobody has accepted yet',
      expect.stringContaining('the deployment plan of this conversation (Cloud Sync, 2 of 7 tasks settled)'),
    ]);
    expect(offeredPlan.value).toBe('plan-1');
    expect(await actions.refusal(turn())).toBeUndefined();
  });

  it('leaves out a plan this person may not discard, and has the refusal card for it', async () => {
    const { actions, turn, offeredPlan } = setup({
      plan: true,
      permissions: [{ kind: 'refused', planId: 'plan-1', card: REFUSED }],
    });
    await offeredPlan.set('plan-0');
    expect(await actions.discardable(turn())).toEqual([]);
    expect(offeredPlan.value).toBeUndefined();
    expect(await actions.refusal(turn())).toBe(REFUSED);
  });

  it('discards the answers, the recommendation and the offered plan', async () => {
    const { actions, decide, decisions, turn, removed, paused } = setup({ plan: true, paused: KEPT });
    await decide.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
    await actions.discardable(turn());
    expect(await actions.discard(turn())).toEqual({});
    expect(paused.value).toBeUndefined();
    expect(await decisions.pending(HERE, alice.id)).toBeUndefined();
    expect(removed).toEqual([{ decision: undefined }]);
  });

  it('keeps a plan that changed since the confirmation, and says so', async () => {
    const { actions, turn, removed } = setup({
      plan: true,
      permissions: [
        { kind: 'allowed', planId: 'plan-1' },
        { kind: 'allowed', planId: 'plan-2' },
      ],
    });
    await actions.discardable(turn());
    const done = await actions.discard(turn());
    expect(done.notice).toContain('The plan here changed after you were asked, so it stays');
    expect(removed).toEqual([]);
  });

  it('keeps a plan this person may no longer discard, with the refusal card when it had been offered', async () => {
    const { actions, turn, removed } = setup({
      plan: true,
      permissions: [
        { kind: 'allowed', planId: 'plan-1' },
        { kind: 'refused', planId: 'plan-1', card: REFUSED },
      ],
    });
    await actions.discardable(turn());
    const done = await actions.discard(turn());
    expect(done).toEqual({
      refusal: REFUSED,
      notice: 'Your own answers are cleared; the plan stays as it is. Here is the first question.',
    });
    expect(removed).toEqual([]);
  });

  it('without a plan clears the accepted decision too', async () => {
    const { actions, decide, decisions, turn } = setup();
    const card = await decide.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
    expect(cardText(card)).toContain('Cloud Sync');
    const pending = await decisions.pending(HERE, alice.id);
    await decide.choose(turn(), { decisionId: pending!.decisionId, owner: alice.id }, 'accept');
    expect(await decisions.accepted(HERE)).toBeDefined();
    expect(await actions.discard(turn())).toEqual({});
    expect(await decisions.accepted(HERE)).toBeUndefined();
  });
});

describe('"Answer now" and finished rounds', () => {
  it('refuses a button of someone else or of a stale recommendation', async () => {
    const { actions, decide, decisions, turn } = setup();
    await decide.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
    const { decisionId } = (await decisions.pending(HERE, alice.id))!;
    for (const [actor, data] of [
      [bob, { refine: 'forestTopology', decisionId, owner: alice.id }],
      [alice, { refine: 'forestTopology', decisionId: 'decision-0', owner: alice.id }],
      [alice, { refine: 'no such question', decisionId, owner: alice.id }],
    ] as const) {
      const outcome = await actions.refine(turn(actor), data);
      expect(outcome).toEqual({ kind: 'message', text: expect.stringContaining('no longer current') });
    }
  });

  it('asks the question again with the other answers kept, as a follow-up of the recommendation', async () => {
    const { actions, decide, decisions, turn } = setup();
    await decide.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
    const { decisionId } = (await decisions.pending(HERE, alice.id))!;
    const outcome = await actions.refine(turn(), { refine: 'forestTopology', decisionId, owner: alice.id });
    if (outcome.kind !== 'ask') throw new Error(`expected the question again, got ${outcome.text}`);
    expect(outcome.options.notice).toContain('Your other answers are kept.');
    expect(outcome.options.resume?.answers.forestTopology).toBeUndefined();
    expect(outcome.options.resume?.followUp).toEqual({ decisionId });
    expect(outcome.options.resume?.runId).toHaveLength(12);
  });

  it('keeps a stopped full round to resume, and says a stopped follow-up changed nothing', async () => {
    const { actions, turn, paused } = setup();
    expect(await actions.finished(turn(), { kind: 'cancelled', state: KEPT })).toBeUndefined();
    expect(paused.value).toEqual(KEPT);
    const followUp = { ...KEPT, followUp: { decisionId: 'decision-1' } };
    expect(await actions.finished(turn(), { kind: 'cancelled', state: followUp })).toContain(
      'The recommendation stays as it was',
    );
    expect(paused.value).toEqual(KEPT);
  });

  it('recommends from a finished round and forgets the kept one', async () => {
    const { actions, decisions, turn, paused } = setup({ paused: KEPT });
    const answer = await actions.finished(turn(), {
      kind: 'completed',
      runId: 'run-1',
      answers: CLOUD_SYNC_ANSWERS,
      answered: [],
      startedAt: NOW.toISOString(),
      completedAt: NOW.toISOString(),
    });
    expect(typeof answer).toBe('object');
    expect(paused.value).toBeUndefined();
    expect((await decisions.pending(HERE, alice.id))?.runId).toBe('run-1');
  });

  it('builds a follow-up that asks only the install-type questions, for the override', async () => {
    const { actions, decide, decisions, turn } = setup();
    await decide.recommendFrom(turn(), { runId: 'run-1', answers: CLOUD_SYNC_ANSWERS, answered: [] });
    const record = (await decisions.pending(HERE, alice.id))!;
    const options = actions.followUp(record, ['connectTotalObjects'], 'connect');
    expect(options.resume?.onlyAsk).toEqual(['connectTotalObjects']);
    expect(options.resume?.answers.connectTotalObjects).toBeUndefined();
    expect(options.resume?.followUp).toEqual({ decisionId: record.decisionId, override: 'connect' });
  });
});

describe('one place for the family', () => {
  it('is the only code in src/ that decides what a start over keeps and what "Answer now" answers', () => {
    const sentences = [
      'The plan here changed after you were asked',
      'answers kept from your earlier round',
      "That button belongs to a recommendation that is no longer current, or to someone else's",
      'The recommendation stays as it was; its buttons still work.',
    ];
    const writers = sourceFiles(SRC)
      .filter((file) => sentences.some((sentence) => readFileSync(file, 'utf8').includes(sentence)))
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'));
    expect(writers).toEqual(['actions/questionnaireActions.ts']);
  });
});
