/**
 * Every task of every track can be named in words: "the agent install", "the staging server", "the agents check".
 * Table-driven over one plan per track, so a track added to the catalog without task words fails here.
 */
import type { CatalogSelection, Track } from '../../src/domain/catalog';
import { TASK_CATALOG } from '../../src/domain/taskCatalog';
import { createPlan, type PlanSelection } from '../../src/domain/plan';
import { loadCorpus } from '../../src/understanding/corpus';
import { planContext } from '../../src/understanding/planContext';
import { taskWordsOf } from '../../src/understanding/taskWords';
import { phraseTable, prepareText } from '../../src/understanding/textPrep';
import { sharedUnderstanding } from '../../src/understanding/understand';

const NOW = new Date('2026-12-01T10:00:00Z');
const corpus = loadCorpus('en');
const words = taskWordsOf(corpus);
const matcher = phraseTable(
  Object.entries(words).flatMap(([id, phrases]) => phrases.map((phrase) => [phrase, id] as const)),
);

/** A plan that holds each track. */
const PLAN_OF_TRACK: ReadonlyArray<readonly [Track, CatalogSelection & PlanSelection]> = [
  ['cloudSync', { tool: 'cloudSync', deviceSyncPreview: true }],
  ['connect', { tool: 'connect' }],
  ['restoreSync', { tool: 'connect', existing: 'connect', paths: ['restoreSync', 'connectUpgrade'] }],
  ['connectUpgrade', { tool: 'connect', existing: 'connect', paths: ['connectUpgrade'] }],
  ['migrateToCloudSync', { tool: 'cloudSync', existing: 'connect', paths: ['migrateToCloudSync'] }],
  ['cloudSyncHealth', { tool: 'cloudSync', existing: 'cloudSync', paths: ['cloudSyncHealth'] }],
];

const cases = PLAN_OF_TRACK.flatMap(([track, selection]) =>
  TASK_CATALOG.filter((task) => task.track === track).map((task) => [track, task.id, selection] as const),
);

describe('task words', () => {
  it('covers every track of the catalog', () => {
    expect([...new Set(TASK_CATALOG.map((task) => task.track))].sort()).toEqual(
      PLAN_OF_TRACK.map(([track]) => track).sort(),
    );
  });

  it.each(cases)('%s: %s has words, and each of them names it', (_track, taskId) => {
    const phrases = words[taskId];
    expect(phrases.length).toBeGreaterThan(0);
    for (const phrase of phrases) {
      const named = prepareText(`we finished ${phrase}`, {
        taskNames: matcher,
        vocabulary: new Set(),
      }).taskMentions.flatMap((mention) => (mention.ref.kind === 'words' ? mention.ref.taskIds : []));
      expect({ phrase, named: named.includes(taskId) }).toEqual({ phrase, named: true });
    }
  });

  it.each(cases)('%s: %s is found by its words in a plan of that track', (_track, taskId, selection) => {
    const plan = createPlan({ id: 'p', selection, createdBy: { id: 'u1', name: 'Ana' }, at: NOW.toISOString() });
    const context = planContext(plan, NOW);
    const task = context.tasks!.find((candidate) => candidate.id === taskId);
    const number = task?.number;
    expect(number).toBeDefined();
    // At least one of its names picks it out of the plan alone; shared names ("verify") ask which, with it among the options.
    // A task a new plan starts as done (the tool choice) is offered rather than skipped: that would undo its finish.
    const offeredOnly = task?.status === 'done';
    const readings = words[taskId].map((phrase) => sharedUnderstanding().interpret(`skip ${phrase}`, context));
    const exact = readings.some((reading) => {
      const proposal =
        reading.kind === 'act'
          ? reading.proposal
          : offeredOnly && reading.kind === 'choose'
            ? reading.proposals[0]
            : undefined;
      return proposal?.intent === 'taskSkip' && proposal.taskNumber === number;
    });
    expect(exact).toBe(true);
  });
});

describe('task words and articles', () => {
  it('an article never claims the start of a longer task name', () => {
    const prepared = prepareText('we started the agent install', { taskNames: matcher, vocabulary: new Set() });
    expect(prepared.masked).toBe('we started xtask');
    expect(prepared.taskMentions.map((mention) => mention.ref.kind === 'words' && mention.ref.words)).toEqual([
      'agent install',
    ]);
  });

  it('no task word starts with an article', () => {
    const leading = Object.values(words)
      .flat()
      .filter((phrase) => /^(the|a|an) /.test(phrase));
    expect(leading).toEqual([]);
  });
});
