/**
 * `dialog:saveFile`: the renderer builds an export in memory, the user picks where it goes, main writes it.
 * The renderer never names a directory (the contract allows a bare file name only), so a compromised page
 * cannot write anywhere without the user choosing the place in a native dialog.
 */
import path from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '../shared/ipc/contract';
import { writeFileAtomic } from './atomicWrite';

export interface SaveFileDeps {
  /** dialog.showSaveDialog, bound to the main window by the caller. */
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** Where the dialog opens, e.g. app.getPath('downloads'). */
  readonly defaultDirectory: string;
  /** Injected for tests; defaults to the atomic writer. */
  readonly writeFile?: (filePath: string, data: Uint8Array) => Promise<void>;
}

export async function saveFileWithDialog(
  request: SaveFileRequest,
  deps: SaveFileDeps,
): Promise<SaveFileResult> {
  // Decode before asking, so bad data fails without making the user pick a place first.
  const bytes = toBytes(request.data, request.encoding);
  const { canceled, filePath } = await deps.showSaveDialog({
    defaultPath: path.join(deps.defaultDirectory, request.suggestedName),
    filters: request.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (canceled || !filePath) return { saved: false };
  await (deps.writeFile ?? writeFileAtomic)(filePath, bytes);
  return { saved: true, path: filePath };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toBytes(data: Uint8Array | string, encoding: 'utf8' | 'base64' = 'utf8'): Uint8Array {
  if (typeof data !== 'string') return data;
  if (encoding === 'utf8') return Buffer.from(data, 'utf8');
  const compact = data.replace(/\s+/g, '');
  // Buffer.from silently skips invalid characters; a corrupted export must fail loudly instead.
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new Error('data is not valid base64');
  return Buffer.from(compact, 'base64');
}
