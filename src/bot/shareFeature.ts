/**
 * `share` in personal chat: pick a channel of a team where the app is installed, and the plan moves there
 * (posted as a thread) while the chat keeps a link to it, so from then on there is one plan that both
 * conversations show and change. Teams and channels come from the registry and from Teams; the person must
 * be a member of the team, checked when listing and again when the (untrusted) button comes back.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { confirmCard } from '../cards/questionCards';
import { noPlanCard } from '../cards/planNotices';
import { errorCard } from '../cards/errorCard';
import { shareCard } from '../cards/shareCard';
import { escapeMarkdown } from '../cards/render';
import type { Logger } from '../logger';
import { baseConversationId, type ConversationRegistry, type TeamInstall } from '../store/conversationRegistry';
import type { PlanStore } from '../store/planStore';
import { cardResponse } from './invokeResponses';
import { type PlanFeature } from './planFeature';
import { planLocation, type TurnReply } from './turn';
import type { Feature } from './routing';

export const SHARE_VERB = 'plan.share';

/** Buttons on one card; Teams renders more, but a longer list is no longer a choice. */
const MAX_CHOICES = 12;
const ID = /^[\w:@.;=-]{1,200}$/;

export interface ShareFeatureDeps {
  readonly planStore: PlanStore;
  readonly registry: ConversationRegistry;
  readonly plans: Pick<PlanFeature, 'postPlan'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

interface ChannelChoice {
  readonly team: TeamInstall;
  readonly channelId: string;
  readonly teamName: string;
  readonly channelName: string;
  readonly label: string;
}

export function createShareFeature(deps: ShareFeatureDeps): Feature {
  const { planStore, registry, logger } = deps;

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

  const reply = deps.reply;

  return {
    commands: {
      share: async (context) => {
        if (context.activity.conversation?.conversationType !== 'personal') {
          await reply(
            context,
            errorCard(
              'Sharing starts in your personal chat with me: say "share" there to post your plan to a channel.',
              'Share from personal chat',
            ),
          );
          return;
        }
        const location = planLocation(context);
        const record = await planStore.load(location);
        if (!record) {
          await reply(context, noPlanCard());
          return;
        }
        const owner = await planStore.owner(location);
        if (owner && owner.conversationId !== location.conversationId) {
          await reply(
            context,
            errorCard(
              'This plan is already shared to a channel, and this chat works on the same plan. Say "status" to see it.',
              'Already shared',
            ),
          );
          return;
        }
        const choices = await choicesFor(context, location.tenantId);
        if (choices.length === 0) {
          await reply(
            context,
            errorCard(
              'I am not installed in any team you are a member of. Add Sync Guide to a team first, then say "share" again.',
              'No team to share to',
            ),
          );
          return;
        }
        await reply(
          context,
          shareCard(
            SHARE_VERB,
            choices.map((choice) => ({
              teamName: choice.teamName,
              channelName: choice.channelName,
              data: { planId: record.plan.id, teamId: choice.team.teamId, channelId: choice.channelId },
            })),
          ),
        );
      },
    },
    verbs: {
      [SHARE_VERB]: async (context, data) => {
        const planId = typeof data.planId === 'string' && ID.test(data.planId) ? data.planId : undefined;
        const teamId = typeof data.teamId === 'string' && ID.test(data.teamId) ? data.teamId : undefined;
        const channelId =
          typeof data.channelId === 'string' && ID.test(data.channelId)
            ? baseConversationId(data.channelId)
            : undefined;
        if (!planId || !teamId || !channelId || context.activity.conversation?.conversationType !== 'personal') {
          return cardResponse(
            errorCard('This button does not name a channel I can share to. Say "share" for a fresh list.'),
          );
        }
        const location = planLocation(context);
        const record = await planStore.load(location);
        if (!record || record.plan.id !== planId) {
          return cardResponse(
            errorCard(
              'This list belongs to a plan that is no longer the plan of this chat. Say "share" for a fresh list.',
              'Not this plan',
            ),
          );
        }
        // Everything the button says is checked against the registry and Teams again: it is only a request.
        const choice = (await choicesFor(context, location.tenantId)).find(
          (c) => c.team.teamId === teamId && c.channelId === channelId,
        );
        if (!choice) {
          return cardResponse(
            errorCard(
              'I cannot share to that channel: I am not installed there any more, or you are not a member of its team. Say "share" for a fresh list.',
            ),
          );
        }
        const target = { tenantId: location.tenantId, conversationId: channelId };
        const outcome = await planStore.share(location, target, deps.clock());
        switch (outcome.kind) {
          case 'noPlan':
            return cardResponse(noPlanCard());
          case 'alreadyThere':
            return cardResponse(errorCard('This plan is already the plan of that channel.', 'Already shared'));
          case 'targetHasPlan':
            return cardResponse(
              errorCard(
                `${escapeMarkdown(choice.label)} already has a deployment plan of its own, so nothing was shared. Work on that one there, or pick another channel.`,
                'Channel has a plan',
              ),
            );
          case 'shared': {
            const count = await deps.plans.postPlan(target, planId, {
              kind: 'channel',
              serviceUrl: choice.team.serviceUrl,
              channelId,
              fallbackConversationId: channelId,
            });
            return cardResponse(
              confirmCard({
                title: 'Plan shared',
                message: `Posting ${count} cards as a thread in ${escapeMarkdown(choice.label)}. This chat and the channel now share one plan: a change in either updates both.`,
              }),
            );
          }
        }
      },
    },
  };
}
