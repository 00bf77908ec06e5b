/**
 * Teams sends a signed-in user's Entra object id with every activity, and the bot acts only for such a person
 * (bot/identity.ts). DialogTestClient's activities name their user by `from.id` alone ('user1'): this middleware
 * gives them the object id Teams would send, so a dialog under test sees the person the way the bot does.
 */
import type { Middleware, TurnContext } from 'botbuilder';

export const SIGNED_IN_USER: Middleware = {
  onTurn: async (context: TurnContext, next: () => Promise<void>) => {
    const from = context.activity.from;
    if (from && !from.aadObjectId) from.aadObjectId = from.id;
    await next();
  },
};
