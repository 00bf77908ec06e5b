import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

/**
 * Teams shows "Unable to reach app" for anything but HTTP 200 with a non-empty body, and retries
 * empty answers (running side effects twice), so every outcome, errors included, is one of these.
 */
export function cardResponse(card: AdaptiveCardJson): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}
