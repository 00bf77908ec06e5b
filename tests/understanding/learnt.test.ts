/**
 * Sentences learnt from the tuning sets outside authors wrote (nlu/en.learnt.json): which lines are kept, the file
 * being what `npm run learnt` writes, and the second opinion they give (act only when both models read the same
 * command, offer what only the second reads, never undo a refusal).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPlan } from '../../src/domain/plan';
import { checkLearnt, checkLearntQuestions, CORPUS_DIR, loadCorpus, type Corpus } from '../../src/understanding/corpus';
import { GUIDE_FACTS } from '../../src/understanding/guideFacts';
import {
  asTrainingLine,
  formatLearntFile,
  heldOutLines,
  isHeldOutSet,
  isTuningSet,
  learntFile,
  tuningLines,
  tuningQuestions,
} from '../../src/understanding/learnt';
import type { Reader } from '../../src/understanding/reader';
import type { Proposal } from '../../src/understanding/readings';
import { combineReadings } from '../../src/understanding/secondOpinion';
import { loadSynonyms } from '../../src/understanding/synonyms';
import { planContext } from '../../src/understanding/planContext';
import { Understanding, type Interpretation } from '../../src/understanding/understand';

const full = loadCorpus('en');
const { learnt: _committed, learntQuestions: _questions, ...corpusOnly } = full;
const corpus: Corpus = corpusOnly;
const synonyms = loadSynonyms('en');
const NOW = new Date('2026-12-01T10:00:00Z');
const context = planContext(
  createPlan({ id: 'p1', selection: { tool: 'cloudSync' }, createdBy: { id: 'u', name: 'U' }, at: NOW.toISOString() }),
  NOW,
);
const withFile = new Understanding(full, synonyms);
const withoutFile = new Understanding(corpus, synonyms);

/** The command a reading acts on or offers first. */
function firstIntent(reading: Interpretation): string {
  if (reading.kind === 'act') return reading.proposal.intent;
  if (reading.kind === 'choose' || reading.kind === 'whichTask') return reading.proposals[0].intent;
  return reading.kind;
}

describe('which tuning lines are learnt', () => {
  it.each([
    ['a plain request', { text: 'which bit of the work is up after this', intent: 'next' }, 'next'],
    ['a person picked with @', { text: 'hand the agent install to @Tomasz', intent: 'assign' }, 'assign'],
    [
      "a person as Teams sends one, the bot's own mention removed",
      { text: '<at>Helper</at> give the config to <at>Ana Lee</at>', intent: 'assign', botName: 'Helper' },
      'assign',
    ],
  ])('keeps %s', (_what, line, intent) => {
    const file = learntFile(corpus, [line]);
    expect(Object.keys(file.intents)).toEqual([intent]);
  });

  it.each([
    [
      'a line that asks for nothing (learnt as chatter only)',
      { text: 'the coffee machine is broken again', intent: 'none' },
    ],
    ['a negated order', { text: "don't close the configuration yet", intent: 'taskDone' }],
    ['a negated statement', { text: 'we have not started the agent install', intent: 'taskStart' }],
    ['a hedge', { text: 'maybe reopen the prerequisites', intent: 'taskReopen' }],
    ['a hypothetical', { text: 'once the agent is in, start the configuration', intent: 'taskStart' }],
    ['an indirect question', { text: 'tell me whether the verify step is finished', intent: 'status' }],
    ['a label that is no intent', { text: 'show me the plan', intent: 'planView' }],
    ['a sentence the corpus holds already', { text: corpus.intents.next[0], intent: 'next' }],
  ])('leaves out %s', (_what, line) => {
    expect(learntFile(corpus, [line]).intents).toEqual({});
  });

  it('learns as chatter only a none line whose words alone ask for nothing', () => {
    const none = (text: string) => ({ text, intent: 'none' });
    const file = learntFile(corpus, [
      none('brb grabbing a coffee'),
      none("don't mark the verification done yet"),
      none('@Ravi can you reopen the config'),
      none('we might skip 4 next month'),
      none('the agent install went fine at my last job'),
      none('maybe later for the reminders'),
      { text: 'what is next', intent: 'next' },
    ]);
    expect(file.chatter).toEqual(['brb grabbing a coffee']);
  });

  it('writes the bot as the corpus does: people as {person}, its own mention gone', () => {
    expect(asTrainingLine('<at>Helper</at> give task 2 to <at>Ana Lee</at> and @Ravi', 'Helper')).toBe(
      'give task 2 to {person} and {person}',
    );
    expect(asTrainingLine('mail me at ana@example.com')).toBe('mail me at ana@example.com');
  });

  it('keeps each sentence once, sorted, under its intent', () => {
    const file = learntFile(corpus, [
      { text: 'zap the plan and go again', intent: 'startOver' },
      { text: 'bin the plan and go again', intent: 'startOver' },
      { text: 'zap the plan and go again', intent: 'startOver' },
    ]);
    expect(file.intents).toEqual({ startOver: ['bin the plan and go again', 'zap the plan and go again'] });
  });

  it.each([
    ['dev.en.json', true],
    ['dev7.en.json', true],
    ['dev20.en.json', true],
    ['heldout.en.json', false],
    ['heldout11.en.json', false],
    ['devx.en.json', false],
    ['dev3.fr.json', false],
  ])('reads %s as a tuning set: %s', (name, expected) => {
    expect(isTuningSet(name, 'en')).toBe(expected);
  });
});

