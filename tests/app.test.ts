import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import * as sentenceReader from '../src/domain/sentenceReader';
import { silentLogger } from '../src/logger';
import * as understand from '../src/understanding/understand';

describe('createApp', () => {
  /**
   * Starts an app, lets the turns after listen() run, stops it; what it prepared for reading free text then. The
   * preparations themselves are stubbed: what is under test is whether the app asks for them.
   */
  async function warmUpOnListen(env: Record<string, string> = {}): Promise<{ trained: boolean; numbers: boolean }> {
    const train = jest.spyOn(understand, 'sharedUnderstanding').mockImplementation(() => undefined as never);
    const numbers = jest.spyOn(sentenceReader, 'prepareSentenceReader').mockImplementation(() => undefined);
    const app = createApp(
      loadConfig({ STORAGE: 'memory', PORT: '0', REMINDER_CHECK_SECONDS: '0', ...env }),
      silentLogger,
    );
    try {
      await app.listen();
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      return { trained: train.mock.calls.length > 0, numbers: numbers.mock.calls.length > 0 };
    } finally {
      train.mockRestore();
      numbers.mockRestore();
      await app.close();
    }
  }

  it('trains the model and loads the number recognizer once it listens, so the first typed sentence does not wait', async () => {
    expect(await warmUpOnListen()).toEqual({ trained: true, numbers: true });
  });

  it('leaves both to the first sentence that needs them with WARM_UP=off', async () => {
    expect(await warmUpOnListen({ WARM_UP: 'off' })).toEqual({ trained: false, numbers: false });
  });

  it('does not load the number recognizer before it listens', () => {
    const numbers = jest.spyOn(sentenceReader, 'prepareSentenceReader').mockImplementation(() => undefined);
    try {
      createApp(loadConfig({ STORAGE: 'memory', PORT: '0', REMINDER_CHECK_SECONDS: '0' }), silentLogger);
      expect(numbers).not.toHaveBeenCalled();
    } finally {
      numbers.mockRestore();
    }
  });
});
