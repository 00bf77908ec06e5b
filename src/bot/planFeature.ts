/**
 * The plan in Teams: starts a plan and has its cards posted (a channel gets one thread), answers
 * "next", "status", "tasks", "history" and "done 3", and routes the task buttons. Everything here
 * translates between Teams activities and the plan; the rules live in src/domain, the button handling,
 * posting and fan-out in src/actions.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Outgoing } from '../actions/outgoing';
import { cardsToPost, type Destination } from '../actions/planPosting';
import { applyTaskByNumber, taskVerbHandlers, type TaskActionDeps } from '../actions/taskActions';
import { earlierPlansCard, historyCard } from '../cards/historyCard';
import { noPlanCard, notThisPlanCard } from '../cards/planNotices';
import { nextCard, summaryCard, NEXT_VERB } from '../cards/summaryCard';
import { tasksCard } from '../cards/tasksCard';
import type { AdaptiveCardJson } from '../cards/render';
import type { DecisionSummary } from '../domain/decision';
import { createPlan, type PlanSelection } from '../domain/plan';
import type { KeepWith, PlanLocation, PlanStore } from '../store/planStore';
import { cardResponse } from './invokeResponses';
import type { Feature, VerbHandler } from './routing';
import { actorOf, destinationOf, planLocation, targetOf, type TurnReply } from './turn';

export interface PlanFeatureDeps {
  readonly planStore: PlanStore;
  /** The app's one outgoing service: posts the plan's cards and keeps them current. */
  readonly outgoing: Outgoing;
  readonly clock: () => Date;
  /** GRAPH_CHECKS is on: the summary and the tasks Graph can observe offer "Check now" wherever they are shown. */
  readonly tenantChecks?: boolean;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

/** A created plan and what happens next: how many cards are being posted, and whether as a channel thread. */
export interface PlanCreated {
  readonly kind: 'created';
  readonly cardCount: number;
  readonly inThread: boolean;
}

export interface PlanFeature extends Feature {
  /**
   * Creates this conversation's plan and schedules the posting of its summary and open task cards: it
   * returns before they are posted, so an invoke can answer at once. In a channel they become one thread.
   */
  startPlan(
    context: TurnContext,
    selection: PlanSelection,
    decision: DecisionSummary,
    options: { replace: boolean; keep?: KeepWith },
  ): Promise<PlanCreated | 'exists'>;
  /** Schedules posting of the plan stored at `location` to `destination` (sharing uses it). Returns the number of cards. */
  postPlan(location: PlanLocation, planId: string, destination: Destination): Promise<number>;
  /** Resolves when the outgoing service's card updates and posts scheduled so far have finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createPlanFeature(deps: PlanFeatureDeps): PlanFeature {
  const { planStore, outgoing } = deps;
  const tenantChecks = deps.tenantChecks === true;
  const actionDeps: TaskActionDeps = { planStore, clock: deps.clock, tenantChecks, outgoing };

  const withPlan = async (
    context: TurnContext,
    render: (record: NonNullable<Awaited<ReturnType<PlanStore['load']>>>) => AdaptiveCardJson,
  ) => {
    const record = await planStore.load(planLocation(context));
    await deps.reply(context, record ? render(record) : noPlanCard());
  };

  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(taskVerbHandlers(actionDeps))) {
    verbs[verb] = async (context, data) => cardResponse(await handle(planLocation(context), actorOf(context), data));
  }
  // The summary's "What's next": the summary itself stays (refreshed) and the next task arrives as a new card.
  verbs[NEXT_VERB] = async (context, data) => {
    const location = planLocation(context);
    const record = await planStore.load(location);
    const planId = typeof data.planId === 'string' ? data.planId : undefined;
    if (!record) return cardResponse(noPlanCard());
    if (record.plan.id !== planId) {
      return cardResponse(notThisPlanCard());
    }
    outgoing.postCard(location, targetOf(context), nextCard(record.plan, record.decision, deps.clock(), tenantChecks));
    return cardResponse(summaryCard(record.plan, record.decision, { now: deps.clock(), tenantChecks }));
  };

  return {
    verbs,
    commands: {
      next: (context) =>
        withPlan(context, (record) => nextCard(record.plan, record.decision, deps.clock(), tenantChecks)),
      status: (context) =>
        withPlan(context, (record) => summaryCard(record.plan, record.decision, { now: deps.clock(), tenantChecks })),
      tasks: (context) => withPlan(context, (record) => tasksCard(record.plan)),
      history: async (context) => {
        const location = planLocation(context);
        const [record, log] = await Promise.all([planStore.load(location), planStore.log(location)]);
        const now = deps.clock();
        await deps.reply(
          context,
          record ? historyCard(record.plan, log, now) : log.length > 0 ? earlierPlansCard(log, now) : noPlanCard(),
        );
      },
      taskAction: async (context, command) => {
        await deps.reply(
          context,
          await applyTaskByNumber(
            actionDeps,
            planLocation(context),
            actorOf(context),
            command.taskNumber,
            command.action,
          ),
        );
      },
    },

    async startPlan(context, selection, decision, options) {
      const location = planLocation(context);
      const actor = actorOf(context);
      const plan = createPlan({ id: randomUUID(), selection, createdBy: actor, at: deps.clock().toISOString() });
      const record = {
        plan,
        decision,
        conversationId: location.conversationId,
        tenantId: location.tenantId,
        cards: [],
      };
      const created = await planStore.create(location, record, {
        ...options,
        audit: { by: actor, at: plan.createdAt },
      });
      if (created !== 'created') return 'exists';
      const destination = destinationOf(context);
      outgoing.postPlan(location, plan.id, destination);
      return { kind: 'created', cardCount: cardsToPost(record).length, inThread: destination.kind === 'channel' };
    },

    async postPlan(location, planId, destination) {
      const record = await planStore.load(location);
      if (!record || record.plan.id !== planId) return 0;
      outgoing.postPlan(location, planId, destination);
      return cardsToPost(record).length;
    },

    idle: () => outgoing.idle(),
  };
}
