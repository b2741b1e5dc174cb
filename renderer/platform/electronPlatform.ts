import type { ExpertTripsBridge } from '../../shared/ipc/bridge';
import { isHttpUrl } from '../../shared/ipc/channels';
import { type Platform, PlatformError } from './platform';

// Electron wraps errors thrown by main-process handlers as
// "Error invoking remote method 'token:set': Error: [encryption-unavailable] the system keychain ...".
const REMOTE_PREFIX = /^Error invoking remote method '[^']*':\s*(?:\w*Error:\s*)?/;
const CODE_PREFIX = /^\[([a-z-]+)\]\s*/;

/** Turns an IPC failure back into a readable message and, when main sent one, its code. */
export function toPlatformError(error: unknown): PlatformError {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(REMOTE_PREFIX, '');
  const code = CODE_PREFIX.exec(message)?.[1];
  return new PlatformError(message, code);
}

async function call<T>(invoke: () => Promise<T>): Promise<T> {
  try {
    return await invoke();
  } catch (error) {
    throw toPlatformError(error);
  }
}

/** The desktop implementation: every call goes through the preload bridge to the main process. */
export function createElectronPlatform(bridge: ExpertTripsBridge): Platform {
  return {
    kind: 'electron',
    getInfo: () => call(() => bridge.getInfo()),
    saveFile: (request) => call(() => bridge.saveFile(request)),
    setLanguage: (lang) => call(() => bridge.setLanguage({ lang })),
    getToken: (serverUrl) => call(() => bridge.getToken({ serverUrl })),
    setToken: (serverUrl, token) => call(() => bridge.setToken({ serverUrl, token })),
    clearToken: (serverUrl) => call(() => bridge.clearToken({ serverUrl })),
    printReportPdf: (tripId, suggestedName) => call(() => bridge.saveReportPdf({ tripId, suggestedName })),
    openExternal: async (url) => {
      // Main refuses too; failing here first gives the caller a clear error without a round trip.
      if (!isHttpUrl(url))
        throw new PlatformError(`Only http(s) links can be opened: ${url}`, 'invalid-payload');
      await call(() => bridge.openExternal({ url }));
    },
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
