/**
 * Shared bootstrap of the HTTP tests that need a plan before they start: a plan started the way the
 * questionnaire starts it (inside a turn), where the plan document is stored, and sender settings that keep
 * the tests fast.
 */
import { BotAdapter, TurnContext, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { App } from '../../src/app';
import type { DecisionSummary } from '../../src/domain/decision';
import type { PlanSelection } from '../../src/domain/plan';
import { activity, BOT, TENANT_ID, type ActivityOptions } from './botHarness';

/** A turn context that only carries the activity: startPlan posts through the app's own adapter, after the turn. */
export class InertAdapter extends BotAdapter {
  async sendActivities(): Promise<ResourceResponse[]> {
    return [];
  }
  async updateActivity(): Promise<void> {}
  async deleteActivity(): Promise<void> {}
  async continueConversation(
    _reference: Partial<ConversationReference>,
    _logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {}
}

/** The turn of a "start" message in the conversation `options` describe (delivered normally, not as expectReplies). */
export function startTurn(options: ActivityOptions, adapter: BotAdapter = new InertAdapter()): TurnContext {
  return new TurnContext(adapter, activity('message', { ...options, deliveryMode: 'normal' }, { text: 'start' }));
}

/** Creates the conversation's plan as the questionnaire does; its cards are posted after this resolves (see planFeature.idle). */
export function startPlanIn(
  app: App,
  options: ActivityOptions,
  selection: PlanSelection,
  decision: DecisionSummary,
  replace = false,
) {
  return app.planFeature.startPlan(startTurn(options), selection, decision, { replace });
}

/** Retries after a few milliseconds, and room for a plan's whole burst of posts, so tests do not wait on pacing. */
export const FAST_SENDER = {
  retry: { baseDelayMs: 5, maxDelayMs: 20 },
  limits: { conversation: [{ limit: 100, windowMs: 1_000 }], marginMs: 0 },
};

/** The entity Teams adds when a channel message @mentions the bot. */
export const MENTION_BOT = { type: 'mention', text: '<at>Sync Guide</at>', mentioned: { id: BOT.id, name: BOT.name } };

/** The storage key of a conversation's plan document (a channel thread id counts as its channel). */
export function planKey(conversationId: string, tenantId = TENANT_ID): string {
  return `plans/${tenantId}/${encodeURIComponent(conversationId.split(';messageid=')[0])}`;
}
