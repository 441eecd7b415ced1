/** jest runs the TypeScript sources through ts-jest as ES modules (unified, remark, chalk and yargs are ESM-only). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 30000,
  // most end-to-end tests wait on a child process (the built CLI, the language server, an editor): more workers
  // than cores keeps the cores busy
  maxWorkers: '150%',
};
