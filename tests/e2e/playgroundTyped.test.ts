/**
 * End to end, the questionnaire answered by typing in the Agents Playground driven by headless Chromium: the
 * recommendation for a few kinds of tenant, as an admin who prefers the keyboard gets it. Nothing leaves loopback.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerByTyping, usePlaygroundSession } from '../helpers/playgroundSession';
import { typedAnswers } from '../helpers/typedAnswers';

jest.setTimeout(180_000);

describe('Agents Playground: recommendations answered by typing', () => {
  const session = usePlaygroundSession('sync-guide-e2e-typed-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });
  // Each recommendation needs only its own questions on screen.
  beforeEach(() => ui.clearView());

  it.each([
    [
      'a single forest that needs pass-through authentication',
      typedAnswers([[/sign in/i, 'pta']]),
      /^Recommendation\s+Microsoft Entra Connect Sync\b[\s\S]*custom install/,
    ],
    ['two disconnected forests', typedAnswers([[/forests/i, '3']]), /^Recommendation\s+Microsoft Entra Cloud Sync\n/],
    [
      'a forest needing hybrid join plus a disconnected acquired forest',
      typedAnswers([
        [/forests/i, '3'],
        [/devices/i, 'hybrid join'],
      ]),
      /^Recommendation\s+Microsoft Entra Cloud Sync and Microsoft Entra Connect Sync side by side/,
    ],
  ])('recommends the right tool for %s', (name, answers, expected) =>
    step(`typed-${name.split(' ').slice(0, 3).join('-')}`, async () => {
      await ui.send('start');
      const recommendation = await answerByTyping(ui, answers, 14);
      expect(await recommendation.innerText()).toMatch(expected);
    }),
  );
});
