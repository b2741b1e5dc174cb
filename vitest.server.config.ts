import { defineConfig } from 'vitest/config';

/**
 * The sync server suite: real servers on 127.0.0.1 port 0 over real HTTP. scripts/test-server.mjs runs
 * it once per store (STORE=pglite, then STORE=postgres with TEST_DATABASE_URL). Files run one after the
 * other: each starts its own database, and the machine's cores are shared.
 */
export default defineConfig({
  test: {
    include: ['test/server/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    // expect.poll gives up after 1 s by default, too soon on a busy 2-core machine; a poll still ends
    // as soon as it passes.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
