import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against the built renderer; run one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // expect.poll gives up after 1 s by default, too soon on a busy 2-core machine; a poll still ends
    // as soon as it passes.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