describe('the committed file', () => {
  it('is exactly what npm run learnt derives from the tuning sets and the current corpus', () => {
    const dir = __dirname;
    const files = readdirSync(dir)
      .filter((name) => isTuningSet(name, 'en') || isHeldOutSet(name, 'en'))
      .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    const committed = readFileSync(join(CORPUS_DIR, 'en.learnt.json'), 'utf8');
    // A difference means a tuning set, a held-out set or the corpus changed since the file was written: run
    // `npm run learnt`.
    expect(committed).toBe(
      formatLearntFile(
        learntFile(corpus, tuningLines(files, 'en'), heldOutLines(files, 'en'), tuningQuestions(files, 'en')),
      ),
    );
  });

  it('leaves out a sentence a held-out set also has, whatever its capitals, punctuation and people', () => {
    const lines = [
      { text: "What's next?", intent: 'next' },
      { text: 'give task 2 to @Ravi', intent: 'assign' },
      { text: 'which bit is up after this one', intent: 'next' },
    ];
    const heldOut = [
      { text: "what's next", intent: 'heldOut' },
      { text: 'Give task 2 to <at>Meera</at>', intent: 'heldOut' },
    ];
    expect(learntFile(corpus, lines, heldOut).intents).toEqual({ next: ['which bit is up after this one'] });
  });

  it.each([
    ['heldout.en.json', true],
    ['heldout11.en.json', true],
    ['dev3.en.json', false],
    ['heldout2.fr.json', false],
  ])('reads %s as a held-out set: %s', (name, expected) => {
    expect(isHeldOutSet(name, 'en')).toBe(expected);
  });

  it('is read with the corpus', () => {
    expect(Object.keys(full.learnt ?? {}).length).toBeGreaterThan(20);
  });

  it.each([
    [{ intents: { nextStep: ['what now'] } }, '"intents.nextStep" is no intent'],
    [{ intents: { next: [] } }, '"intents.next" must be a non-empty list'],
    [{ intents: { next: ['  '] } }, '"intents.next" must be a non-empty list'],
    [{ sentences: [] }, '"intents" must be an object'],
  ])('names what is wrong in a malformed file: %j', (raw, message) => {
    expect(() => checkLearnt(raw, 'nlu/xx.learnt.json')).toThrow(message);
  });
});

