/**
 * What a bot loads only when a turn needs it: the questionnaire's dialog library and Microsoft's text recognizers
 * take over half a second of CPU to load, which a process that only serves card clicks (or starts often) should not pay.
 */
import type * as Harness from '../helpers/botHarness';

const WATCHED = ['botbuilder-dialogs', '@microsoft/recognizers-text-suite'] as const;

describe('loading on first need', () => {
  const loaded = new Set<string>();
  let harness: Harness.Harness;
  let helpers: typeof Harness;

  beforeAll(async () => {
    jest.isolateModules(() => {
      for (const name of WATCHED)
        jest.doMock(name, () => {
          loaded.add(name);
          return jest.requireActual(name);
        });
      helpers = require('../helpers/botHarness') as typeof Harness;
    });
    harness = await helpers.startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('a bot that has started and answered a card click and a plan command has loaded neither the dialogs nor the recognizers', async () => {
    const answer = await harness.invoke('task.done', { planId: 'no-such-plan', taskId: 'x', revision: 1 });
    expect(answer.status).toBe(200);
    expect(helpers.cardsOf(await harness.say('status')).length).toBeGreaterThan(0);
    expect([...loaded]).toEqual([]);
  });

  it('the first questionnaire loads the dialogs', async () => {
    const replies = await harness.say('start');
    expect(helpers.cardsOf(replies).length).toBeGreaterThan(0);
    expect(loaded.has('botbuilder-dialogs')).toBe(true);
  });
});
