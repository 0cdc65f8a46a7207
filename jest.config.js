/**
 * One jest run for the whole repository: unit tests beside the code they specify
 * (`server/src`, `shared/src`) and the cross-package suites in `test/` (storage contract,
 * HTTP, end-to-end). TypeScript is compiled by SWC; `tsc -b` type-checks separately.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server/src', '<rootDir>/shared/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        // The reporter's pages are TSX rendered on the server with React's automatic runtime.
        jsc: { target: 'es2022', transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@haven/shared$': '<rootDir>/shared/src/index.ts',
    // Source imports name the compiled `.js` file (Node's rule); tests run the `.ts` beside it.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  testTimeout: 30_000,
  // Engines and browsers are real: keep the 2-core CI machine from oversubscribing.
  maxWorkers: 2,
};