describe('which tuning questions are learnt', () => {
  const page = GUIDE_FACTS[0].links[0].url;
  const learnt = (questions: Parameters<typeof learntFile>[3], leaveOut: Parameters<typeof learntFile>[2] = []) =>
    learntFile(corpus, [], leaveOut, questions).questions;

  it.each([
    [
      'a question labeled with its task',
      { text: 'Does the box need .NET?', task: 'cloudSync.prerequisites' },
      'cloudSync.prerequisites',
    ],
    [
      'one two tasks answer alike, under the first',
      { text: 'is ha built in', task: ['connect.installCustom', 'cloudSync.chooseTool'] },
      'connect.installCustom',
    ],
  ])('keeps %s', (_what, question, part) => {
    expect(learnt([question])).toEqual({ [part]: [question.text.toLowerCase()] });
  });

  it.each([
    ['one that falls back', { text: 'is it sunny in Lyon', fallback: true }],
    ['one labeled with a Learn page only', { text: 'tell me about it', link: page }],
    [
      'one the corpus already has as an example',
      { text: corpus.guideQuestions['cloudSync.prerequisites'][0], task: 'cloudSync.prerequisites' },
    ],
  ])('leaves out %s', (_what, question) => {
    expect(learnt([question])).toEqual({});
  });

  it('leaves out a question a held-out set also asks, and keeps each once', () => {
    const questions = [
      { text: 'Which ports?', task: 'cloudSync.prerequisites' },
      { text: 'how big can the group be', task: 'cloudSync.prerequisites' },
      { text: 'How big can the group be', task: 'cloudSync.prerequisites' },
    ];
    expect(learnt(questions, [{ text: 'which ports', intent: 'heldOut' }])).toEqual({
      'cloudSync.prerequisites': ['how big can the group be'],
    });
  });

  it('are read with the corpus, and a malformed list is named', () => {
    expect(Object.keys(full.learntQuestions ?? {}).length).toBeGreaterThan(20);
    expect(() => checkLearntQuestions({ questions: { 'cloudSync.verify': [] } }, 'nlu/xx.learnt.json')).toThrow(
      '"questions.cloudSync.verify" must be a non-empty list',
    );
  });

  // Questions of the tuning sets whose own words the guide ranks elsewhere: the committed file's questions, heard as
  // lines of the part that answers them, move the answer there. (One learnt question alone weighs little: its index
  // then has no rare words, so it adds to a part without outweighing the guide's own lines.)
  const answeredBy = (understanding: Understanding, question: string) => {
    const answer = understanding.answerQuestion(question, context);
    return answer.kind === 'answer' ? answer.hits[0].taskIds : [];
  };
  const guideAlone = new Understanding(corpus, synonyms);
  const guideAndLearnt = new Understanding({ ...corpus, learntQuestions: full.learntQuestions }, synonyms);
  it.each([
    ['we want several active agents for high availability, which tool gives us that?', 'cloudSync.chooseTool'],
    ['is cloud sync device sync ready for production', 'cloudSync.deviceSync'],
    ['where do i get azureadconnect.msi now that the download center page is gone', 'connect.download'],
    ['how often should we revisit the decision to stay on connect?', 'connectUpgrade.reasons'],
  ])('answer "%s" from %s', (question, taskId) => {
    expect(answeredBy(guideAlone, question)).not.toContain(taskId);
    expect(answeredBy(guideAndLearnt, question)).toContain(taskId);
  });

  it.each(["what's the weather in Paris", 'the printer is not showing'])('still fall back on "%s"', (question) => {
    expect(guideAndLearnt.answerQuestion(question, context).kind).toBe('noAnswer');
  });

  it('must name a part of the guide', () => {
    expect(
      () => new Understanding({ ...corpus, learntQuestions: { 'cloudSync.nowhere': ['where'] } }, synonyms),
    ).toThrow('names "cloudSync.nowhere"');
  });
});

