// Lint catches bugs the type checker lets through (promises nobody awaits, loose
// equality, throwing non-errors, switches that miss a case). Layout and naming are
// left alone on purpose: rules about taste only make noise in review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'docs/**', '**/*.js', '**/*.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // One program covers src, tests and scripts, so the whole tree is linted with types.
        project: ['./tests/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // Passing on a caught value unchanged is right: wrapping it would hide what was thrown.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-self-compare': 'error',
      // A variable read by a shutdown handler before it is assigned must stay `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-template-curly-in-string': 'error',
      'no-constant-binary-expression': 'error',
      // The unsafe-any family fires on every JSON body and SDK payload the bot has
      // to accept as unknown shapes; the type checker plus runtime validation
      // cover that ground, so these would be noise rather than bugs.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/require-await': 'off',
      // require() is used on purpose for lazy loads (the Azure SDKs, pino-pretty) and package.json; the
      // results are typed with typeof import(), so nothing is lost to the type checker.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Module namespaces (scripts) and mocks (tests) are destructured into plain functions on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Build scripts and tests print values parsed from JSON manifests and fixtures, already checked.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Tests reject with strings, undefined and odd objects to prove the code copes with them.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // Card template tests hold template text such as '${title}' on purpose.
      'no-template-curly-in-string': 'off',
    },
  },
  {
    // The whole tree is type-checked in one program that has jest's types, so a test global used in src/ would pass
    // the type check and fail only at run time, outside jest.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['describe', 'it', 'test', 'expect', 'jest', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach', 'fail'].map(
          (name) => ({ name, message: 'jest only exists in tests; src/ runs without it.' }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSQualifiedName[left.name='jest']",
          message: "jest's types only exist in tests; src/ builds without them.",
        },
      ],
    },
  },
);
