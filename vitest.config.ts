import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The server suite runs on its own, twice (PGlite and PostgreSQL): scripts/test-server.mjs.
    exclude: ['test/e2e/**', 'test/server/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    testTimeout: 20000,
    // expect.poll gives up after 1 s by default, too soon on a busy 2-core machine; a poll still ends
    // as soon as it passes.
    expect: { poll: { timeout: 10_000 } },
  },
});
