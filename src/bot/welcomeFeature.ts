import { escapeMarkdown, renderCard, type AdaptiveCardJson } from '../cards/render';
import { COMMAND_HELP } from '../domain/commands';
import type { Feature } from './routing';
import type { TurnReply } from './turn';

const SCOPE_HINTS: Record<string, string> = {
  personal: 'Say **start** to begin, or **help** to see everything I can do.',
  channel:
    'Mention me to begin: **@Sync Guide start**. The plan is posted here as one thread, and anyone in the channel can update it.',
  groupChat: 'Mention me to begin: **@Sync Guide start**. Everyone in this chat can update the plan.',
};

export function welcomeCard(conversationType: string | undefined): AdaptiveCardJson {
  return renderCard('welcome', { scopeHint: SCOPE_HINTS[conversationType ?? 'personal'] ?? SCOPE_HINTS.personal });
}

/** `closestFirst`: usages (or their beginnings) to list first, most likely first, e.g. what a message came closest to. */
export function helpCard(
  conversationType: string | undefined,
  intro?: string,
  closestFirst: readonly string[] = [],
): AdaptiveCardJson {
  const inChannel = conversationType === 'channel' || conversationType === 'groupChat';
  const rank = (usage: string) => {
    const at = closestFirst.findIndex((prefix) => usage.startsWith(prefix));
    return at === -1 ? closestFirst.length : at;
  };
  const commands = COMMAND_HELP.filter((c) => !inChannel || c.inChannels)
    .map((command, order) => ({ command, order }))
    .sort((a, b) => rank(a.command.usage) - rank(b.command.usage) || a.order - b.order)
    .map(({ command }) => command);
  return renderCard('help', {
    title: 'What I can do',
    intro: intro ?? 'I guide your team from on-premises Active Directory to users syncing into Microsoft Entra ID.',
    commands,
    footer: inChannel ? 'In a channel, start each command with @Sync Guide.' : 'Commands are not case-sensitive.',
  });
}

/** Help for `help`. Text that is no exact command goes to the understanding feature, which ends here when nothing fits. */
export function createWelcomeFeature(reply: TurnReply): Feature {
  return {
    commands: {
      help: async (context) => {
        await reply(context, helpCard(context.activity.conversation?.conversationType));
      },
    },
  };
}

/** Help for a message nothing fitted: what was said (escaped, cut short), then the commands, the closest first. */
export function didNotCatchCard(
  conversationType: string | undefined,
  text: string,
  closestFirst: readonly string[] = [],
): AdaptiveCardJson {
  const said = text ? `I didn't catch "${escapeMarkdown(text.slice(0, 60))}".` : 'I only understand a few commands.';
  return helpCard(
    conversationType,
    `${said} Here is what I can do${closestFirst.length > 0 ? ', the closest first' : ''}:`,
    closestFirst,
  );
}
