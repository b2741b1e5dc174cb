import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../shared/enums';
import { useSettings } from '../state/settings';
import { ExportJobError } from './exportErrors';
import type { BuiltExport, ExportPhase } from './exportJob';
import type { ExportFormat } from './fileName';
import { buildExport, type ExportExtras, isAbortError, saveExport } from './runExport';

/**
 * The state of the export menu: one export at a time, from the button press through building (with
 * progress), the save dialog, to saved / cancelled / failed.
 *
 * A failure keeps the cause, not the sentence, so the message is worded in the language on screen
 * when it is shown. When the file was built but saving failed (a full disk, a read-only folder), the
 * bytes are kept so "Save again" does not build it a second time.
 */
export type ExportFailure =
  | { stage: 'build'; code: 'trip-missing' | 'worker-failed' | 'other'; detail: string }
  | { stage: 'save'; detail: string; built: BuiltExport };

export type ExportState =
  | { status: 'idle' }
  | {
      status: 'running';
      format: ExportFormat;
      phase: ExportPhase | 'saving';
      percent: number;
      files?: { done: number; total: number };
    }
  | { status: 'saved'; format: ExportFormat; fileName: string; path?: string }
  | { status: 'cancelled'; format: ExportFormat }
  | { status: 'failed'; format: ExportFormat; failure: ExportFailure };

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useExport(tripId: string) {
  // The save dialog speaks the UI's language, whatever language the file is written in.
  const uiLang = useSettings((s) => s.lang);
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  // Results of a run that was cancelled or replaced must not overwrite what is on screen now.
  const runId = useRef(0);

  useEffect(
    () => () => {
      runId.current += 1;
      controller.current?.abort();
    },
    [],
  );

  const save = useCallback(async (built: BuiltExport, lang: Lang, id: number) => {
    const current = () => id === runId.current;
    setState({ status: 'running', format: built.format, phase: 'saving', percent: 100 });
    try {
      const outcome = await saveExport(built, lang);
      if (!current()) return;
      setState(
        outcome.saved
          ? {
              status: 'saved',
              format: built.format,
              fileName: outcome.fileName,
              ...(outcome.path ? { path: outcome.path } : {}),
            }
          : { status: 'cancelled', format: built.format },
      );
    } catch (error) {
      if (!current()) return;
      setState({
        status: 'failed',
        format: built.format,
        failure: { stage: 'save', detail: detailOf(error), built },
      });
    }
  }, []);

  const start = useCallback(
    async (format: ExportFormat, lang: Lang, extras: ExportExtras = {}) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const id = ++runId.current;
      const current = () => id === runId.current;
      setState({ status: 'running', format, phase: 'reading', percent: 0 });
      let built: BuiltExport;
      try {
        built = await buildExport({
          tripId,
          format,
          lang,
          ...extras,
          signal: abort.signal,
          onProgress: ({ phase, percent, files }) => {
            if (current())
              setState({ status: 'running', format, phase, percent, ...(files ? { files } : {}) });
          },
        });
      } catch (error) {
        if (!current()) return;
        if (isAbortError(error)) {
          setState({ status: 'cancelled', format });
          return;
        }
        const code = error instanceof ExportJobError ? error.code : 'other';
        setState({ status: 'failed', format, failure: { stage: 'build', code, detail: detailOf(error) } });
        return;
      } finally {
        if (controller.current === abort) controller.current = null;
      }
      if (!current()) return;
      // Cancel pressed just as the file was finished: the user said stop, so nothing is saved.
      if (abort.signal.aborted) {
        setState({ status: 'cancelled', format });
        return;
      }
      await save(built, uiLang, id);
    },
    [tripId, save, uiLang],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  const saveAgain = useCallback(() => {
    if (state.status !== 'failed' || state.failure.stage !== 'save') return;
    void save(state.failure.built, uiLang, ++runId.current);
  }, [state, save, uiLang]);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, saveAgain, dismiss };
}
