/**
 * The names of the IPC surface, with no runtime dependencies at all.
 *
 * Why a separate file from `contract.ts`: the sandboxed preload may only `require('electron')`, so whatever
 * it imports is bundled into it. Keeping the names here (plain constants) lets the preload stay tiny and
 * free of zod; payload validation happens in the main process, which is the side that must not trust input.
 */
import type { Lang } from '../enums';

/** UI languages the native menu can be built in. Mirrors `Lang` in shared/enums (checked below). */
export const LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly Lang[];
export type Language = (typeof LANGUAGES)[number];
// Fails to compile if shared/enums gains a language the menu does not know about.
const everyLangIsKnown: Lang extends Language ? true : false = true;
void everyLangIsKnown;

/** Commands the native menu sends to the renderer over `menu:command` (main → renderer only). */
export const MENU_COMMANDS = [
  'new-visit',
  'export',
  'search',
  'go-trips',
  'toggle-language',
  'set-language-zh-CN',
  'set-language-en',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const MENU_COMMAND_CHANNEL = 'menu:command';

/** The global the preload exposes the bridge under: `window.expertTrips`. */
export const BRIDGE_GLOBAL_NAME = 'expertTrips';

/**
 * Each function the preload exposes on `window.expertTrips`, and the invoke channel behind it.
 * Adding a channel here without a schema in `contract.ts` (or the reverse) is a compile error there.
 */
export const BRIDGE_METHODS = {
  getInfo: 'app:getInfo',
  saveFile: 'dialog:saveFile',
  setLanguage: 'app:setLanguage',
  getToken: 'token:get',
  setToken: 'token:set',
  clearToken: 'token:clear',
  openExternal: 'shell:openExternal',
  saveReportPdf: 'report:savePdf',
} as const;
export type BridgeMethod = keyof typeof BRIDGE_METHODS;
export type InvokeChannel = (typeof BRIDGE_METHODS)[BridgeMethod];

export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(BRIDGE_METHODS);

const menuCommandNames: readonly string[] = MENU_COMMANDS;
const invokeChannelNames: readonly string[] = INVOKE_CHANNELS;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && menuCommandNames.includes(value);
}

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && invokeChannelNames.includes(value);
}

/** Only web links may leave the app: `javascript:`, `file:`, custom schemes would hand control to the OS. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The key a sync token is stored under: origin plus path without trailing slash, so
 * `https://sync.example.cn/` and `https://sync.example.cn` share one token while two servers on one host
 * behind different path prefixes do not. Throws on anything that is not an http(s) URL.
 */
export function serverKey(serverUrl: string): string {
  const url = new URL(serverUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Not an http(s) server URL: ${serverUrl}`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
