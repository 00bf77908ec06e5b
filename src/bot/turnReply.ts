/**
 * Answers in the current turn for features that reply with cards. With expectReplies the answer is only
 * buffered into the HTTP response; otherwise it goes through the OutgoingSender, so it is paced with the
 * plan's other traffic to the conversation (the same rule planFeature follows).
 */
import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import type { OutgoingSender } from '../messaging/sender';
import { planLocation } from './planFeature';
import type { Logger } from '../logger';

export type TurnReply = (context: TurnContext, card: AdaptiveCardJson | Partial<Activity>) => Promise<void>;

export function turnReply(sender: OutgoingSender, logger: Pick<Logger, 'warn'>): TurnReply {
  return async (context, content) => {
    const activity = isCard(content) ? MessageFactory.attachment(CardFactory.adaptiveCard(content)) : content;
    if (context.activity.deliveryMode === 'expectReplies') {
      await context.sendActivity(activity);
      return;
    }
    const location = planLocation(context);
    const outcome = await sender.enqueue({ conversationId: location.conversationId, tenantId: location.tenantId, run: async () => (await context.sendActivity(activity))?.id });
    if (!outcome.ok) logger.warn({ reason: outcome.reason }, 'could not send a reply');
  };
}

function isCard(content: AdaptiveCardJson | Partial<Activity>): content is AdaptiveCardJson {
  return (content as { type?: unknown }).type === 'AdaptiveCard';
}
