/**
 * The one typed IPC contract between the renderer and the Electron main process.
 *
 * Invariants:
 * - Every invoke channel (renderer → main) is declared exactly once here, with a zod schema for its request
 *   payload and one for its response. `satisfies` below makes a channel without a schema, or a schema without
 *   a channel in `channels.ts`, a compile error.
 * - The main process parses every request with these schemas before any handler runs, and parses every
 *   response before it leaves, so the types below are what actually crosses the boundary.
 * - Objects are strict: an unknown key is a rejected payload, not a silently dropped one.
 * - Nothing here imports Node, Electron or the DOM; `URL` and `Uint8Array` exist in every runtime we use.
 */
import { z } from 'zod';
import {
  type InvokeChannel,
  isHttpUrl,
  LANGUAGES,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  serverKey,
} from './channels';

export const languageSchema = z.enum(LANGUAGES);
export const menuCommandSchema = z.enum(MENU_COMMANDS);

const httpUrlSchema = z
  .string()
  .max(2048)
  .refine(isHttpUrl, { message: 'must be an http:// or https:// URL' });

const serverUrlSchema = z
  .string()
  .max(2048)
  .refine(
    (value) => {
      try {
        serverKey(value);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be the http:// or https:// URL of a sync server' },
  );

export const appInfoSchema = z.strictObject({
  version: z.string(),
  platform: z.string(),
  locale: z.string(),
});

/** Exports are built in memory by the renderer; past this size IPC itself becomes the problem. */
export const MAX_SAVE_FILE_BYTES = 256 * 1024 * 1024;

// A name, never a path: the renderer suggests what the file is called, the user decides where it goes.
// Control characters are refused because they make names no file manager can show.
const fileNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/]/.test(name) && !hasControlCharacter(name) && name !== '.' && name !== '..', {
    message: 'must be a file name without a directory part',
  });

function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  // Bare extensions as Electron's dialog wants them ('csv', not '.csv'); '*' means all files.
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without the dot, e.g. "csv"'))
    .min(1)
    .max(20),
});

export const saveFileRequestSchema = z
  .strictObject({
    suggestedName: fileNameSchema,
    filters: z.array(fileFilterSchema).max(20),
    data: z.union([
      z
        .instanceof(Uint8Array)
        .refine((bytes) => bytes.byteLength <= MAX_SAVE_FILE_BYTES, { message: 'file is too large' }),
      z.string().max(MAX_SAVE_FILE_BYTES, { message: 'file is too large' }),
    ]),
    /** How string data is turned into bytes: utf8 text (default) or base64-encoded binary. */
    encoding: z.enum(['utf8', 'base64']).optional(),
  })
  .refine((request) => request.encoding !== 'base64' || typeof request.data === 'string', {
    message: 'base64 encoding applies to string data only',
    path: ['encoding'],
  });

export const saveFileResultSchema = z.strictObject({
  saved: z.boolean(),
  path: z.string().optional(),
});

export const setLanguageRequestSchema = z.strictObject({ lang: languageSchema });

export const tokenKeyRequestSchema = z.strictObject({ serverUrl: serverUrlSchema });

export const setTokenRequestSchema = z.strictObject({
  serverUrl: serverUrlSchema,
  token: z.string().min(1).max(8192),
});

export const openExternalRequestSchema = z.strictObject({ url: httpUrlSchema });

/**
 * `report:savePdf`: main renders the trip's print page itself and asks where to save the PDF. The page
 * names the trip by id only (main builds the URL, so the page cannot point it anywhere else) and suggests
 * a file name, which must end in .pdf so the dialog and the written file agree.
 */
export const saveReportPdfRequestSchema = z.strictObject({
  tripId: z.uuid(),
  suggestedName: fileNameSchema.refine((name) => /\.pdf$/i.test(name), { message: 'must end in .pdf' }),
});

/** A request that carries nothing (`ipcRenderer.invoke(channel)` delivers `undefined`). */
const noRequest = z.undefined();
/** A response that carries nothing; `void` so handlers may simply not return. */
const noResponse = z.void();

type ChannelSpec = { readonly request: z.ZodType; readonly response: z.ZodType };

export const ipcContract = {
  'app:getInfo': { request: noRequest, response: appInfoSchema },
  'dialog:saveFile': { request: saveFileRequestSchema, response: saveFileResultSchema },
  'app:setLanguage': { request: setLanguageRequestSchema, response: noResponse },
  'token:get': { request: tokenKeyRequestSchema, response: z.string().nullable() },
  'token:set': { request: setTokenRequestSchema, response: noResponse },
  'token:clear': { request: tokenKeyRequestSchema, response: noResponse },
  'shell:openExternal': { request: openExternalRequestSchema, response: noResponse },
  'report:savePdf': { request: saveReportPdfRequestSchema, response: saveFileResultSchema },
} as const satisfies { readonly [C in InvokeChannel]: ChannelSpec };

/** The one main → renderer channel: menu clicks, validated by the preload with a plain membership check. */
export const menuCommandEvent = { channel: MENU_COMMAND_CHANNEL, payload: menuCommandSchema } as const;

export type IpcContract = typeof ipcContract;
export type IpcRequest<C extends InvokeChannel> = z.infer<IpcContract[C]['request']>;
export type IpcResponse<C extends InvokeChannel> = z.infer<IpcContract[C]['response']>;

export type AppInfo = z.infer<typeof appInfoSchema>;
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;
export type SetLanguageRequest = z.infer<typeof setLanguageRequestSchema>;
export type TokenKeyRequest = z.infer<typeof tokenKeyRequestSchema>;
export type SetTokenRequest = z.infer<typeof setTokenRequestSchema>;
export type OpenExternalRequest = z.infer<typeof openExternalRequestSchema>;
export type SaveReportPdfRequest = z.infer<typeof saveReportPdfRequestSchema>;

export type { BridgeMethod, InvokeChannel, Language, MenuCommand } from './channels';
export {
  BRIDGE_GLOBAL_NAME,
  BRIDGE_METHODS,
  INVOKE_CHANNELS,
  isHttpUrl,
  isInvokeChannel,
  isMenuCommand,
  LANGUAGES,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  serverKey,
} from './channels';
