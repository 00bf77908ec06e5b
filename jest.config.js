const { availableParallelism } = require('node:os');

/** Type checking runs once for the whole tree (`npm run typecheck`); with isolatedModules in tests/tsconfig.json ts-jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json'  }],
  },
  // One worker more than there are cores (jest's default is one fewer: a single worker on 2 cores). Much of the
  // suite's time is spent waiting rather than computing — on child processes, Azurite, the browser, leases — and a
  // third file can run while two wait. Every test uses its own port (0) and temporary folder, so files can run side
  // by side. `npx jest -w 1` still runs one file at a time, to read a file's output in order.
  maxWorkers: availableParallelism() + 1,
  // A backstop for a test that hangs, not a speed limit: on a 2-core machine shared with other work, tests that start
  // servers, Azurite or child processes take several times as long as at rest.
  testTimeout: 120_000,
};
