import { AppDatabase } from '../db/database';
import { ExportJobError } from './exportErrors';
import { runExportJob } from './exportJob';
import type { WorkerMessage, WorkerRequest } from './workerProtocol';

/**
 * What the export worker does with one request: open its own connection to the app's database by
 * name (IndexedDB is shared between a page and its workers), run the job, post progress and then the
 * bytes (transferred, not copied) or the error, and close the connection. Kept apart from the worker's
 * entry file so tests can drive it without a real Worker.
 */
export async function handleWorkerRequest(
  request: WorkerRequest,
  post: (message: WorkerMessage, transfer?: Transferable[]) => void,
): Promise<void> {
  const { dbName, ...job } = request;
  const db = new AppDatabase(dbName);
  try {
    const result = await runExportJob(job, db, (progress) => post({ type: 'progress', ...progress }));
    post({ type: 'result', result }, [result.bytes.buffer]);
  } catch (error) {
    post({
      type: 'error',
      code: error instanceof ExportJobError ? error.code : 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    db.close();
  }
}
