import { availableParallelism } from 'node:os';

const config = require('../jest.config.js') as {
  maxWorkers: number;
  testTimeout: number;
  workerGracefulExitTimeout: number;
};

describe('jest configuration', () => {
  it('runs files side by side, more of them than there are cores, since many spend their time waiting', () => {
    expect(config.maxWorkers).toBeGreaterThan(availableParallelism());
    expect(config.maxWorkers).toBeGreaterThanOrEqual(2);
  });

  it('gives a worker longer to exit than its own teardown takes on a busy machine, so a slow exit is not reported as a leak', () => {
    // jest's default is 500 ms; a worker with nothing open was seen taking up to 3.2 s to end after its 'exit' event
    // (53 files, load 15 on 2 cores).
    expect(config.workerGracefulExitTimeout).toBeGreaterThanOrEqual(10_000);
  });
});
