import { useCallback, useRef, useState } from 'react';
import type { BackupProblem, TripBackup } from '../../shared/backup/format';
import type { BackupFiles } from '../../shared/backup/zip';
import { getDb } from '../db/database';
import { applyBackup, type ImportProgress, type ImportSummary, readBackupSource } from './importBackup';
import { previewImport, type TableOutcome } from './planImport';

/**
 * The steps of importing a backup file: read and check it (nothing written), show what it holds, import
 * on confirmation, show the result. A refusal at any step is a message; the device is unchanged.
 */
export type TripPresence = 'absent' | 'present' | 'deleted';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; files?: { done: number; total: number } }
  | {
      kind: 'preview';
      fileName: string;
      backup: TripBackup;
      onDevice: TripPresence;
      expected: TableOutcome;
      /** A ZIP backup's verified files. */
      files?: BackupFiles;
    }
  | { kind: 'importing'; fileName: string; backup: TripBackup; progress: ImportProgress }
  | { kind: 'done'; fileName: string; summary: ImportSummary; tripLive: boolean }
  | { kind: 'refused'; fileName: string; refusal: Refusal };

/** Why nothing was imported: a problem with the file, or a failure while reading or writing it. */
export type Refusal =
  | { kind: 'problem'; problem: BackupProblem }
  | { kind: 'readFailed'; message: string }
  | { kind: 'failed'; message: string };

/** Far beyond any trip (a large one is a few MB); refusing early keeps a wrong pick from freezing the app. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function readBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  // Older engines (and jsdom) lack Blob.arrayBuffer: FileReader does the same.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(file);
  });
}

async function presenceOf(tripId: string): Promise<TripPresence> {
  const row = await getDb().trips.get(tripId);
  if (!row) return 'absent';
  return row._deleted === 1 ? 'deleted' : 'present';
}

export function useBackupImport() {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  // A file picked while another is still being read wins; the stale read must not overwrite it.
  const generation = useRef(0);

  const start = useCallback(async (file: File) => {
    const mine = ++generation.current;
    const fileName = file.name;
    const current = () => generation.current === mine;
    setStep({ kind: 'reading', fileName });
    if (file.size > MAX_BACKUP_BYTES) {
      setStep({ kind: 'refused', fileName, refusal: { kind: 'problem', problem: { code: 'not_backup' } } });
      return;
    }
    try {
      const bytes = await readBytes(file);
      const parsed = await readBackupSource(new Uint8Array(bytes), (done, total) => {
        if (current()) setStep({ kind: 'reading', fileName, files: { done, total } });
      });
      if (!current()) return;
      if (!parsed.ok) {
        setStep({ kind: 'refused', fileName, refusal: { kind: 'problem', problem: parsed.problem } });
        return;
      }
      // Refusals that depend on this device (an id in another trip, a clock far behind) show up now,
      // before the user confirms, together with what the import would change.
      const plan = await previewImport(getDb(), parsed.backup);
      if (!current()) return;
      if (!plan.ok) {
        setStep({ kind: 'refused', fileName, refusal: { kind: 'problem', problem: plan.problem } });
        return;
      }
      const onDevice = await presenceOf(parsed.backup.trip.id);
      if (current())
        setStep({
          kind: 'preview',
          fileName,
          backup: parsed.backup,
          onDevice,
          expected: plan.total,
          ...(parsed.files ? { files: parsed.files } : {}),
        });
    } catch (error) {
      if (current())
        setStep({ kind: 'refused', fileName, refusal: { kind: 'readFailed', message: messageOf(error) } });
    }
  }, []);

  const confirm = useCallback(async () => {
    if (step.kind !== 'preview') return;
    const mine = ++generation.current;
    const { fileName, backup, files } = step;
    const progress: ImportProgress = { phase: 'writing', done: 0, total: 0 };
    setStep({ kind: 'importing', fileName, backup, progress });
    try {
      const result = await applyBackup(getDb(), backup, {
        ...(files ? { files } : {}),
        onProgress: (p) => {
          if (generation.current === mine) setStep({ kind: 'importing', fileName, backup, progress: p });
        },
      });
      if (generation.current !== mine) return;
      if (result.ok) {
        // The device may hold a newer delete of the trip than the file: ask it, not the file.
        const tripLive = (await presenceOf(backup.trip.id)) === 'present';
        if (generation.current !== mine) return;
        setStep({ kind: 'done', fileName, summary: result.summary, tripLive });
      } else {
        setStep({ kind: 'refused', fileName, refusal: { kind: 'problem', problem: result.problem } });
      }
    } catch (error) {
      // The import runs in one transaction: a failure (disk full…) rolled everything back.
      if (generation.current === mine)
        setStep({ kind: 'refused', fileName, refusal: { kind: 'failed', message: messageOf(error) } });
    }
  }, [step]);

  const close = useCallback(() => {
    generation.current++;
    setStep({ kind: 'idle' });
  }, []);

  return { step, start, confirm, close };
}
