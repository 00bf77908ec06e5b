/**
 * The "share to a channel" picker: one row per channel with its own button, so the list is not bound by the
 * five actions a card's action bar may hold. Team and channel names are people's text and are escaped.
 */
import { escapeMarkdown, renderCard, type AdaptiveCardJson } from './render';

export interface ShareChoice {
  readonly teamName: string;
  readonly channelName: string;
  /** The button's data: ids only; the server checks them again when it comes back. */
  readonly data: Readonly<Record<string, string>>;
}

export function shareCard(verb: string, choices: readonly ShareChoice[]): AdaptiveCardJson {
  return renderCard('share', {
    title: 'Share your plan to a channel',
    message:
      'Pick a channel. The plan is posted there as one thread, and from then on this chat and the channel work on the same plan: a change in either updates both.',
    choices: choices.map((choice) => ({
      team: escapeMarkdown(choice.teamName.slice(0, 80)),
      channel: escapeMarkdown(choice.channelName.slice(0, 80)),
      verb,
      data: choice.data,
      submitData: { ...choice.data, verb },
    })),
  });
}
