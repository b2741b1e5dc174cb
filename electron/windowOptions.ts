import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  readonly preloadPath: string;
  readonly isDev: boolean;
  readonly title?: string;
}

export const APP_TITLE = '专家服务行 Expert Trips';
/** Matches the app's page background, so no white flash shows before the first paint. */
export const WINDOW_BACKGROUND = '#f6f7f9';

/**
 * The main window. Every security switch is spelled out even where it equals Electron's default, so a
 * future default change (or a careless edit) is visible in review and caught by the test.
 */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 680,
    title: input.title ?? APP_TITLE,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window would otherwise navigate to it (file://), leaving the app.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.isDev,
    },
  };
}
