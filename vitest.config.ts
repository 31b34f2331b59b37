import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@embargo/core': src('core'),
      '@embargo/lists': src('lists'),
      '@embargo/payments': src('payments'),
      '@embargo/ownership': src('ownership'),
      '@embargo/store': src('store'),
      '@embargo/server': src('server'),
      '@embargo/worker': src('worker'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // One line when ../shared is missing, naming it (tests that need it skip themselves, or fail in CI).
    globalSetup: ['test/shared-notice.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'var/test-results.json' },
    hookTimeout: 60_000,
  },
});
