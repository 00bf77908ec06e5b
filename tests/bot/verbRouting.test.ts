/**
 * Each card verb belongs to exactly one feature: the bot refuses to start when two claim the same one, instead of
 * letting the later handler silently take the earlier one's buttons.
 */
import { SyncGuideBot } from '../../src/bot/syncGuideBot';
import type { Feature } from '../../src/bot/routing';
import { silentLogger } from '../../src/logger';

const answer = async () =>
  ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' }) as never;

function botWith(features: Feature[]): SyncGuideBot {
  return new SyncGuideBot({
    features,
    logger: silentLogger,
    states: [],
    onInstalled: async () => {},
    onUninstalled: async () => {},
    reply: async () => {},
  });
}

describe('verb routing', () => {
  it('throws at start when two features handle the same verb, naming it', () => {
    expect(() =>
      botWith([
        { verbs: { 'task.done': answer } },
        { verbs: { 'plan.next': answer } },
        { verbs: { 'task.done': answer } },
      ]),
    ).toThrow('Two features handle the card verb "task.done"');
  });

  it('starts when every verb has one handler', () => {
    expect(botWith([{ verbs: { 'task.done': answer } }, { verbs: { 'plan.next': answer } }])).toBeInstanceOf(
      SyncGuideBot,
    );
  });
});
