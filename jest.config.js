/**
 * jest runs the TypeScript sources through ts-jest as ES modules (unified, remark, chalk and yargs are ESM-only), in
 * two projects:
 *  - unit: test/*.test.ts and test/rules/ — in-process, on the sources (no build needed): `npm run test:unit`;
 *  - e2e:  test/e2e/ — suites that spawn processes (the built CLI, the language server, editors, shell scripts of
 *          the docs): `npm run test:e2e` builds first.
 * `npm test` builds and runs both. Time limits are hang guards only, far above what a test needs on a loaded
 * machine; no test measures time (`npm run bench` does).
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
};

export default {
  // the projects share the workers: two, for a two-core machine (the end-to-end suites spend their time in the
  // processes they spawn, which need the cores too)
  maxWorkers: 2,
  // a hang guard for the unit tests; the end-to-end suites get a longer one (test/support/e2e-setup.ts)
  testTimeout: 120_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/*.test.ts', '<rootDir>/test/rules/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'] },
  ],
};
