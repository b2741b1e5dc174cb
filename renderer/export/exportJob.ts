import { serializeBackup } from '../../shared/backup/format';
import { packBackupZip } from '../../shared/backup/zip';
import type { Lang } from '../../shared/enums';
import { reportFileName } from '../../shared/report/fileName';
import { computeTripReport } from '../../shared/report/tripReport';
import { createTripBackup, TripNotOnDeviceError } from '../backup/exportBackup';
import { collectBackupFiles } from '../backup/exportFiles';
import type { AppDatabase } from '../db/database';
import { loadReportInput } from '../report/loadReportInput';
import { buildCsvFiles, zipCsvFiles } from './csv/buildCsvFiles';
import { buildReportDocx } from './docx/buildReportDocx';
import { ExportJobError } from './exportErrors';
import { type ExportFormat, MIME_TYPE } from './fileName';
import { loadReportPhotos } from './photos/reportPhotos';
import { buildReportXlsx } from './xlsx/buildReportXlsx';

/**
 * One export, from the database to the file's bytes. The same function runs inside the export worker
 * (on its own connection to the app's database) and, where there are no workers, on the main thread.
 * It only reads: an export that fails or is cancelled halfway leaves nothing behind.
 */

export type ExportJob = {
  tripId: string;
  format: ExportFormat;
  lang: Lang;
  /** Today in the organiser's time zone (YYYY-MM-DD): decides which follow-ups are overdue. */
  today: string;
  /** The moment of the export (ISO), written into the JSON backup. */
  exportedAt: string;
  /** JSON backup: also the attachments' files, as a ZIP (shared/backup/zip.ts). */
  includeFiles?: boolean;
  /** Word report: the photo attachments to show in 六、现场照片 (none: no such section). */
  photoIds?: readonly string[];
};

export type ExportPhase = 'reading' | 'computing' | 'building' | 'done';
/** `files`: files (blobs or photos) read so far, while a ZIP backup or a report's photos are read. */
export type ExportProgress = {
  phase: ExportPhase;
  percent: number;
  files?: { done: number; total: number };
};

export type BuiltExport = {
  fileName: string;
  mimeType: string;
  format: ExportFormat;
  bytes: Uint8Array<ArrayBuffer>;
};

const tripMissing = (tripId: string) =>
  new ExportJobError('trip-missing', `Trip ${tripId} is not on this device`);

/** Building is the long part; its share of the bar runs from 45% to 95%. */
const building = (fraction: number): ExportProgress => ({
  phase: 'building',
  percent: Math.round(45 + Math.min(1, Math.max(0, fraction)) * 50),
});

/** The backup's name with .zip for .json: "璧山区专家服务活动-备份-2025-06-25.zip". */
const zipName = (jsonName: string) => jsonName.replace(/\.json$/, '.zip');

export async function runExportJob(
  job: ExportJob,
  db: AppDatabase,
  onProgress: (progress: ExportProgress) => void,
): Promise<BuiltExport> {
  const finish = (
    bytes: Uint8Array<ArrayBuffer>,
    name: { title: string; region: string; endDate: string },
  ) => {
    onProgress({ phase: 'done', percent: 100 });
    return {
      fileName: reportFileName(name, job.format, job.lang),
      mimeType: MIME_TYPE[job.format],
      format: job.format,
      bytes,
    };
  };

  onProgress({ phase: 'reading', percent: 5 });
  if (job.format === 'json') {
    const trip = await db.trips.get(job.tripId);
    if (!trip || trip._deleted === 1) throw tripMissing(job.tripId);
    let backup: Awaited<ReturnType<typeof createTripBackup>>;
    try {
      backup = await createTripBackup(db, job.tripId, job.exportedAt);
    } catch (error) {
      throw error instanceof TripNotOnDeviceError ? tripMissing(job.tripId) : error;
    }
    if (!job.includeFiles) {
      onProgress(building(0.5));
      return finish(new TextEncoder().encode(serializeBackup(backup)), trip);
    }
    // Reading the files is the long part of a ZIP backup: 10% → 80%, counted per file.
    const files = await collectBackupFiles(db, backup, (done, total) =>
      onProgress({
        phase: 'reading',
        percent: Math.round(10 + (total === 0 ? 1 : done / total) * 70),
        files: { done, total },
      }),
    );
    const bytes = await packBackupZip(backup, files, (f) =>
      onProgress({ phase: 'building', percent: Math.round(80 + f * 15) }),
    );
    return {
      ...finish(bytes, trip),
      fileName: zipName(reportFileName(trip, 'json', job.lang)),
      mimeType: 'application/zip',
    };
  }

  const input = await loadReportInput(db, job.tripId, job.today);
  if (!input) throw tripMissing(job.tripId);
  onProgress({ phase: 'computing', percent: 30 });
  const report = computeTripReport(input);
  onProgress(building(0));

  let bytes: Uint8Array<ArrayBuffer>;
  switch (job.format) {
    case 'docx': {
      const photos =
        job.photoIds && job.photoIds.length > 0
          ? await loadReportPhotos(
              db,
              job.tripId,
              job.photoIds,
              report.hosts.map((h) => h.hostId),
              (done, total) =>
                onProgress({ ...building((done / Math.max(total, 1)) * 0.6), files: { done, total } }),
            )
          : [];
      bytes = await buildReportDocx(report, job.lang, photos);
      break;
    }
    case 'xlsx':
      bytes = await buildReportXlsx(report, input, job.lang, (f) => onProgress(building(f)));
      break;
    case 'csv': {
      const files = buildCsvFiles(input, job.lang);
      onProgress(building(0.3));
      bytes = await zipCsvFiles(files, new Date(job.exportedAt), (f) => onProgress(building(0.3 + f * 0.7)));
      break;
    }
  }
  return finish(bytes, input.trip);
}
