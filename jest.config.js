const { availableParallelism } = require('node:os');

/**
 * Type checking runs once for the whole tree before jest (`npm test`'s typecheck:tests), so jest only has to strip the
 * types. Sucrase does that and nothing else: with isolatedModules in tests/tsconfig.json the code means the same
 * without a compiler. On a fresh machine, where jest has no transform cache yet, ts-jest cost about 12 s more CPU than
 * Sucrase for the domain, card and action tests alone (69 against 57 CPU-s); with a warm cache the two are even.
 */
module.exports = {
  // jest's Node environment, with compiled code shared between the files a worker runs (see the file for why).
  testEnvironment: '<rootDir>/tests/fixtures/compileCacheEnvironment.js',
  // jest's runtime, with the files under node_modules read once per worker (see the file for why).
  runtime: '<rootDir>/tests/fixtures/sharedFileRuntime.js',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': '@sucrase/jest-plugin',
  },
  // One worker more than there are cores (jest's default is one fewer: a single worker on 2 cores). Much of the
  // suite's time is spent waiting rather than computing — on child processes, Azurite, the browser, leases — and a
  // third file can run while two wait. Every test uses its own port (0) and temporary folder, so files can run side
  // by side. `npx jest -w 1` still runs one file at a time, to read a file's output in order.
  maxWorkers: availableParallelism() + 1,
  // The slowest files (end to end, processes, Azurite) start first, also in a fresh clone where jest knows no durations.
  testSequencer: '<rootDir>/jest.sequencer.js',
  // How long a worker gets to exit once the run is over before jest kills it and blames "tests leaking due to improper
  // teardown". jest's 500 ms is shorter than a worker's own teardown on a busy 2-core machine: with nothing left open
  // and the worker's 'exit' event fired within 50 ms of jest's end message, the process still took 0.6-1.0 s more to
  // end after two small files and 2.7-3.2 s after 53 files (load 15-20). A worker that a test really holds open (a
  // server, a child process, a ref'd timer) never ends on its own, so it is still killed and reported, 15 s later.
  workerGracefulExitTimeout: 15_000,
  // A backstop for a test that hangs, not a speed limit: on a 2-core machine shared with other work, tests that start
  // servers, Azurite or child processes take several times as long as at rest.
  testTimeout: 120_000,
};
