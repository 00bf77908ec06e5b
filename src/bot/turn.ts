/**
 * The one turn helper: what a Teams turn means to the app (which plan it is about, who acts, where a plan
 * is posted) and the one way to answer in the current turn.
 *
 * The rule for in-turn answers: with `deliveryMode: expectReplies` the answer is only buffered into the HTTP
 * response, so it is sent at once; otherwise it goes through the OutgoingSender, so it is paced together with
 * the plan's other traffic to that conversation and never pushes Teams past its per-conversation limits.
 */
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { Actor } from '../domain/plan';
import type { Destination } from '../actions/planPosting';
import type { CardTarget } from '../messaging/ports';
import type { OutgoingSender } from '../messaging/sender';
import { baseConversationId } from '../store/conversationRegistry';
import type { PlanLocation } from '../store/planStore';
import type { Logger } from '../logger';
import { entraObjectIdOf } from './identity';

/** Display names are cut here, so a long name cannot swell every card and history entry it appears on. */
const MAX_NAME = 100;

/** Tenant and conversation (a channel without its thread suffix): the key of the plan this turn is about. */
export function planLocation(context: TurnContext): PlanLocation {
  const activity = context.activity;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : activity.conversation?.tenantId;
  return {
    tenantId: (tenant ?? 'no-tenant').toLowerCase(),
    conversationId: baseConversationId(activity.conversation?.id ?? ''),
  };
}

/**
 * The person acting, by Entra object id. The bot refuses every message and invoke without one (syncGuideBot.ts),
 * so 'unknown' is only reachable from code that skipped that gate.
 */
export function actorOf(context: TurnContext): Actor {
  const name = context.activity.from?.name;
  return {
    id: entraObjectIdOf(context) ?? 'unknown',
    name: typeof name === 'string' && name.trim() ? name.trim().slice(0, MAX_NAME) : 'Someone',
  };
}

/** Where a conversation's plan is posted: a channel gets a new thread, a chat gets the cards in order. */
export function destinationOf(context: TurnContext): Destination {
  const activity = context.activity;
  const conversationId = activity.conversation?.id ?? '';
  if (activity.conversation?.conversationType === 'channel') {
    return {
      kind: 'channel',
      serviceUrl: activity.serviceUrl,
      channelId: baseConversationId(conversationId),
      fallbackConversationId: conversationId,
    };
  }
  return { kind: 'chat', serviceUrl: activity.serviceUrl, conversationId };
}

/** The conversation of this turn (with its thread suffix), for a card posted after the turn has answered. */
export function targetOf(context: TurnContext): CardTarget {
  return { conversationId: context.activity.conversation.id, serviceUrl: context.activity.serviceUrl };
}

/** A card, a line of text (Teams Markdown) or a prepared activity such as a file offer. */
export type TurnContent = AdaptiveCardJson | string | Partial<Activity>;

/** Answers in the current turn; resolves when the answer has gone out (or failed, which is logged). */
export type TurnReply = (context: TurnContext, content: TurnContent) => Promise<void>;

/** Builds the app's one TurnReply over its one sender. A failed send is logged, never thrown: the turn has nothing better to say. */
export function createTurnReply(sender: Pick<OutgoingSender, 'enqueue'>, logger: Pick<Logger, 'warn'>): TurnReply {
  return async (context, content) => {
    const activity = asActivity(content);
    if (context.activity.deliveryMode === 'expectReplies') {
      await context.sendActivity(activity);
      return;
    }
    const location = planLocation(context);
    const outcome = await sender.enqueue({
      conversationId: location.conversationId,
      tenantId: location.tenantId,
      run: async () => (await context.sendActivity(activity))?.id,
    });
    if (!outcome.ok) logger.warn({ reason: outcome.reason }, 'could not send a reply');
  };
}

function asActivity(content: TurnContent): string | Partial<Activity> {
  if (typeof content === 'string') return content;
  return (content as { type?: unknown }).type === 'AdaptiveCard'
    ? MessageFactory.attachment(CardFactory.adaptiveCard(content))
    : content;
}
