// Three layers (Jest projects), each runnable alone with `--selectProjects <name>` (npm run test:<name>):
// - unit: *.spec.ts next to the code (and test/*.spec.ts): no PostgreSQL, Redis or edge; runs in seconds.
// - medium: *.medium-spec.ts: repositories and services against the real per-run PostgreSQL database.
// - e2e: test/e2e/*.e2e-spec.ts and test/hostile/**/*.hostile-spec.ts drive the real apps, edge and media
//   servers over the network against the per-run database and Redis key prefix.
// medium and e2e name the same globalSetup module: Jest runs each distinct module once per run (and only
// for projects that have tests in it), so a full run creates one database and a unit run none.

const transform = {
  '^.+\\.(ts|js)$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

/** @type {import('jest').Config} */
const shared = {
  rootDir: '.',
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // content-disposition (a dependency of @fastify/static) ships ESM only; Node 20 loads it with
  // require(esm), Jest needs it transformed.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  transform,
  moduleNameMapper: {
    '^@callwire/(config|database|auth|queues|health|client-token|webhooks|calls|sip|egress)$': '<rootDir>/libs/$1/src',
  },
};

/** The per-run PostgreSQL database and Redis key prefix (test/support/global-setup.ts). */
const withTestRun = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'],
      // Points PostgreSQL and Redis at closed ports: a unit spec that reaches for either fails at once.
      setupFiles: ['<rootDir>/test/support/unit-setup.ts'],
    },
    {
      ...shared,
      ...withTestRun,
      displayName: 'medium',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.medium-spec.ts'],
    },
    {
      ...shared,
      ...withTestRun,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/hostile/**/*.hostile-spec.ts'],
    },
  ],
  testTimeout: 30000,
  maxWorkers: 2,
};
