import { availableParallelism } from 'node:os';

const config = require('../jest.config.js') as { maxWorkers: number; testTimeout: number };

describe('jest configuration', () => {
  it('runs files side by side, more of them than there are cores, since many spend their time waiting', () => {
    expect(config.maxWorkers).toBeGreaterThan(availableParallelism());
    expect(config.maxWorkers).toBeGreaterThanOrEqual(2);
  });
});
