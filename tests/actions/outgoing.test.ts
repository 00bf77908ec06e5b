/**
 * The one outgoing service: a change refreshes the posted copies and announces milestones through one Delivery,
 * and it is the only place in src/ that builds a Delivery or is told about changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { Outgoing } from '../../src/actions/outgoing';
import { applyTaskAction } from '../../src/actions/taskActions';
import { createPlan, type Actor } from '../../src/domain/plan';
import type { PostingPort } from '../../src/messaging/ports';
import { OutgoingSender } from '../../src/messaging/sender';
import { PlanStore, type PlanLocation } from '../../src/store/planStore';
import { storePlan, summaryCardIn } from '../helpers/storedPlan';
import { cardText, executeActions } from '../helpers/cardAssertions';
import { SRC, sourceFiles } from '../helpers/sourceFiles';

const ANA: Actor = { id: 'aad-ana', name: 'Ana' };
const HERE: PlanLocation = { tenantId: 't-1', conversationId: 'conv-here' };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

function recordingPort() {
  const calls: string[] = [];
  const port: PostingPort = {
    update: async (target, card) =>
      void calls.push(
        `update ${target.activityId}: ${cardText(card).includes('2 of 5 tasks settled') ? 'current' : 'stale'}`,
      ),
    post: async () => {
      calls.push('post');
      return 'new-id';
    },
    createThread: async () => ({ conversationId: 'thread', activityId: 'root' }),
    postText: async (target, text) => {
      calls.push(`note ${target.conversationId}: ${text.includes('as done') ? 'done' : text}`);
      return 'note-id';
    },
  };
  return { port, calls };
}

async function planWithSummary(planStore: PlanStore) {
  const plan = createPlan({
    id: 'plan-1',
    selection: { tool: 'cloudSync' },
    createdBy: ANA,
    at: '2025-11-26T10:00:00.000Z',
  });
  await storePlan(planStore, HERE, plan, [summaryCardIn(HERE)]);
  return plan;
}

describe('Outgoing', () => {
  it('after "Mark done" refreshes the posted summary and announces the milestone in its conversation', async () => {
    const planStore = new PlanStore(new MemoryStorage());
    const plan = await planWithSummary(planStore);
    const { port, calls } = recordingPort();
    const outgoing = new Outgoing({
      planStore,
      sender: new OutgoingSender({ retry: { baseDelayMs: 1 } }),
      port,
      logger: quiet,
    });
    await applyTaskAction({ planStore, clock: () => new Date('2025-11-26T11:00:00.000Z'), outgoing }, HERE, ANA, {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      action: 'done',
    });
    await outgoing.idle();
    expect(calls.sort()).toEqual(['note conv-here: done', 'update sum-1: current']);
  });

  it('sends nothing to a conversation that no longer has the app, refreshes and notes alike', async () => {
    const planStore = new PlanStore(new MemoryStorage());
    const plan = await planWithSummary(planStore);
    const { port, calls } = recordingPort();
    const guard = { isActive: async () => false, markInactive: async () => {} };
    const outgoing = new Outgoing({ planStore, sender: new OutgoingSender(), port, logger: quiet, guard });
    await applyTaskAction({ planStore, clock: () => new Date('2025-11-26T11:00:00.000Z'), outgoing }, HERE, ANA, {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      action: 'done',
    });
    await outgoing.idle();
    expect(calls).toEqual([]);
  });

  it.each([
    [true, true],
    [false, false],
  ])('with GRAPH_CHECKS %s, the refreshed summary offers "Check now": %s', async (tenantChecks, offered) => {
    const planStore = new PlanStore(new MemoryStorage());
    const plan = await planWithSummary(planStore);
    const updated: object[] = [];
    const port: PostingPort = { ...recordingPort().port, update: async (_target, card) => void updated.push(card) };
    const outgoing = new Outgoing({ planStore, sender: new OutgoingSender(), port, logger: quiet, tenantChecks });
    await applyTaskAction({ planStore, clock: () => new Date('2025-11-26T11:00:00.000Z'), outgoing }, HERE, ANA, {
      planId: plan.id,
      taskId: 'cloudSync.prerequisites',
      action: 'done',
    });
    await outgoing.idle();
    expect(updated).toHaveLength(1);
    expect(
      executeActions(updated[0])
        .map((action) => action.title)
        .includes('Check now'),
    ).toBe(offered);
  });
});

describe('one outgoing service in src/', () => {
  const sources = sourceFiles(SRC).map((file) => ({
    name: path.relative(SRC, file).split(path.sep).join('/'),
    text: readFileSync(file, 'utf8'),
  }));

  it('builds a Delivery only inside the outgoing service', () => {
    expect(sources.filter((source) => source.text.includes('new Delivery(')).map((source) => source.name)).toEqual([
      'actions/outgoing.ts',
    ]);
  });

  it('threads no change callbacks: use cases tell the outgoing service themselves', () => {
    expect(
      sources.filter((source) => /\bonChanged\b|\bafterChange\b/.test(source.text)).map((source) => source.name),
    ).toEqual([]);
  });
});
