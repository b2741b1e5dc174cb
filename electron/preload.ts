/**
 * The preload: the one bridge between the sandboxed page and the main process.
 *
 * It exposes a fixed set of functions, one per contract channel, plus a menu-command subscription; never
 * ipcRenderer itself, never an IpcRendererEvent (its `sender` would hand the page raw IPC). It validates
 * nothing: the main process does, because the page is the side that cannot be trusted.
 *
 * Sandboxed preloads can require only 'electron', so this file imports nothing but type declarations and
 * the dependency-free channel names, and is bundled to CommonJS by scripts/build-electron.mjs.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { ExpertTripsBridge } from '../shared/ipc/bridge';
import {
  BRIDGE_GLOBAL_NAME,
  BRIDGE_METHODS,
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
} from '../shared/ipc/channels';

const bridge = {
  getInfo: () => ipcRenderer.invoke(BRIDGE_METHODS.getInfo),
  saveFile: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.saveFile, payload),
  setLanguage: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.setLanguage, payload),
  getToken: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.getToken, payload),
  setToken: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.setToken, payload),
  clearToken: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.clearToken, payload),
  openExternal: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.openExternal, payload),
  saveReportPdf: (payload) => ipcRenderer.invoke(BRIDGE_METHODS.saveReportPdf, payload),
  onMenuCommand: (listener) => {
    const relay = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, relay);
    };
  },
} satisfies ExpertTripsBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, bridge);