describe('the second opinion', () => {
  /** The corpus with these learnt sentences, and nothing else learnt. */
  const taught = (learnt: Corpus['learnt']) => new Understanding({ ...corpus, learnt }, synonyms);

  // The corpus alone acts on these; with no learnt sentence there is no second model to ask.
  it.each(['mark task 3 done', 'verification passed', 'ditch the whole plan and go again'])(
    'reads %j as the corpus alone does when nothing was learnt',
    (words) => {
      const reading = withoutFile.interpret(words, context);
      expect(reading.kind).toBe('act');
      expect(taught({}).interpret(words, context)).toEqual(reading);
    },
  );

  it('acts when both models read the same command', () => {
    const reader = taught({ taskDone: ['close out {task} for me', 'tick off {task} as finished'] });
    expect(reader.interpret('mark task 3 done', context)).toMatchObject({
      kind: 'act',
      proposal: { intent: 'taskDone', taskNumber: 3 },
    });
  });

  it('offers, and does not act on, what the corpus alone reads when the learnt sentences say otherwise', () => {
    const words = 'ditch the whole plan and go again';
    expect(withoutFile.interpret(words, context)).toMatchObject({ kind: 'act', proposal: { intent: 'status' } });
    const reader = taught({
      startOver: ['ditch the plan', 'the whole plan can go, we go again', 'go again from nothing'],
    });
    // Start over first: the message's words speak for it as much as for the status.
    expect(reader.interpret(words, context)).toEqual({
      kind: 'choose',
      proposals: [{ intent: 'startOver' }, { intent: 'status' }],
    });
  });

  it('still shows a read-only command the corpus is sure of when the learnt sentences read only a question in it', () => {
    const words = 'when was task 2 marked done';
    expect(withoutFile.interpret(words, context)).toMatchObject({ kind: 'act', proposal: { intent: 'history' } });
    const reader = taught({ question: ['when was {task} marked done', 'when was it done', 'when is {task} done'] });
    expect(reader.interpret(words, context)).toMatchObject({ kind: 'act', proposal: { intent: 'history' } });
  });

  it('keeps the help card for a hypothetical, whatever read-only command the learnt sentences find in it', () => {
    const words = 'once task 3 is done we could skip 5';
    const alone = withoutFile.interpret(words, context);
    expect(alone.kind).toBe('help');
    const reader = taught({
      next: ['once {task} is done what then', 'once {task} is done', '{task} is done, what now'],
    });
    expect(reader.interpret(words, context)).toEqual(alone);
  });

  it('offers first, never acts on, what only the learnt sentences read', () => {
    const words = 'which chunk of work is up after this';
    expect(firstIntent(withoutFile.interpret(words, context))).not.toBe('next');
    const reading = taught({
      next: ['which chunk of the work is up now', 'what work is up after this', 'which chunk comes after this'],
    }).interpret(words, context);
    expect(reading).toMatchObject({ kind: 'choose', proposals: [{ intent: 'next' }] });
  });

  it('offers what the learnt sentences read instead of asking whom for a command they do not read', () => {
    const words = 'give me an export i can add to our audit folder';
    expect(withoutFile.interpret(words, context)).toMatchObject({ kind: 'clarify', intent: 'assign' });
    const reader = taught({
      report: ['a file i can add to the audit', 'something to add to the audit folder', 'an export for the audit'],
    });
    expect(reader.interpret(words, context)).toEqual({ kind: 'choose', proposals: [{ intent: 'report' }] });
  });

  it.each([
    ["don't wipe the plan", { startOver: ['wipe the plan', 'wipe the plan now', 'please wipe the plan'] }],
    [
      'if the audit fails we wipe the plan',
      { startOver: ['wipe the plan', 'we wipe the plan', 'the audit is in, wipe the plan'] },
    ],
    ['task 3 is not done yet', { taskDone: ['task 3 is done', '{task} is done now', 'done with {task}'] }],
  ])('refuses, or only weighs, a change however the learnt sentences read it: %j', (words, learnt) => {
    const reading = taught(learnt).interpret(words, context);
    expect(reading.kind).not.toBe('act');
    expect(reading).toEqual(withoutFile.interpret(words, context));
  });
});

