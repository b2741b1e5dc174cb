import type { Lang } from '../../shared/enums';
import { EXTENSION } from '../../shared/report/fileName';
import { todayIso } from '../data/today';
import { type AppDatabase, getDb } from '../db/database';
import { getPlatform, type Platform } from '../platform';
import { ExportJobError } from './exportErrors';
import type { BuiltExport, ExportJob, ExportProgress } from './exportJob';
import type { ExportFormat } from './fileName';
import { textFor } from './text';
import type { WorkerMessage, WorkerRequest } from './workerProtocol';

/**
 * Running an export from the UI: build the file in a module Web Worker (the page stays responsive and
 * Cancel can stop it at once by terminating the worker), then hand the bytes to the platform's save:
 * Electron's native save dialog over `dialog:saveFile`, or a browser download in the web build.
 *
 * Where there is no Worker (jsdom in tests, a locked-down browser) or the worker script cannot load,
 * the same job function runs on this thread instead; cancelling then takes effect between phases.
 */

export type ExportOptions = {
  tripId: string;
  format: ExportFormat;
  lang: Lang;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** Defaults to the app's database. */
  db?: AppDatabase;
  /** Defaults to today in this device's time zone. */
  today?: string;
} & ExportExtras;

/** What the menu lets the user add: the JSON backup's files (ZIP), the Word report's photos. */
export type ExportExtras = { includeFiles?: boolean; photoIds?: readonly string[] };

export type SaveOutcome = { saved: true; fileName: string; path?: string } | { saved: false };

export const abortError = () => new DOMException('The export was cancelled', 'AbortError');
export const isAbortError = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Builds the file's bytes; rejects with an AbortError when `signal` fires. */
export async function buildExport(options: ExportOptions): Promise<BuiltExport> {
  const { signal } = options;
  if (signal?.aborted) throw abortError();
  const db = options.db ?? getDb();
  const job: ExportJob = {
    tripId: options.tripId,
    format: options.format,
    lang: options.lang,
    today: options.today ?? todayIso(),
    exportedAt: new Date().toISOString(),
    ...(options.format === 'json' && options.includeFiles ? { includeFiles: true } : {}),
    ...(options.format === 'docx' && options.photoIds?.length ? { photoIds: [...options.photoIds] } : {}),
  };
  const onProgress = options.onProgress ?? (() => undefined);
  if (typeof Worker === 'undefined') return runInThread(job, db, onProgress, signal);
  return runInWorker({ ...job, dbName: db.name }, onProgress, signal, () =>
    runInThread(job, db, onProgress, signal),
  );
}

async function runInThread(
  job: ExportJob,
  db: AppDatabase,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal | undefined,
): Promise<BuiltExport> {
  // Loaded on demand: the builders are large and the worker normally carries them, not the page.
  const { runExportJob } = await import('./exportJob');
  const result = await runExportJob(job, db, (progress) => {
    if (signal?.aborted) throw abortError();
    onProgress(progress);
  });
  if (signal?.aborted) throw abortError();
  return result;
}

function runInWorker(
  request: WorkerRequest,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal | undefined,
  fallback: () => Promise<BuiltExport>,
): Promise<BuiltExport> {
  return new Promise<BuiltExport>((resolve, reject) => {
    // The literal `new Worker(new URL(…), { type: 'module' })` is what Vite recognises and bundles.
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
    let heard = false;
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const message = event.data;
      if (message.type === 'progress') {
        const { type: _type, ...progress } = message;
        onProgress(progress);
        return;
      }
      stop();
      if (message.type === 'result') resolve(message.result);
      else if (message.code === 'trip-missing') reject(new ExportJobError('trip-missing', message.message));
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      // A worker that never said a word could not start (blocked or missing script): do the job here.
      if (!heard) fallback().then(resolve, reject);
      else reject(new ExportJobError('worker-failed', event.message || 'worker failed'));
    };
    worker.postMessage(request);
  });
}

/** The file name the user ended up with: the chosen path's last part, else the suggested name. */
function savedName(path: string | undefined, suggested: string): string {
  if (!path) return suggested;
  return path.split(/[\\/]/).pop() || suggested;
}

const FILTER_NAME = {
  docx: 'exports.filter.docx',
  xlsx: 'exports.filter.xlsx',
  csv: 'exports.filter.zip',
  json: 'exports.filter.json',
} as const;

/** Offers the built file to the user. A cancelled save dialog is `{ saved: false }`, not an error. */
export async function saveExport(
  built: BuiltExport,
  lang: Lang,
  platform: Platform = getPlatform(),
): Promise<SaveOutcome> {
  const t = textFor(lang);
  // A JSON backup with its files is a .zip: the name says which.
  const extension = /\.zip$/i.test(built.fileName) ? 'zip' : EXTENSION[built.format];
  const filter = extension === 'zip' ? 'exports.filter.zip' : FILTER_NAME[built.format];
  const result = await platform.saveFile({
    suggestedName: built.fileName,
    filters: [{ name: t(filter), extensions: [extension] }],
    data: built.bytes,
  });
  if (!result.saved) return { saved: false };
  return {
    saved: true,
    fileName: savedName(result.path, built.fileName),
    ...(result.path ? { path: result.path } : {}),
  };
}

/** Builds and saves in one go: what a button press does. */
export async function exportTrip(options: ExportOptions): Promise<SaveOutcome> {
  const built = await buildExport(options);
  if (options.signal?.aborted) throw abortError();
  return saveExport(built, options.lang);
}
