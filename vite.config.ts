import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one build for both Electron (served by the app:// protocol) and the plain web
// mode, so every asset URL is relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
});
