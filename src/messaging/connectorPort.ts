/**
 * The Teams side of PostingPort: proactive calls through CloudAdapter.continueConversationAsync.
 *
 * In local mode appId is '': CloudAdapter then builds a claims identity with an empty app id, and the
 * credentials factory (auth disabled) hands out empty credentials, so calls go to the serviceUrl
 * unauthenticated, which is what a local connector expects.
 *
 * The connector client is called directly rather than through context.updateActivity so the call can
 * carry the abort signal. A failure inside the callback would otherwise reach the adapter's onTurnError
 * (which apologises in the chat), so it is carried out and rethrown here, where the sender can classify
 * it (retry, 404 → repost, 403 → inactive).
 */
import {
  CardFactory,
  MessageFactory,
  TeamsInfo,
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type Mention,
  type ResourceResponse,
} from 'botbuilder';
import { ReusingConnectorFactory } from './connectorClients';
import type { CardTarget, CreatedThread, PostingPort } from './ports';
import type { AdaptiveCardJson } from '../cards/render';

/** The connector operations the port needs (botframework-connector's ConnectorClient has them). */
interface ConnectorCalls {
  conversations: {
    updateActivity(
      conversationId: string,
      activityId: string,
      activity: Partial<Activity>,
      options?: { abortSignal?: AbortSignal },
    ): Promise<ResourceResponse>;
    sendToConversation(
      conversationId: string,
      activity: Partial<Activity>,
      options?: { abortSignal?: AbortSignal },
    ): Promise<ResourceResponse>;
    createConversation(
      parameters: ConversationParameters,
      options?: { abortSignal?: AbortSignal },
    ): Promise<{ id?: string; activityId?: string }>;
  };
}

type Adapter = Pick<CloudAdapter, 'continueConversationAsync'>;

type Runner = <T>(
  target: { serviceUrl: string; conversationId: string },
  logic: (client: ConnectorCalls, context: TurnContext) => Promise<T>,
) => Promise<T>;

/** Runs `logic` in a proactive turn on the conversation and hands back its result or its error. */
function proactiveRunner(adapter: Adapter, appId: string): Runner {
  return async <T>(
    target: { serviceUrl: string; conversationId: string },
    logic: (client: ConnectorCalls, context: TurnContext) => Promise<T>,
  ): Promise<T> => {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: target.serviceUrl,
      conversation: { id: target.conversationId } as ConversationReference['conversation'],
    };
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        const client = await clientWithoutRetries(context, target.serviceUrl);
        result = { ok: true, value: await logic(client, context) };
      } catch (error) {
        result = { ok: false, error };
      }
    });
    if (!result) throw new Error('continueConversationAsync did not run the callback');
    if (!result.ok) throw result.error;
    return result.value;
  };
}

const addressed = (context: TurnContext, activity: Partial<Activity>): Partial<Activity> =>
  TurnContext.applyConversationReference(activity, TurnContext.getConversationReference(context.activity));

// Shutdown or the sender's per-attempt timeout, whichever comes first, cancels the HTTP call.
function callOptions(
  shutdown: AbortSignal | undefined,
  attempt: AbortSignal | undefined,
): { abortSignal?: AbortSignal } {
  const signals = [shutdown, attempt].filter((s): s is AbortSignal => s !== undefined);
  return signals.length === 0 ? {} : { abortSignal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) };
}

/** A message with text, entities (mentions) and a card, sent proactively; the reminder digest uses it. */
export interface MessagePort {
  postMessage(
    target: CardTarget,
    message: { text: string; entities: readonly Mention[]; card: AdaptiveCardJson },
    signal?: AbortSignal,
  ): Promise<string | undefined>;
}

export function messagePort(adapter: Adapter, appId: string, shutdown: AbortSignal | undefined): MessagePort {
  const run = proactiveRunner(adapter, appId);
  return {
    postMessage: (target, message, attempt) =>
      run(target, async (client, context) => {
        const activity: Partial<Activity> = {
          ...MessageFactory.attachment(CardFactory.adaptiveCard(message.card)),
          text: message.text,
          entities: [...message.entities],
        };
        return (
          await client.conversations.sendToConversation(
            target.conversationId,
            addressed(context, activity),
            callOptions(shutdown, attempt),
          )
        ).id;
      }),
  };
}

/** Any message (text, a file card), sent proactively; what a turn sends after its answer has left uses it. */
export interface ActivityPort {
  post(target: CardTarget, activity: Partial<Activity>, signal?: AbortSignal): Promise<string | undefined>;
}

