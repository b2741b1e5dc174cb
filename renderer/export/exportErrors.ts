/**
 * A failure of an export reported by code, so the message is worded in the UI's language on the main
 * thread. Its own module: the page imports it without pulling in the file builders (docx, exceljs),
 * which load only inside the worker or, as a fallback, on demand.
 */
export class ExportJobError extends Error {
  constructor(
    readonly code: 'trip-missing' | 'worker-failed',
    message: string,
  ) {
    super(message);
    this.name = 'ExportJobError';
  }
}
