/**
 * End to end, new tenants whose needs call for Connect Sync, in the Agents Playground driven by headless Chromium and
 * answered by typing: Microsoft 365 groups written back on-premises for Exchange hybrid, and one forest with a child
 * domain the server cannot reach, which needs the custom install. The second conversation starts over on the first
 * one's recommendation, which nobody accepted. Nothing leaves loopback.
 */
import type { PlaygroundPage } from '../helpers/playgroundPage';
import { answerByTyping, usePlaygroundSession } from '../helpers/playgroundSession';
import { typedAnswers as typed } from '../helpers/typedAnswers';

jest.setTimeout(180_000);

describe('Agents Playground: new tenants that need Connect Sync', () => {
  const session = usePlaygroundSession('sync-guide-e2e-connect-');
  const { step } = session;
  let ui: PlaygroundPage;
  beforeAll(() => {
    ui = session.ui;
  });

  it('Exchange hybrid with Microsoft 365 groups written back on-premises: Connect Sync', () =>
    step('m365-group-writeback', async () => {
      await ui.send('start');
      const recommendation = await answerByTyping(ui, typed([[/also need/i, 'exchange, m365 groups']]), 16);
      const text = await recommendation.innerText();
      expect(text).toMatch(/^Recommendation\s+Microsoft Entra Connect Sync\b/);
      expect(text).toMatch(/Writing Microsoft 365 groups back to AD/);
    }));

  it('one forest with a child domain the server cannot reach: the custom install', () =>
    step('unreachable-child-domain', async () => {
      await ui.clearView();
      await ui.send('start over');
      await ui.send('yes');
      const recommendation = await answerByTyping(
        ui,
        typed([
          [/devices/i, 'hybrid join'],
          [/reach every domain/i, 'child domain'],
        ]),
        16,
      );
      const text = await recommendation.innerText();
      expect(text).toMatch(/Connect Sync: custom install/);
      expect(text).toMatch(/out of the Connect server's reach/);
    }));
});
