import type { BuiltExport, ExportJob, ExportProgress } from './exportJob';

/** Messages between the page and the export worker. */
export type WorkerRequest = ExportJob & { dbName: string };

export type WorkerMessage =
  | ({ type: 'progress' } & ExportProgress)
  | { type: 'result'; result: BuiltExport }
  | { type: 'error'; code: string; message: string };
