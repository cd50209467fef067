// Unit specs live next to the code (*.spec.ts); e2e specs (test/e2e/*.e2e-spec.ts) drive the real
// app over HTTP against a per-run PostgreSQL database and a per-run Redis key prefix.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
    '<rootDir>/test/hostile/**/*.hostile-spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // content-disposition (a dependency of @fastify/static) ships ESM only; Node 20 loads it with
  // require(esm), Jest needs it transformed.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  transform: {
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
  },
  moduleNameMapper: {
    '^@callwire/(config|database|auth|queues|health|client-token|webhooks|calls|sip|egress)$': '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
