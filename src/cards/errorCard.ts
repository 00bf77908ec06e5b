import { renderCard, type AdaptiveCardJson } from './render';

/** The one card for "that did not work": what went wrong and what to do next, never a stack trace. */
export function errorCard(message: string, title = 'That did not work'): AdaptiveCardJson {
  return renderCard('error', { title, message });
}
