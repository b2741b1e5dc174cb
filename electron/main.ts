/**
 * The Electron main process: wiring only. Every decision (window options, CSP, navigation, protocol paths,
 * IPC validation, menu, token storage) lives in a module that does not import 'electron' at runtime and is
 * tested under plain Node; this file connects those functions to the real Electron APIs.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  ipcMain,
  Menu,
  protocol,
  type SaveDialogOptions,
  safeStorage,
  session,
  shell,
} from 'electron';
import {
  INVOKE_CHANNELS,
  ipcContract,
  type Language,
  MENU_COMMAND_CHANNEL,
  type MenuCommand,
} from '../shared/ipc/contract';
import { buildCsp, withCspHeader } from './csp';
import { createIpcRouter, createSenderCheck } from './ipc';
import { buildMenuTemplate } from './menu';
import { attachNavigationGuards } from './navigation';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl, resolveDevServerUrl } from './origin';
import { decidePermission } from './permissions';
import { createAppProtocolHandler, PRIVILEGED_SCHEMES } from './protocol';
import { PRINT_PAGE_PROBE, type PrintWindow, printWindowOptions, saveReportPdf } from './reportPdf';
import { saveFileWithDialog } from './saveFile';
import { claimSingleInstance } from './singleInstance';
import { createTokenStore } from './tokenStore';
import { createWindowOptions } from './windowOptions';

// Must happen before 'ready', and only once.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

const devServerUrl = resolveDevServerUrl(process.env, app.isPackaged);
const isDev = !app.isPackaged;
const isOurs = (url: string): boolean => isAppUrl(url, { devServerUrl });

let mainWindow: BrowserWindow | null = null;
// Chinese until the renderer reports the user's choice through app:setLanguage.
let menuLanguage: Language = 'zh-CN';

const openExternal = (url: string): void => {
  shell.openExternal(url).catch((error: unknown) => console.error('openExternal failed', error));
};

// Every webContents, including any created later, gets the navigation guards before it loads anything.
app.on('web-contents-created', (_event, contents) => {
  attachNavigationGuards(contents, { isAppUrl: isOurs, openExternal });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (claimSingleInstance(app, () => mainWindow)) {
  start().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Expert Trips', `The app could not start.\n\n${String(error)}`);
    app.quit();
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId('cn.experttrips.app');

  const appPath = app.getAppPath();
  const csp = buildCsp({ devServerUrl });

  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: path.join(appPath, 'dist', 'renderer'), csp }),
  );

  // The dev server sends no CSP of its own; apply ours so development runs under the same rules.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isOurs(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCspHeader(details.responseHeaders ?? {}, csp) });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl, isOurs));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, isOurs),
  );

  registerIpc();
  rebuildMenu();
  createMainWindow(appPath);

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(appPath);
  });
}

function createMainWindow(appPath: string): void {
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: path.join(appPath, 'dist-electron', 'preload.cjs'), isDev }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  window
    .loadURL(devServerUrl ?? APP_ENTRY_URL)
    .catch((error: unknown) => console.error('load failed', error));
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && !target.isDestroyed()) target.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function rebuildMenu(): void {
  const template = buildMenuTemplate(menuLanguage, sendMenuCommand, { platform: process.platform, isDev });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** A save dialog attached to the window that asked, so it is modal to it. */
function saveDialogFor(event: IpcMainInvokeEvent) {
  return (options: SaveDialogOptions) => {
    const owner = BrowserWindow.fromWebContents(event.sender);
    return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
  };
}

/** A hidden window for rendering the report to PDF (see reportPdf.ts); never shown. */
function openPrintWindow(): PrintWindow {
  const window = new BrowserWindow(printWindowOptions());
  return {
    loadURL: (url) => window.loadURL(url),
    probe: () => window.webContents.executeJavaScript(PRINT_PAGE_PROBE),
    printToPDF: (options) => window.webContents.printToPDF(options),
    destroy: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

function registerIpc(): void {
  const tokens = createTokenStore({
    safeStorage,
    filePath: path.join(app.getPath('userData'), 'sync-tokens.json'),
  });

  const route = createIpcRouter<typeof ipcContract, IpcMainInvokeEvent>(
    ipcContract,
    {
      'app:getInfo': () => ({
        version: app.getVersion(),
        platform: process.platform,
        locale: app.getLocale(),
      }),
      'dialog:saveFile': (request, event) =>
        saveFileWithDialog(request, {
          defaultDirectory: app.getPath('downloads'),
          showSaveDialog: saveDialogFor(event),
        }),
      'report:savePdf': (request, event) =>
        saveReportPdf(request, {
          openWindow: openPrintWindow,
          entryUrl: devServerUrl ?? APP_ENTRY_URL,
          defaultDirectory: app.getPath('documents'),
          showSaveDialog: saveDialogFor(event),
        }),
      'app:setLanguage': ({ lang }) => {
        menuLanguage = lang;
        rebuildMenu();
      },
      'token:get': ({ serverUrl }) => tokens.get(serverUrl),
      'token:set': ({ serverUrl, token }) => tokens.set(serverUrl, token),
      'token:clear': ({ serverUrl }) => tokens.clear(serverUrl),
      'shell:openExternal': async ({ url }) => {
        await shell.openExternal(url);
      },
    },
    { isTrustedSender: createSenderCheck(isOurs) },
  );

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => route(channel, event, payload));
  }
}
