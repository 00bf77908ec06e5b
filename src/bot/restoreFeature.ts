/**
 * `restore` and the restore buttons in Teams: the turn's plan, person, roster check and place, handed to the
 * restore family in actions/restoreActions.ts, which owns the verbs, their data and the answers.
 */
import type { TurnContext } from 'botbuilder';
import {
  restoreLatest,
  restoreVerbHandlers,
  type RestoreActionDeps,
  type RestoreTurn,
} from '../actions/restoreActions';
import type { ConversationRegistry } from '../store/conversationRegistry';
import { cardResponse } from './invokeResponses';
import { checkPlanPermission } from './planPermissions';
import { placeOf } from './planPlace';
import type { Feature, VerbHandler } from './routing';
import { actorOf, planLocation, type TurnReply } from './turn';

export interface RestoreFeatureDeps extends RestoreActionDeps {
  readonly registry: Pick<ConversationRegistry, 'get'>;
  readonly reply: TurnReply;
}

export function createRestoreFeature(deps: RestoreFeatureDeps): Feature {
  const turnOf = (context: TurnContext): RestoreTurn => {
    const location = planLocation(context);
    return {
      location,
      actor: actorOf(context),
      fallback: { conversationId: context.activity.conversation?.id ?? '', serviceUrl: context.activity.serviceUrl },
      mayChange: (plan, change) => checkPlanPermission(context, plan, change),
      place: () => placeOf({ planStore: deps.planStore, registry: deps.registry }, context, location),
    };
  };
  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(restoreVerbHandlers(deps)))
    verbs[verb] = async (context, data) => cardResponse(await handle(turnOf(context), data));
  return {
    commands: {
      restore: async (context) => deps.reply(context, await restoreLatest(deps, turnOf(context))),
    },
    verbs,
  };
}
