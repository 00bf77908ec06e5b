/**
 * Owners and due dates in Teams. The family (its verbs, data, who may own a task, the change and the cards) is
 * src/actions/coordinationActions.ts; this file only says what the turn is: the plan's conversation, who acts and
 * by which ids, the message's mention entities, and the Teams lookups (membership, the picker's people, where the
 * plan lives) as ports over this turn.
 */
import type { TurnContext } from 'botbuilder';
import {
  coordinationVerbHandlers,
  runCoordinationCommand,
  type CoordinationCommand,
  type CoordinationDeps,
  type CoordinationTurn,
} from '../actions/coordinationActions';
import type { ConversationRegistry } from '../store/conversationRegistry';
import { lookupMember, someMembers } from './membership';
import { placeOf } from './planPlace';
import type { CommandHandler, Feature } from './routing';
import { actorOf, planLocation, type TurnReply } from './turn';
import { bindVerbs } from './verbBinding';

export interface CoordinationFeatureDeps extends CoordinationDeps {
  readonly registry: Pick<ConversationRegistry, 'get'>;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

export function createCoordinationFeature(deps: CoordinationFeatureDeps): Feature {
  const turnOf = (context: TurnContext): CoordinationTurn => {
    const activity = context.activity;
    const actor = actorOf(context);
    return {
      location: planLocation(context),
      actor,
      conversationType: activity.conversation?.conversationType,
      selfIds: [actor.id, activity.from?.id, activity.from?.aadObjectId].filter(
        (id): id is string => typeof id === 'string',
      ),
      botId: activity.recipient?.id,
      mentioned: (activity.entities ?? [])
        .filter((entity) => entity?.type === 'mention')
        .map((entity) => (entity as { mentioned?: unknown }).mentioned),
      lookupMember: (userId) => lookupMember(context, { kind: 'here' }, userId),
      someMembers: () => someMembers(context),
      placeOf: (location) => placeOf({ planStore: deps.planStore, registry: deps.registry }, context, location),
    };
  };

  const command: CommandHandler<CoordinationCommand> = async (context, typed) =>
    deps.reply(context, await runCoordinationCommand(deps, turnOf(context), typed));

  return {
    verbs: bindVerbs(coordinationVerbHandlers(deps), turnOf),
    commands: { assign: command, unassign: command, due: command },
  };
}
