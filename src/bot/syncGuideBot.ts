import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type BotState,
  type FileConsentCardResponse,
  type InvokeResponse,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import type { Logger } from '../logger';
import { CORRELATION_ID } from '../correlation';
import { parseCommand, type Command } from '../domain/commands';
import { cardResponse } from './invokeResponses';
import { errorCard } from '../cards/errorCard';
import { entraObjectIdOf, UNIDENTIFIED_MESSAGE, UNIDENTIFIED_TITLE } from './identity';
import type { ActionData, CommandHandler, Feature, VerbHandler } from './routing';
import type { TurnReply } from './turn';

export interface SyncGuideBotDeps {
  readonly features: readonly Feature[];
  readonly logger: Logger;
  /** Saved after every turn (dialog state lives here). */
  readonly states: readonly BotState[];
  /** Called for install events (all scopes, installationUpdate and the bot's own membersAdded) and removal. */
  readonly onInstalled: (context: TurnContext) => Promise<void>;
  readonly onUninstalled: (context: TurnContext) => Promise<void>;
  /** The app's one way to answer in the current turn (turn.ts). */
  readonly reply: TurnReply;
}

/**
 * Translates Teams activities into feature calls. It decides nothing about sync tools or plans:
 * it strips mentions, picks the handler, and turns failures into friendly answers.
 */
export class SyncGuideBot extends TeamsActivityHandler {
  private readonly verbs = new Map<string, VerbHandler>();
  private readonly commands = new Map<Command['name'], CommandHandler>();

  constructor(private readonly deps: SyncGuideBotDeps) {
    super();
    for (const feature of deps.features) {
      for (const [verb, handler] of Object.entries(feature.verbs ?? {})) {
        // A second handler would silently take the first one's buttons; two families claiming a verb is a wiring bug.
        if (this.verbs.has(verb))
          throw new Error(`Two features handle the card verb "${verb}"; each verb belongs to exactly one.`);
        this.verbs.set(verb, handler);
      }
      for (const [name, handler] of Object.entries(feature.commands ?? {})) {
        if (handler) this.commands.set(name as Command['name'], handler as CommandHandler);
      }
    }

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await deps.onInstalled(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await deps.onUninstalled(context);
      await next();
    });
    // Teams also announces an install as the bot joining the conversation (and removal as it leaving);
    // other members joining or leaving are not ours to react to.
    this.onMembersAdded(async (context, next) => {
      if (isBotAmong(context, context.activity.membersAdded)) await deps.onInstalled(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (isBotAmong(context, context.activity.membersRemoved)) await deps.onUninstalled(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    for (const state of this.deps.states) await state.saveChanges(context, false);
  }

  /** Text a person typed, without the bot's own @mention (Teams puts `<at>Sync Guide</at>` in channel messages). */
  static textOf(context: TurnContext): string {
    const activity = context.activity;
    if (typeof activity.text !== 'string') return '';
    // A card submit in a channel carries entities but no text; the SDK's mention removal assumes text.
    const stripped = activity.entities?.length ? TurnContext.removeRecipientMention(activity) : activity.text;
    return (stripped ?? activity.text ?? '').trim();
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    if (!entraObjectIdOf(context)) {
      this.deps.logger.info({ activityType: 'message' }, 'refused a message without from.aadObjectId');
      await this.deps.reply(context, errorCard(UNIDENTIFIED_MESSAGE, UNIDENTIFIED_TITLE));
      return;
    }
    const submitted = context.activity.value as { verb?: unknown } | undefined;
    if (submitted && typeof submitted.verb === 'string' && this.verbs.has(submitted.verb)) {
      await this.handleSubmittedVerb(context, submitted.verb, submitted);
      return;
    }
    const text = SyncGuideBot.textOf(context);
    for (const feature of this.deps.features) {
      if (feature.intercept && (await feature.intercept(context, text))) return;
    }
    await this.runCommand(context, parseCommand(text));
  }

  /** Runs a command's handler, as if it had been typed (the understanding feature hands over what it read in free text). */
  async runCommand(context: TurnContext, command: Command): Promise<void> {
    const handler = this.commands.get(command.name) ?? this.commands.get('unknown');
    if (handler) await handler(context, command);
  }

  /** Every invoke acts for someone (a card click, a file offer answered), so none runs without an Entra identity. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (entraObjectIdOf(context)) return super.onInvokeActivity(context);
    this.deps.logger.info(
      { name: typeof context.activity.name === 'string' ? context.activity.name.slice(0, 64) : undefined },
      'refused an invoke without from.aadObjectId',
    );
    if (context.activity.name === 'adaptiveCard/action')
      return { status: 200, body: cardResponse(errorCard(UNIDENTIFIED_MESSAGE, UNIDENTIFIED_TITLE)) };
    return { status: 403, body: { error: 'Forbidden', message: UNIDENTIFIED_MESSAGE } };
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue?.action?.verb;
    const handler = typeof verb === 'string' ? this.verbs.get(verb) : undefined;
    if (!handler) {
      this.deps.logger.warn({ verb: typeof verb === 'string' ? verb.slice(0, 64) : typeof verb }, 'unknown card verb');
      return cardResponse(
        errorCard(
          'This button is not something I recognise. It may come from an older version of the app; say "status" for a fresh card.',
        ),
      );
    }
    const data = isPlainObject(invokeValue.action.data) ? invokeValue.action.data : {};
    try {
      return await handler(context, data);
    } catch (error) {
      const correlationId = context.turnState.get<string | undefined>(CORRELATION_ID);
      this.deps.logger.error({ err: error, verb, correlationId }, 'card action failed');
      return cardResponse(
        errorCard(
          'Something went wrong while saving that change, and nothing was changed. Please press the button again in a moment.',
        ),
      );
    }
  }

  /**
   * A file offer accepted or declined. Teams expects an empty 200 (the SDK sends it after this returns, and the
   * feature returns at once); a failure is logged and the invoke still answers, because nothing useful can be said.
   */
  protected override async handleTeamsFileConsent(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    const handler = this.deps.features.find((feature) => feature.fileConsent)?.fileConsent;
    if (!handler) return;
    try {
      await handler(context, isPlainObject(response) ? response : {});
    } catch (error) {
      this.deps.logger.error(
        { err: error, correlationId: context.turnState.get<string | undefined>(CORRELATION_ID) },
        'file consent failed',
      );
    }
  }

  /**
   * Older clients send `Action.Submit` (the fallback of our `Action.Execute` buttons) as a message.
   * There is no invoke response to carry the new card, so the clicked card is replaced in place.
   */
  private async handleSubmittedVerb(context: TurnContext, verb: string, data: ActionData): Promise<void> {
    const response = await this.onAdaptiveCardInvoke(context, {
      action: { type: 'Action.Execute', id: '', verb, data },
      authentication: undefined as never,
      state: '',
    });
    const replyToId = context.activity.replyToId;
    if (response.type === 'application/vnd.microsoft.card.adaptive') {
      if (replyToId)
        await context.updateActivity({
          ...MessageFactory.attachment(CardFactory.adaptiveCard(response.value)),
          id: replyToId,
        });
      else await this.deps.reply(context, response.value);
    } else {
      // A message response carries its text in `value` (see messageResponse), which the SDK types as a record.
      const text: unknown = response.value;
      await this.deps.reply(context, String(text));
    }
  }
}

function isBotAmong(context: TurnContext, members: ReadonlyArray<{ id?: string }> | undefined): boolean {
  const botId = context.activity.recipient?.id;
  return Boolean(botId) && Array.isArray(members) && members.some((member) => member?.id === botId);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
