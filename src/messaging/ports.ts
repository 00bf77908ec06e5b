/**
 * What the plan's outgoing work needs from Teams, as interfaces: the actions program against these and
 * connectorPort.ts implements them over the Bot Connector, so tests can hand in fakes.
 */
import type { AdaptiveCardJson } from '../cards/render';

/** Where a card can be sent: a conversation (or channel thread) behind a Bot Connector service URL. */
export interface CardTarget {
  readonly conversationId: string;
  readonly serviceUrl: string;
}

/**
 * The only part that talks to Teams; messaging/connectorPort.ts implements it with continueConversationAsync.
 * `signal` is the sender's per-attempt signal: a call it has given up on must really stop, or a late answer
 * could still land after the retry (an update out of order, or a second card).
 */
export interface CardPort {
  update(target: CardTarget & { activityId: string }, card: AdaptiveCardJson, signal?: AbortSignal): Promise<void>;
  /** Resolves with the new activity id (undefined when the channel returned none). */
  post(target: CardTarget, card: AdaptiveCardJson, signal?: AbortSignal): Promise<string | undefined>;
}

/** A new channel thread: the conversation id of the thread and the id of its root post. */
export interface CreatedThread {
  readonly conversationId: string;
  readonly activityId: string;
}

/** What posting needs from Teams on top of updating and posting cards. */
export interface PostingPort extends CardPort {
  /** Starts a new thread in a team channel with `card` as its root post. */
  createThread(
    target: { serviceUrl: string; channelId: string },
    card: AdaptiveCardJson,
    signal?: AbortSignal,
  ): Promise<CreatedThread>;
  postText(target: CardTarget, text: string, signal?: AbortSignal): Promise<string | undefined>;
}
