/**
 * The plan in Teams: starts a plan and has its cards posted (a channel gets one thread), and binds two verb
 * families to Teams turns: the plan reads ("next", "status", "tasks", "history" and the summary's "What's next",
 * in src/actions/planReads.ts) and the task buttons with "done 3" (src/actions/taskActions.ts). Everything here
 * translates between Teams activities and the plan; the rules live in src/domain, the use cases in src/actions.
 */
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Outgoing } from '../actions/outgoing';
import { cardsToPost, type Destination } from '../actions/planPosting';
import { applyTaskByNumber, taskVerbHandlers, type TaskActionDeps } from '../actions/taskActions';
import { planReadVerbHandlers, readPlan, readTaskHistory, type PlanReadName } from '../actions/planReads';
import type { DecisionSummary } from '../domain/decision';
import { createPlan, type PlanSelection } from '../domain/plan';
import type { KeepWith, PlanLocation, PlanStore } from '../store/planStore';
import { cardResponse } from './invokeResponses';
import type { CommandHandler, Feature, VerbHandler } from './routing';
import { bindVerbs } from './verbBinding';
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

  const readDeps = { planStore, clock: deps.clock, tenantChecks, outgoing };
  const read =
    (name: PlanReadName): CommandHandler =>
    async (context) =>
      deps.reply(context, await readPlan(readDeps, planLocation(context), name));

  const verbs: Record<string, VerbHandler> = {
    ...bindVerbs(planReadVerbHandlers(readDeps), (context) => ({
      location: planLocation(context),
      target: targetOf(context),
    })),
  };
  for (const [verb, handle] of Object.entries(taskVerbHandlers(actionDeps))) {
    verbs[verb] = async (context, data) => cardResponse(await handle(planLocation(context), actorOf(context), data));
  }

  return {
    verbs,
    commands: {
      next: read('next'),
      status: read('status'),
      tasks: read('tasks'),
      history: async (context, command) =>
        command.taskNumber === undefined
          ? read('history')(context, command)
          : deps.reply(context, await readTaskHistory(readDeps, planLocation(context), command.taskNumber)),
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
