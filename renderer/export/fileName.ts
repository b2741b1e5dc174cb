import type { ReportFileKind } from '../../shared/report/fileName';

export type ExportFormat = Exclude<ReportFileKind, 'pdf'>;
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'xlsx', 'csv', 'json'];

export const MIME_TYPE: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
  json: 'application/json',
};
