import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from './config';
import { ReusingBotFrameworkAuthentication } from './messaging/connectorClients';
import type { Logger } from './logger';
import { isLoopbackUrl } from './loopback';
import { CORRELATION_ID } from './correlation';

/**
 * CloudAdapter.process validates each request with zod before it runs the turn — the restify response object and the
 * activity included, building new schemas on every call — which cost a quarter of a "what's next" turn. The edge
 * (server.ts) has already checked the activity by then, so the server hands it straight to processActivity, the
 * step process() itself ends in: authentication, the connector client, the turn, and the invoke or expectReplies
 * response.
 */
export class SyncGuideAdapter extends CloudAdapter {
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, withTimestampsAsDates(activity), logic);
  }
}

/** What process() does to a raw activity (botbuilder's validateAndFixActivity): timestamps become Dates, the text kept aside. */
function withTimestampsAsDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

export function createAdapter(config: Config): SyncGuideAdapter {
  const auth = new ReusingBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.appId,
      MicrosoftAppPassword: config.appPassword,
      MicrosoftAppType: config.localMode ? '' : config.appType,
      MicrosoftAppTenantId: config.appTenantId,
    },
    // The edge refuses activities that name another machine; this also covers sends to service URLs stored
    // earlier (card copies, reminder targets), which never pass the edge again.
    config.localMode ? { serviceUrlAllowed: isLoopbackUrl } : {},
  );
  return new SyncGuideAdapter(auth);
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
