/**
 * The plan in Teams: starts a plan and posts its cards, answers "next", "status", "tasks",
 * "history" and "done 3", and routes the task buttons. Everything here translates between Teams
 * activities and the plan; the rules live in src/domain, the button handling in src/actions.
 */
import { randomUUID } from 'node:crypto';
import {
  CardFactory,
  MessageFactory,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { CardFanOut, type CardPort, type CardTarget } from '../actions/cardFanOut';
import { applyTaskAction, handleTaskVerb, showTask, VERB_ACTIONS, type TaskActionDeps } from '../actions/taskActions';
import {
  historyCard,
  nextCard,
  noPlanCard,
  numberedTasks,
  planErrorCard,
  summaryCard,
  taskByNumber,
  tasksCard,
  taskCard,
  NEXT_VERB,
  SHOW_TASK_VERB,
} from '../cards/planCards';
import type { AdaptiveCardJson } from '../cards/render';
import type { DecisionSummary } from '../domain/decision';
import { createPlan, type Actor, type PlanSelection } from '../domain/plan';
import type { Logger } from '../logger';
import type { OutgoingSender } from '../messaging/sender';
import { baseConversationId } from '../store/conversationRegistry';
import type { CardRef, PlanLocation, PlanStore } from '../store/planStore';
import { cardResponse } from './invokeResponses';
import type { Feature, VerbHandler } from './routing';

export interface PlanFeatureDeps {
  readonly planStore: PlanStore;
  readonly sender: OutgoingSender;
  readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** Empty in local mode; continueConversationAsync then runs with unauthenticated connector calls. */
  readonly appId: string;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Aborted at shutdown: connector calls in flight (and the connector's own retries) stop instead of holding close() up. */
  readonly shutdownSignal?: AbortSignal;
}

export interface PlanFeature extends Feature {
  /** Creates this conversation's plan and posts its summary and open task cards. */
  startPlan(context: TurnContext, selection: PlanSelection, decision: DecisionSummary, options: { replace: boolean }): Promise<'created' | 'exists'>;
  /** Resolves when card updates and posts scheduled so far have finished (tests, shutdown). */
  idle(): Promise<void>;
}

const MAX_NAME = 100;

export function planLocation(context: TurnContext): PlanLocation {
  const activity = context.activity;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : activity.conversation?.tenantId;
  return { tenantId: (tenant ?? 'no-tenant').toLowerCase(), conversationId: baseConversationId(activity.conversation?.id ?? '') };
}

export function actorOf(context: TurnContext): Actor {
  const from = context.activity.from ?? { id: '', name: '' };
  const id = from.aadObjectId || from.id || 'unknown';
  const name = typeof from.name === 'string' && from.name.trim() ? from.name.trim().slice(0, MAX_NAME) : 'Someone';
  return { id: id.slice(0, MAX_NAME), name };
}

export function createPlanFeature(deps: PlanFeatureDeps): PlanFeature {
  const { planStore, sender, logger } = deps;
  const fanOut = new CardFanOut({ planStore, sender, port: connectorPort(deps.adapter, deps.appId, deps.shutdownSignal), logger });
  const actionDeps: TaskActionDeps = {
    planStore,
    clock: deps.clock,
    onChanged: (location, record, taskIds) => fanOut.refresh(location, record, taskIds),
  };

  /**
   * A reply in the current turn. With expectReplies it is only buffered into the HTTP answer; otherwise
   * it goes through the sender so a plan's burst of cards respects Teams' per-conversation limits.
   */
  const reply = async (context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> => {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    if (context.activity.deliveryMode === 'expectReplies') return (await context.sendActivity(activity))?.id;
    const location = planLocation(context);
    const outcome = await sender.enqueue({
      conversationId: location.conversationId,
      tenantId: location.tenantId,
      run: async () => (await context.sendActivity(activity))?.id,
    });
    if (!outcome.ok) {
      logger.warn({ reason: outcome.reason }, 'could not send a plan card');
      return undefined;
    }
    return outcome.value;
  };

  const withPlan = async (context: TurnContext, render: (record: NonNullable<Awaited<ReturnType<PlanStore['load']>>>) => AdaptiveCardJson) => {
    const record = await planStore.load(planLocation(context));
    await reply(context, record ? render(record) : noPlanCard());
  };

  const taskVerb =
    (verb: string): VerbHandler =>
    async (context, data) =>
      cardResponse(await handleTaskVerb(actionDeps, planLocation(context), actorOf(context), verb, data));

  const verbs: Record<string, VerbHandler> = Object.fromEntries(Object.keys(VERB_ACTIONS).map((verb) => [verb, taskVerb(verb)]));
  verbs[SHOW_TASK_VERB] = async (context, data) => cardResponse(await showTask(planStore, planLocation(context), data));
  // The summary's "What's next": the summary itself stays (refreshed) and the next task arrives as a new card.
  verbs[NEXT_VERB] = async (context, data) => {
    const location = planLocation(context);
    const record = await planStore.load(location);
    const planId = typeof data.planId === 'string' ? data.planId : undefined;
    if (!record) return cardResponse(noPlanCard());
    if (record.plan.id !== planId) {
      return cardResponse(planErrorCard('This card belongs to a plan that is not the current plan of this conversation. Say "status" for the current plan.', 'Not this plan'));
    }
    fanOut.post(location, targetOf(context), nextCard(record.plan, record.decision));
    return cardResponse(summaryCard(record.plan, record.decision));
  };

  return {
    verbs,
    commands: {
      next: (context) => withPlan(context, (record) => nextCard(record.plan, record.decision)),
      status: (context) => withPlan(context, (record) => summaryCard(record.plan, record.decision)),
      tasks: (context) => withPlan(context, (record) => tasksCard(record.plan)),
      history: (context) => withPlan(context, (record) => historyCard(record.plan)),
      taskAction: async (context, command) => {
        const location = planLocation(context);
        const record = await planStore.load(location);
        if (!record) {
          await reply(context, noPlanCard());
          return;
        }
        const task = taskByNumber(record.plan, command.taskNumber);
        if (!task) {
          const count = numberedTasks(record.plan).length;
          await reply(context, planErrorCard(`This plan has tasks 1 to ${count}, so there is no task ${command.taskNumber}. Say "tasks" to see them with their numbers.`));
          return;
        }
        const card = await applyTaskAction(actionDeps, location, actorOf(context), { planId: record.plan.id, taskId: task.id, action: command.action });
        await reply(context, card);
      },
    },

    async startPlan(context, selection, decision, options) {
      const location = planLocation(context);
      const actor = actorOf(context);
      const plan = createPlan({ id: randomUUID(), selection, createdBy: actor, at: deps.clock().toISOString() });
      const created = await planStore.create(
        location,
        { plan, decision, conversationId: location.conversationId, tenantId: location.tenantId, cards: [] },
        options,
      );
      if (created !== 'created') return 'exists';

      const target = targetOf(context);
      const refs: CardRef[] = [];
      const remember = (taskId: CardRef['taskId'], activityId: string | undefined) => {
        if (activityId) refs.push({ taskId, activityId, ...target });
      };
      remember('summary', await reply(context, summaryCard(plan, decision)));
      // Done ("choose the tool") and not-applicable tasks get no card: the summary lists them.
      for (const task of numberedTasks(plan).filter((candidate) => candidate.status === 'todo' || candidate.status === 'inProgress')) {
        remember(task.id, await reply(context, taskCard(plan, task.id)));
      }
      await planStore.rememberCards(location, refs, { planId: plan.id });
      return 'created';
    },

    idle: () => fanOut.idle(),
  };
}

/** The two connector operations the port needs (botframework-connector's ConnectorCalls has them). */
interface ConnectorCalls {
  conversations: {
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>, options?: { abortSignal?: AbortSignal }): Promise<ResourceResponse>;
    sendToConversation(conversationId: string, activity: Partial<Activity>, options?: { abortSignal?: AbortSignal }): Promise<ResourceResponse>;
  };
}

function targetOf(context: TurnContext): CardTarget {
  return { conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl };
}

/**
 * Proactive calls through CloudAdapter. In local mode appId is '': CloudAdapter then builds a claims
 * identity with an empty app id, and the credentials factory (auth disabled) hands out empty
 * credentials, so calls go to the serviceUrl unauthenticated, which is what a local connector expects.
 *
 * The connector client is called directly rather than through context.updateActivity so the call
 * can carry the shutdown signal. A failure inside the callback would otherwise reach the adapter's
 * onTurnError (which apologises in the chat), so it is carried out and rethrown here, where the
 * sender can classify it (retry, 404 → repost).
 */
function connectorPort(adapter: Pick<CloudAdapter, 'continueConversationAsync'>, appId: string, signal: AbortSignal | undefined): CardPort {
  const run = async <T>(target: CardTarget, logic: (client: ConnectorCalls, context: TurnContext) => Promise<T>): Promise<T> => {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: { id: target.conversationId } as ConversationReference['conversation'],
    };
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        const client = context.turnState.get<ConnectorCalls>((context.adapter as CloudAdapter).ConnectorClientKey);
        if (!client) throw new Error('No connector client in the proactive turn');
        result = { ok: true, value: await logic(client, context) };
      } catch (error) {
        result = { ok: false, error };
      }
    });
    if (!result) throw new Error('continueConversationAsync did not run the callback');
    if (!result.ok) throw result.error;
    return result.value;
  };
  const cardActivity = (context: TurnContext, card: AdaptiveCardJson): Partial<Activity> =>
    TurnContext.applyConversationReference(
      MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      TurnContext.getConversationReference(context.activity),
    );
  // Shutdown or the sender's per-attempt timeout, whichever comes first, cancels the HTTP call.
  const options = (attempt: AbortSignal | undefined) => {
    const signals = [signal, attempt].filter((s): s is AbortSignal => s !== undefined);
    return signals.length === 0 ? {} : { abortSignal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) };
  };
  return {
    update: async (target, card, attempt) => {
      await run(target, (client, context) =>
        client.conversations.updateActivity(target.conversationId, target.activityId, { ...cardActivity(context, card), id: target.activityId }, options(attempt)),
      );
    },
    post: (target, card, attempt) =>
      run(target, async (client, context) => (await client.conversations.sendToConversation(target.conversationId, cardActivity(context, card), options(attempt))).id),
  };
}
