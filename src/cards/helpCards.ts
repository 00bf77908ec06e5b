/**
 * The welcome card and the help card (with its "I didn't catch that" variant). The commands they list come from the
 * one command table, domain/commands.ts; what differs between a personal chat and a shared one is decided here.
 */
import { COMMAND_HELP, type Command } from '../domain/commands';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

const SCOPE_HINTS: Record<string, string> = {
  personal: 'Say **start** to begin, or **help** to see everything I can do.',
  channel:
    'Mention me to begin: **@Sync Guide start**. The plan is posted here as one thread, and anyone in the channel can update it.',
  groupChat: 'Mention me to begin: **@Sync Guide start**. Everyone in this chat can update the plan.',
};

/** Team channels and group chats: commands start with the mention, and personal-only commands are left out. */
function isShared(conversationType: string | undefined): boolean {
  return conversationType === 'channel' || conversationType === 'groupChat';
}

export function welcomeCard(conversationType: string | undefined): AdaptiveCardJson {
  return renderCard('welcome', { scopeHint: SCOPE_HINTS[conversationType ?? 'personal'] ?? SCOPE_HINTS.personal });
}

/** `closestFirst`: commands to list first, most likely first, e.g. what a message came closest to. */
export function helpCard(
  conversationType: string | undefined,
  intro?: string,
  closestFirst: readonly Command['name'][] = [],
): AdaptiveCardJson {
  const inChannel = isShared(conversationType);
  const rank = (name: Command['name']) => {
    const at = closestFirst.indexOf(name);
    return at === -1 ? closestFirst.length : at;
  };
  const commands = COMMAND_HELP.filter((c) => !inChannel || c.inChannels)
    .map((command, order) => ({ command, order }))
    .sort((a, b) => rank(a.command.name) - rank(b.command.name) || a.order - b.order)
    .map(({ command }) => ({ usage: command.usage, description: command.description }));
  return renderCard('help', {
    title: 'What I can do',
    intro: intro ?? 'I guide your team from on-premises Active Directory to users syncing into Microsoft Entra ID.',
    commands,
    footer: inChannel ? 'In a channel, start each command with @Sync Guide.' : 'Commands are not case-sensitive.',
  });
}

/** Help for a message nothing fitted: what was said (escaped, cut short), then the commands, the closest first. */
export function didNotCatchCard(
  conversationType: string | undefined,
  text: string,
  closestFirst: readonly Command['name'][] = [],
): AdaptiveCardJson {
  const said = text ? `I didn't catch "${escapeMarkdown(text.slice(0, 60))}".` : 'I only understand a few commands.';
  return helpCard(
    conversationType,
    `${said} Here is what I can do${closestFirst.length > 0 ? ', the closest first' : ''}:`,
    closestFirst,
  );
}
