import type { AdaptiveCardInvokeResponse, FileConsentCardResponse, TurnContext } from 'botbuilder';
import type { Command } from '../domain/commands';

/**
 * Extension points of the bot. Each feature (welcome and help, the questionnaire, the plan, …) contributes
 * handlers; the bot class only routes, so features never edit each other's code.
 */
export interface Feature {
  /**
   * Sees every message before command routing and returns true when it handled it, e.g. an answer to a
   * question in progress. Runs in feature order.
   */
  readonly intercept?: (context: TurnContext, text: string) => Promise<boolean>;
  readonly commands?: { readonly [N in Command['name']]?: CommandHandler<Extract<Command, { name: N }>> };
  /** `Action.Execute` verbs (and the same verbs arriving as `Action.Submit` from older clients). */
  readonly verbs?: Readonly<Record<string, VerbHandler>>;
  /**
   * The user accepted or declined a file the bot offered (`fileConsent/invoke`); the first feature that has this gets it.
   * Teams waits for the (empty) answer, so this returns at once and leaves uploads and messages to background work.
   */
  readonly fileConsent?: (context: TurnContext, response: FileConsentCardResponse) => Promise<void>;
}

export type CommandHandler<C extends Command = Command> = (context: TurnContext, command: C) => Promise<void>;

/** Input to a card button handler: the `data` of the action minus the verb, untrusted. */
export type ActionData = Readonly<Record<string, unknown>>;

/** A verb handler answers with the card that replaces the clicked one, or a short message. */
export type VerbHandler = (context: TurnContext, data: ActionData) => Promise<AdaptiveCardInvokeResponse>;
