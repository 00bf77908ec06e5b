/**
 * The app's in-turn answer path (bot/turn.ts) for tests that build a feature or dialog without the whole app.
 * Limits are generous so a long questionnaire in one test conversation is never held up by pacing.
 */
import { createTurnReply } from '../../src/bot/turn';
import { silentLogger } from '../../src/logger';
import { OutgoingSender } from '../../src/messaging/sender';

const GENEROUS = [{ limit: 10_000, windowMs: 1_000 }];

export function testTurnReply(): ReturnType<typeof createTurnReply> {
  return createTurnReply(
    new OutgoingSender({ limits: { conversation: GENEROUS, tenant: GENEROUS, marginMs: 0 } }),
    silentLogger,
  );
}
