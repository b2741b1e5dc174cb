import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/windowOptions';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', isDev: false });

  it('locks the renderer down', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/dist-electron/preload.cjs',
    });
  });

  it('has no dev tools in production, and has them while developing', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    const dev = createWindowOptions({ preloadPath: '/p.cjs', isDev: true });
    expect(dev.webPreferences?.devTools).toBe(true);
    // Developing must never relax the security switches.
    expect(dev.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
  });

  it('has a sensible size, a title and stays hidden until ready to show', () => {
    expect(options).toMatchObject({ width: 1280, height: 820, minWidth: 1024, minHeight: 680, show: false });
    expect(options.title).toMatch(/Expert Trips/);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
