import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from '../cards/render';
import { COMMAND_HELP } from './commands';
import type { Feature } from './routing';

const SCOPE_HINTS: Record<string, string> = {
  personal: 'Say **start** to begin, or **help** to see everything I can do.',
  channel: 'Mention me to begin: **@Sync Guide start**. The plan is posted here as one thread, and anyone in the channel can update it.',
  groupChat: 'Mention me to begin: **@Sync Guide start**. Everyone in this chat can update the plan.',
};

export function welcomeCard(conversationType: string | undefined): AdaptiveCardJson {
  return renderCard('welcome', { scopeHint: SCOPE_HINTS[conversationType ?? 'personal'] ?? SCOPE_HINTS.personal });
}

export function helpCard(conversationType: string | undefined, intro?: string): AdaptiveCardJson {
  const inChannel = conversationType === 'channel' || conversationType === 'groupChat';
  return renderCard('help', {
    title: 'What I can do',
    intro: intro ?? 'I guide your team from on-premises Active Directory to users syncing into Microsoft Entra ID.',
    commands: COMMAND_HELP.filter((c) => !inChannel || c.inChannels),
    footer: inChannel ? 'In a channel, start each command with @Sync Guide.' : 'Commands are not case-sensitive.',
  });
}

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return response?.id;
}

/** Help for `help`, and for text we do not understand (never silence). */
export const welcomeFeature: Feature = {
  commands: {
    help: async (context) => {
      await sendCard(context, helpCard(context.activity.conversation?.conversationType));
    },
    unknown: async (context, command) => {
      const said = command.text ? `I didn't catch "${escapeMarkdown(command.text.slice(0, 60))}".` : 'I only understand a few commands.';
      await sendCard(context, helpCard(context.activity.conversation?.conversationType, `${said} Here is what I can do:`));
    },
  },
};
