/**
 * `share` in Teams: the turn's plan and whether it is a personal chat, and the channels the person may pick, read
 * from the registry and Teams (the person must be a member of the team). The share family in
 * actions/shareActions.ts owns the verb, its data, the move and the answers.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import {
  MAX_CHOICES,
  shareCommand,
  shareVerbHandlers,
  type ChannelChoice,
  type ShareActionDeps,
  type ShareTurn,
} from '../actions/shareActions';
import type { Logger } from '../logger';
import type { ConversationRegistry } from '../store/conversationRegistry';
import type { PlanStore } from '../store/planStore';
import { cardResponse } from './invokeResponses';
import { type PlanFeature } from './planFeature';
import type { Feature, VerbHandler } from './routing';
import { planLocation, type TurnReply } from './turn';

export interface ShareFeatureDeps {
  readonly planStore: PlanStore;
  readonly registry: ConversationRegistry;
  readonly plans: Pick<PlanFeature, 'postPlan'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

export function createShareFeature(deps: ShareFeatureDeps): Feature {
  const { registry, logger } = deps;
  const actionDeps: ShareActionDeps = {
    planStore: deps.planStore,
    clock: deps.clock,
    postPlan: (location, planId, destination) => deps.plans.postPlan(location, planId, destination),
  };

  /** Channels of the teams this person belongs to; a team whose channels cannot be listed offers the channel it was installed in. */
  const choicesFor = async (context: TurnContext, tenantId: string): Promise<ChannelChoice[]> => {
    const choices: ChannelChoice[] = [];
    for (const team of await registry.teams(tenantId)) {
      if (!(await isMember(context, team.teamId))) continue;
      const teamName = team.teamName ?? 'A team';
      let channels: Array<{ id: string; name: string }>;
      try {
        const listed = await TeamsInfo.getTeamChannels(context, team.teamId);
        channels = listed
          .filter((c) => typeof c.id === 'string')
          .map((c) => ({ id: c.id!, name: c.name || 'General' }));
      } catch (error) {
        logger.warn({ err: error }, 'could not list the channels of a team; offering the channel it was installed in');
        channels = [];
      }
      if (!channels.some((c) => c.id === team.conversationId))
        channels.push({ id: team.conversationId, name: team.channelName ?? 'General' });
      for (const channel of channels)
        choices.push({
          team,
          channelId: channel.id,
          teamName,
          channelName: channel.name,
          label: `${teamName} › ${channel.name}`,
        });
    }
    return choices.slice(0, MAX_CHOICES);
  };

  const isMember = async (context: TurnContext, teamId: string): Promise<boolean> => {
    try {
      await TeamsInfo.getTeamMember(context, teamId, context.activity.from.id);
      return true;
    } catch (error) {
      // Not a member, or Teams could not tell: either way this person does not get to post there.
      logger.info(
        { statusCode: (error as { statusCode?: number }).statusCode },
        'share: team membership not confirmed',
      );
      return false;
    }
  };

  const turnOf = (context: TurnContext): ShareTurn => {
    const location = planLocation(context);
    return {
      location,
      personal: context.activity.conversation?.conversationType === 'personal',
      choices: () => choicesFor(context, location.tenantId),
    };
  };

  const verbs: Record<string, VerbHandler> = {};
  for (const [verb, handle] of Object.entries(shareVerbHandlers(actionDeps)))
    verbs[verb] = async (context, data) => cardResponse(await handle(turnOf(context), data));

  return {
    commands: {
      share: async (context) => deps.reply(context, await shareCommand(actionDeps, turnOf(context))),
    },
    verbs,
  };
}
