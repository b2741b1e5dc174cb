/**
 * `report:savePdf`: the trip report as a PDF, made by the main process.
 *
 * Main (not the page) renders the PDF because only `webContents.printToPDF` gives the header with the trip
 * title and the "第 N 页 / 共 M 页" footer, with no print dialog. Steps, each of which can fail on its own:
 * 1. a hidden window of our own origin loads the print route built here from the trip id (the page cannot
 *    point main at any other URL); it has no preload, since it needs no bridge;
 * 2. main polls the page until it says the report is rendered (`data-report-ready`), or that the trip is
 *    not on this device, or the time is up;
 * 3. printToPDF with the options shared with the end-to-end test (shared/report/pdf.ts);
 * 4. only then the save dialog (a failure above never makes the user pick a place first), and an atomic
 *    write, so a crash leaves the old file or the new one, never half a PDF.
 * The hidden window is destroyed whatever happens.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { z } from 'zod';
import type { SaveFileResult, SaveReportPdfRequest } from '../shared/ipc/contract';
import {
  type ElectronReportPdfOptions,
  electronReportPdfOptions,
  REPORT_MISSING,
  REPORT_READY,
  reportPrintRoute,
} from '../shared/report/pdf';
import { writeFileAtomic } from './atomicWrite';
import { createWindowOptions } from './windowOptions';

/** What the page tells main: readiness, and the title and language the header is written in. */
export const PRINT_PAGE_PROBE =
  "({ state: (document.body && document.body.dataset.reportReady) || '', " +
  'title: document.title, lang: document.documentElement.lang })';

const probeSchema = z.object({ state: z.string(), title: z.string(), lang: z.string() });

/** The slice of a hidden BrowserWindow the PDF maker uses (a fake in tests). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  /** Runs PRINT_PAGE_PROBE in the page. */
  probe(): Promise<unknown>;
  printToPDF(options: ElectronReportPdfOptions): Promise<Uint8Array>;
  destroy(): void;
}

export interface ReportPdfDeps {
  /** Creates the hidden window (with printWindowOptions()). */
  readonly openWindow: () => PrintWindow;
  /** The app's entry URL: app://bundle/index.html, or the dev server while developing. */
  readonly entryUrl: string;
  /** dialog.showSaveDialog, bound to the asking window by the caller. */
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  readonly defaultDirectory: string;
  /** Injected for tests; default: the atomic writer. */
  readonly writeFile?: (filePath: string, data: Uint8Array) => Promise<void>;
  /** How long the page may take to render the report; a big trip on a slow laptop needs a while. */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export type ReportPdfErrorCode = 'report-load-failed' | 'report-missing' | 'report-timeout';

/** The code leads the message (`[report-missing] …`): IPC keeps only the message, the page reads the code. */
export class ReportPdfError extends Error {
  override readonly name = 'ReportPdfError';
  constructor(
    readonly code: ReportPdfErrorCode,
    detail: string,
  ) {
    super(`[${code}] ${detail}`);
  }
}

/** The print route of a trip under the app's entry URL (hash routing). */
export function reportPrintUrl(entryUrl: string, tripId: string): string {
  const url = new URL(entryUrl);
  url.hash = reportPrintRoute(tripId);
  return url.href;
}

/**
 * The hidden window: the main window's security settings, no preload (the print page needs no bridge),
 * A4-ish width so the layout is the paper's, and no background throttling, which would stall a page
 * nobody looks at.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  const {
    minWidth: _minWidth,
    minHeight: _minHeight,
    webPreferences,
    ...base
  } = createWindowOptions({
    preloadPath: '',
    isDev: false,
  });
  const { preload: _noPreload, ...secure } = webPreferences ?? {};
  return {
    ...base,
    show: false,
    width: 900,
    height: 1200,
    webPreferences: { ...secure, backgroundThrottling: false },
  };
}

export async function saveReportPdf(
  request: SaveReportPdfRequest,
  deps: ReportPdfDeps,
): Promise<SaveFileResult> {
  const pdf = await renderReportPdf(request.tripId, deps);
  const { canceled, filePath } = await deps.showSaveDialog({
    defaultPath: path.join(deps.defaultDirectory, request.suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (canceled || !filePath) return { saved: false };
  await (deps.writeFile ?? writeFileAtomic)(filePath, pdf);
  return { saved: true, path: filePath };
}

export async function renderReportPdf(tripId: string, deps: ReportPdfDeps): Promise<Uint8Array> {
  const window = deps.openWindow();
  try {
    try {
      await window.loadURL(reportPrintUrl(deps.entryUrl, tripId));
    } catch (error) {
      throw new ReportPdfError('report-load-failed', `the print page did not load: ${String(error)}`);
    }
    const page = await waitForReport(window, deps);
    return await window.printToPDF(electronReportPdfOptions(page));
  } finally {
    window.destroy();
  }
}

async function waitForReport(
  window: PrintWindow,
  deps: ReportPdfDeps,
): Promise<{ title: string; lang: 'zh-CN' | 'en' }> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  const deadline = now() + (deps.timeoutMs ?? 60_000);
  for (;;) {
    const probe = probeSchema.safeParse(await window.probe());
    if (probe.success && probe.data.state === REPORT_READY) {
      return { title: probe.data.title, lang: probe.data.lang.startsWith('en') ? 'en' : 'zh-CN' };
    }
    if (probe.success && probe.data.state === REPORT_MISSING) {
      throw new ReportPdfError('report-missing', 'the trip is not on this device');
    }
    if (now() >= deadline) throw new ReportPdfError('report-timeout', 'the report did not finish rendering');
    await sleep(deps.pollMs ?? 200);
  }
}
