/** Type checking runs once for the whole tree (`npm run typecheck`); with isolatedModules in tests/tsconfig.json ts-jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json'  }],
  },
  // A backstop for a test that hangs, not a speed limit: on a 2-core machine shared with other work, tests that start
  // servers, Azurite or child processes take several times as long as at rest.
  testTimeout: 120_000,
};