describe('the committed file as a second opinion (phrasings of our own)', () => {
  // The corpus alone had acted on the status here, on "whole" and "plan"; the tuning sets' authors ask to start over
  // with such words, so the reading is offered instead.
  it.each(['ditch the whole plan and go again'])('no longer acts on %j', (words) => {
    expect(withoutFile.interpret(words, context).kind).toBe('act');
    expect(withFile.interpret(words, context).kind).not.toBe('act');
  });

  // The corpus alone had sent these to the guide; the authors ask for the next task this way.
  it.each(['which chunk of work is up after this', 'which piece of the sync work comes after this one'])(
    'offers the next task first for %j',
    (words) => {
      expect(firstIntent(withoutFile.interpret(words, context))).not.toBe('next');
      expect(withFile.interpret(words, context)).toMatchObject({ kind: 'choose', proposals: [{ intent: 'next' }] });
    },
  );
});

describe('two readings the models disagree on (phrasings of our own)', () => {
  // The message's words speak for the second model's reading as much as for the first's: it comes first, and
  // neither is carried out. Each had offered the first network's reading first.
  it.each([
    ['show me the tasks that belong to me', 'myTasks'],
    ['list the tasks that are mine', 'myTasks'],
    ['suggest a sync tool for our contoso tenant', 'start'],
    ['progress % on this tenant?', 'status'],
    // The first network was sure of a change for the whole plan (sharing it) on "put" and "on".
    ['put my name on the next step', 'assign'],
  ])('offers %j as %s first', (words, intent) => {
    const reading = withFile.interpret(words, context);
    expect(reading.kind).toBe('choose');
    expect(firstIntent(reading)).toBe(intent);
  });

  // A read-only command the first network is sure of, which the second offers only after a change the words speak for
  // as much (a command for the whole plan or a setting): the change leads and neither is carried out, as the first
  // alone put its command first. Where the second offers the same command first, it is shown.
  const check = { intent: 'check' } as const;
  const combined = (text: string, second: readonly Proposal[]) =>
    combineReadings(
      (withFile as unknown as { first: Reader }).first,
      text,
      context,
      { kind: 'act', proposal: check, score: 0.99 },
      { kind: 'choose', proposals: second },
    );
  it.each([
    ['propose a sync tool for the fabrikam tenant', { intent: 'start' } as const],
    ['message the team when provisioning gets quarantined', { intent: 'watch', setting: 'on' } as const],
  ])('offers what the second reads first in %j before the read-only command the first was sure of', (text, lead) => {
    expect(combined(text, [lead, check])).toEqual({ kind: 'choose', proposals: [lead, check] });
  });
  it('shows the read-only command the first was sure of when the second offers it first', () => {
    const watch = { intent: 'watch', setting: 'on' } as const;
    expect(combined('message the team when provisioning gets quarantined', [check, watch])).toMatchObject({
      kind: 'act',
      proposal: check,
    });
  });

  // What the first network only offers and the second reads as no command: small talk that shares a word with a
  // command. These had offered the reminders, on "morning"; the help card lists them first instead.
  it.each(['the canteen queue was endless this morning', 'the weather this morning was dreadful'])(
    'shows the help card for %j, with what the first network offered as the closest command',
    (words) => {
      const reading = withFile.interpret(words, context);
      expect(reading.kind).toBe('help');
      expect(reading.kind === 'help' && reading.closest[0]).toBe('remind');
    },
  );

  // The first network offers a task change though the message names no task, and the second reads the same change
  // on "right now": it stays an offer, as a bare number of minutes is no task named in words.
  it('never carries out a task change small talk only seems to ask for, naming no task', () => {
    const words = 'right now the walk to the canteen takes about 5';
    expect(withoutFile.interpret(words, context)).toMatchObject({
      kind: 'choose',
      proposals: [{ intent: 'taskStart' }],
    });
    expect(withFile.interpret(words, context).kind).not.toBe('act');
  });

  // Between two task changes the first network's reading of the verb stands: a change's task is no word it learnt.
  it.each([
    ['mark task 2 finished, sorry I mean task 3', 'taskDone'],
    ['skip task 4, another team handled it', 'taskSkip'],
  ])("keeps the first network's change first for %j", (words, intent) => {
    expect(firstIntent(withFile.interpret(words, context))).toBe(intent);
  });
});
