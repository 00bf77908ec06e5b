import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import * as understand from '../src/understanding/understand';

describe('createApp', () => {
  /** Starts an app, lets the turn after listen() run, stops it; whether it trained the understanding model then. */
  async function trainsOnListen(trainUnderstandingAtStart?: boolean): Promise<boolean> {
    const train = jest.spyOn(understand, 'sharedUnderstanding');
    const app = createApp(
      loadConfig({ STORAGE: 'memory', PORT: '0', REMINDER_CHECK_SECONDS: '0' }),
      silentLogger,
      trainUnderstandingAtStart === undefined ? {} : { trainUnderstandingAtStart },
    );
    try {
      await app.listen();
      await new Promise((resolve) => setImmediate(resolve));
      return train.mock.calls.length > 0;
    } finally {
      train.mockRestore();
      await app.close();
    }
  }

  it('trains the understanding model as soon as it listens, so the first typed sentence does not wait for it', async () => {
    expect(await trainsOnListen()).toBe(true);
  });

  it('leaves the training to the first sentence that needs it when told to', async () => {
    expect(await trainsOnListen(false)).toBe(false);
  });
});
