import { defineConfig } from 'vite';

/** The sync benchmark's page: the real Dexie store and sync engine, driven by scripts/bench-sync.ts. */
export default defineConfig({
  root: 'bench',
  base: './',
  build: { outDir: '../dist/bench', emptyOutDir: true, chunkSizeWarningLimit: 5000, minify: false },
  logLevel: 'warn',
});
