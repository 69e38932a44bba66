/**
 * Two projects, both run by `npm test`: the unit and integration tests, and
 * the browser tests (test/browser/, Debian's Chromium through playwright-core;
 * they set their own longer timeouts). `npx jest --selectProjects browser`
 * runs only those, `--selectProjects unit` everything else.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // wikiparser-node depends on ESM-only packages (@bhsd/*); Node 20 can require()
    // them, jest's module runtime cannot, so they are compiled to CommonJS for tests.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@bhsd|parse5|entities)/)'],
};

module.exports = {
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'] },
    { ...shared, displayName: 'browser', roots: ['<rootDir>/test/browser'] },
  ],
};