export function activityPort(adapter: Adapter, appId: string, shutdown: AbortSignal | undefined): ActivityPort {
  const run = proactiveRunner(adapter, appId);
  return {
    post: (target, activity, attempt) =>
      run(
        target,
        async (client, context) =>
          (
            await client.conversations.sendToConversation(
              target.conversationId,
              addressed(context, activity),
              callOptions(shutdown, attempt),
            )
          ).id,
      ),
  };
}

export function connectorPort(adapter: Adapter, appId: string, shutdown: AbortSignal | undefined): PostingPort {
  const run = proactiveRunner(adapter, appId);
  const cardMessage = (card: AdaptiveCardJson): Partial<Activity> =>
    MessageFactory.attachment(CardFactory.adaptiveCard(card));
  const options = (attempt: AbortSignal | undefined) => callOptions(shutdown, attempt);

  return {
    update: async (target, card, attempt) => {
      await run(target, (client, context) =>
        client.conversations.updateActivity(
          target.conversationId,
          target.activityId,
          { ...addressed(context, cardMessage(card)), id: target.activityId },
          options(attempt),
        ),
      );
    },
    post: (target: CardTarget, card, attempt) =>
      run(
        target,
        async (client, context) =>
          (
            await client.conversations.sendToConversation(
              target.conversationId,
              addressed(context, cardMessage(card)),
              options(attempt),
            )
          ).id,
      ),
    postText: (target, text, attempt) =>
      run(
        target,
        async (client, context) =>
          (
            await client.conversations.sendToConversation(
              target.conversationId,
              addressed(context, { ...MessageFactory.text(text), textFormat: 'markdown' }),
              options(attempt),
            )
          ).id,
      ),
    createThread: (target, card, attempt) =>
      run(
        { serviceUrl: target.serviceUrl, conversationId: target.channelId },
        async (client, context): Promise<CreatedThread> => {
          if (appId) {
            // The SDK's way under CloudAdapter: given the app id as its 4th argument it takes the createConversationAsync
            // branch; without it, it uses the legacy connector path, which fails under CloudAdapter.
            // It cannot carry the abort signal; the sender's timeout still ends the wait for it.
            const [reference, activityId] = await TeamsInfo.sendMessageToTeamsChannel(
              context,
              cardMessage(card) as Activity,
              target.channelId,
              appId,
            );
            return createdThread(target.channelId, reference.conversation?.id, activityId);
          }
          // Local mode: TeamsInfo without an app id falls back to BotFrameworkAdapter.createConnectorClient, which
          // CloudAdapter does not have; the same create-conversation call on the turn's own client does what it would.
          const created = await client.conversations.createConversation(
            {
              isGroup: true,
              channelData: { channel: { id: target.channelId } },
              activity: cardMessage(card),
            } as ConversationParameters,
            options(attempt),
          );
          return createdThread(target.channelId, created.id, created.activityId);
        },
      ),
  };
}

/**
 * The OutgoingSender decides retries for everything it sends (see ReusingConnectorFactory.createWithoutRetries),
 * so proactive calls use the factory's retry-free client rather than the turn's own.
 */
async function clientWithoutRetries(context: TurnContext, serviceUrl: string): Promise<ConnectorCalls> {
  const adapter = context.adapter as CloudAdapter;
  const factory = context.turnState.get<unknown>(adapter.ConnectorFactoryKey);
  if (!(factory instanceof ReusingConnectorFactory))
    throw new Error('The adapter was not built by createAdapter: no retry-free connector client.');
  return factory.createWithoutRetries(serviceUrl, context.turnState.get<string>(adapter.OAuthScopeKey));
}

/**
 * Teams answers a new channel post with the thread's conversation id (`<channel>;messageid=<root>`); the root's
 * activity id is its suffix. botbuilder's CloudAdapter branch hands back the conversation id where the activity
 * id should be, so the suffix is the reliable source, and the returned id only a fallback.
 */
function createdThread(
  channelId: string,
  conversationId: string | undefined,
  activityId: string | undefined,
): CreatedThread {
  const suffix = conversationId?.split(';messageid=')[1];
  const rootId = suffix || (activityId && !activityId.includes(';messageid=') ? activityId : undefined);
  if (!rootId) throw new Error('Creating the channel thread returned no id for the root post.');
  return {
    conversationId: conversationId?.includes(';messageid=') ? conversationId : `${channelId};messageid=${rootId}`,
    activityId: rootId,
  };
}
