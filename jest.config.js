/** Type checking runs once for the whole tree (`npm run typecheck`); with isolatedModules in tests/tsconfig.json ts-jest only transpiles. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json'  }],
  },
  testTimeout: 30000,
};
