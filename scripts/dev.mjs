// Development: Vite dev server with hot reload, and Electron loading it (VITE_DEV_SERVER_URL).
// Without an Electron binary (e.g. on CI machines) it keeps serving the renderer for a browser.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';

const server = await createServer({ configFile: 'vite.config.ts' });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
server.printUrls();

await new Promise((resolve, reject) => {
  const build = spawn(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`electron build failed (${code})`))));
});

let electronPath;
try {
  electronPath = (await import('electron')).default;
} catch {
  electronPath = undefined;
}
if (typeof electronPath !== 'string') {
  console.log('Electron binary not available: open the URL above in a browser.');
} else {
  const app = spawn(electronPath, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_DEV_SERVER_URL: url },
  });
  app.on('exit', async () => {
    await server.close();
    process.exit(0);
  });
}
