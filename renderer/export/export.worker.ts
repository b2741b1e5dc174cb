import { handleWorkerRequest } from './workerHandler';
import type { WorkerMessage, WorkerRequest } from './workerProtocol';

/**
 * The export worker's entry: builds one file off the UI thread, so a large trip's workbook does not
 * freeze the screen (see runExport.ts, which starts and stops it).
 */

/** The worker's global scope, typed by hand: the project compiles against the DOM library only. */
type WorkerScope = {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void handleWorkerRequest(event.data, (message, transfer = []) => scope.postMessage(message, transfer));
};
