import { CloudAdapter, type ConfigurationBotFrameworkAuthenticationOptions, type TurnContext } from 'botbuilder';
import type { Config } from './config';
import { ReusingBotFrameworkAuthentication } from './messaging/connectorClients';
import type { Logger } from './logger';
import { CORRELATION_ID } from './server';

export function createAdapter(config: Config): CloudAdapter {
  const auth = new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.localMode ? '' : config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  return new CloudAdapter(auth);
}

/**
 * What the person sees when a turn fails: one sentence with a reference they can quote,
 * never a stack trace. `resetConversation` clears dialog state so the next message does not
 * walk straight back into the same failure.
 */
export function installTurnErrorHandler(
  adapter: CloudAdapter,
  logger: Logger,
  resetConversation: (context: TurnContext) => Promise<void>,
): void {
  adapter.onTurnError = async (context, error) => {
    const correlationId = context.turnState.get(CORRELATION_ID) ?? 'n/a';
    logger.error({ err: error, correlationId, activityType: context.activity.type }, 'turn failed');
    try {
      await resetConversation(context);
    } catch (resetError) {
      logger.error({ err: resetError, correlationId }, 'could not clear dialog state after a failed turn');
    }
    if (context.activity.type === 'invoke') return; // invoke handlers answer their own errors with a card
    try {
      await context.sendActivity(
        `Sorry, something went wrong on my side (reference ${correlationId}). Please try again; if it keeps happening, say "help" or "start over".`,
      );
    } catch (sendError) {
      logger.error({ err: sendError, correlationId }, 'could not tell the user about the failed turn');
    }
  };
}
