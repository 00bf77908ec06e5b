/**
 * Install and removal events in Teams terms → the conversation registry. Teams announces one install with
 * installationUpdate and conversationUpdate (membersAdded with the bot) at nearly the same time; the
 * registry's eTag-safe welcome claim makes exactly one of them send the short welcome, into the
 * conversation of the event (in a team: the channel picked at install, never every member).
 */
import { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { ConversationRegistry } from '../store/conversationRegistry';
import type { TurnReply } from './turn';
import { welcomeCard } from '../cards/helpCards';

export interface InstallHandlers {
  readonly onInstalled: (context: TurnContext) => Promise<void>;
  readonly onUninstalled: (context: TurnContext) => Promise<void>;
}

interface TeamsChannelData {
  tenant?: { id?: unknown };
  team?: { id?: unknown; name?: unknown };
  channel?: { id?: unknown; name?: unknown };
}

const text = (value: unknown, max = 200): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value.slice(0, max) : undefined;

export function createInstallHandlers(deps: {
  registry: ConversationRegistry;
  clock: () => Date;
  logger: Logger;
  reply: TurnReply;
}): InstallHandlers {
  return {
    onInstalled: async (context) => {
      const activity = context.activity;
      const channelData = (activity.channelData ?? {}) as TeamsChannelData;
      const teamId = text(channelData.team?.id);
      const conversationType = activity.conversation?.conversationType ?? (teamId ? 'channel' : 'personal');
      const { welcome } = await deps.registry.install(
        {
          reference: TurnContext.getConversationReference(activity),
          conversationType,
          tenantId: (text(channelData.tenant?.id) ?? activity.conversation?.tenantId)?.toLowerCase(),
          teamId,
          teamName: text(channelData.team?.name),
          channelName: text(channelData.channel?.name),
        },
        deps.clock(),
      );
      if (welcome) await deps.reply(context, welcomeCard(conversationType));
      else deps.logger.debug({ conversationType }, 'install event for a conversation already welcomed');
    },
    onUninstalled: async (context) => {
      await deps.registry.markInactive(context.activity.conversation.id, deps.clock());
    },
  };
}
