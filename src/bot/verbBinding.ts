/**
 * Binds a verb family's handlers (in actions/) to card invokes: each handler gets what it needs of the Teams turn
 * as plain data, and its card becomes the invoke answer that replaces the clicked card.
 */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { cardResponse } from './invokeResponses';
import type { ActionData, VerbHandler } from './routing';

export type FamilyHandler<Turn> = (turn: Turn, data: ActionData) => Promise<AdaptiveCardJson>;

export function bindVerbs<Turn>(
  handlers: Readonly<Record<string, FamilyHandler<Turn>>>,
  turnOf: (context: TurnContext) => Turn,
): Record<string, VerbHandler> {
  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(handlers))
    verbs[verb] = async (context, data) => cardResponse(await handle(turnOf(context), data));
  return verbs;
}
