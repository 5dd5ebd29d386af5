// Unit tests (*.spec.ts beside the code) and e2e tests (test/*.e2e-spec.ts) run as two jest projects.
const shared = {
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Type checking is tsc's job in CI; tests only transpile. A few dependencies ship ESM only.
  transform: { '^.+\\.(ts|js)$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper: {
    '^src/(.*)$': '<rootDir>/src/$1',
    '^test/(.*)$': '<rootDir>/test/$1',
    '^migrations/(.*)$': '<rootDir>/migrations/$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'web',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/web/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/web/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
    },
  ],
};
