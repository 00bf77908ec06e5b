import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import * as understand from '../src/understanding/understand';

describe('createApp: the free-text model at start', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['builds it as soon as the server listens, by default', {}, 1],
    ['leaves it to the first message when understandingAtStart is false', { understandingAtStart: false }, 0],
  ])('%s', async (_name, options, builds) => {
    // The real model is not needed to see whether start-up asks for it.
    const shared = jest.spyOn(understand, 'sharedUnderstanding').mockReturnValue(undefined as never);
    const app = createApp(loadConfig({ STORAGE: 'memory', PORT: '0' }), silentLogger, options);
    try {
      await app.listen();
      await new Promise((resolve) => setImmediate(resolve));
      expect(shared).toHaveBeenCalledTimes(builds);
    } finally {
      await app.close();
    }
  });
});
