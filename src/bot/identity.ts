/**
 * Who is speaking. The bot records every change under a person and keys "my tasks" by them, so it only acts for
 * a sender it can name by their Microsoft Entra object id (`from.aadObjectId`), which Teams always sends for a
 * signed-in user. `from.id` is not a substitute: it is channel-specific and, off Teams, chosen by the caller.
 */
import type { TurnContext } from 'botbuilder';

/** Entra object ids are GUIDs (36 characters); anything far longer is not one, and must not reach storage. */
const MAX_OBJECT_ID = 100;

export function entraObjectIdOf(context: TurnContext): string | undefined {
  const id: unknown = context.activity.from?.aadObjectId;
  return typeof id === 'string' && id.trim().length > 0 && id.length <= MAX_OBJECT_ID ? id : undefined;
}

export const UNIDENTIFIED_TITLE = 'I could not tell who you are';

export const UNIDENTIFIED_MESSAGE =
  'This message did not say which Microsoft Entra account sent it, and I record every change (and your list of tasks) under the person who made it, so I did nothing. Send it from Microsoft Teams while signed in with your work account.';
