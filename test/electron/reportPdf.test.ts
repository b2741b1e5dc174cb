import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/origin';
import {
  PRINT_PAGE_PROBE,
  type PrintWindow,
  printWindowOptions,
  type ReportPdfDeps,
  reportPrintUrl,
  saveReportPdf,
} from '../../electron/reportPdf';
import { saveReportPdfRequestSchema } from '../../shared/ipc/contract';
import type { ElectronReportPdfOptions } from '../../shared/report/pdf';

const TRIP_ID = '0190a0b0-0000-7000-8000-000000000001';
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]); // "%PDF-"

/**
 * A stand-in for the hidden BrowserWindow: the page answers the probe with the given states in turn
 * (the last one repeats), as a page that is still loading and then renders would.
 */
function fakeWindow(states: unknown[], options: { loadError?: Error } = {}) {
  const calls = {
    loaded: [] as string[],
    printed: [] as ElectronReportPdfOptions[],
    probes: 0,
    destroyed: 0,
  };
  const window: PrintWindow = {
    loadURL: async (url) => {
      calls.loaded.push(url);
      if (options.loadError) throw options.loadError;
    },
    probe: async () => states[Math.min(calls.probes++, states.length - 1)],
    printToPDF: async (pdfOptions) => {
      calls.printed.push(pdfOptions);
      return PDF;
    },
    destroy: () => {
      calls.destroyed += 1;
    },
  };
  return { window, calls };
}

const ready = (title = '2025年成渝专家团“走进璧山”', lang = 'zh-CN') => ({ state: '1', title, lang });
const loading = { state: '', title: '专家行', lang: 'zh-CN' };

describe('saveReportPdf', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'expert-trips-pdf-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Deps with a virtual clock, so waiting costs no real time. */
  function deps(window: PrintWindow, over: Partial<ReportPdfDeps> = {}) {
    let clock = 0;
    const showSaveDialog = vi.fn(async (_options: SaveDialogOptions) => ({
      canceled: false,
      filePath: path.join(dir, 'chosen.pdf'),
    }));
    const all: ReportPdfDeps = {
      openWindow: () => window,
      entryUrl: APP_ENTRY_URL,
      showSaveDialog,
      defaultDirectory: '/home/u/Documents',
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      timeoutMs: 5_000,
      pollMs: 100,
      ...over,
    };
    return { deps: all, showSaveDialog };
  }
  const request = { tripId: TRIP_ID, suggestedName: '走进璧山-工作总结.pdf' };

  it('renders the print route, waits until it is ready, prints with the header and footer, then saves', async () => {
    const { window, calls } = fakeWindow([loading, loading, ready('A & <B>')]);
    const { deps: d, showSaveDialog } = deps(window);
    const result = await saveReportPdf(request, d);

    const target = path.join(dir, 'chosen.pdf');
    expect(result).toEqual({ saved: true, path: target });
    expect([...(await readFile(target))]).toEqual([...PDF]);
    expect(await readdir(dir)).toEqual(['chosen.pdf']);
    expect(calls.loaded).toEqual([`app://bundle/index.html#/trips/${TRIP_ID}/report/print`]);
    expect(calls.probes).toBe(3);
    const [printed] = calls.printed;
    expect(printed?.pageSize).toBe('A4');
    expect(printed?.displayHeaderFooter).toBe(true);
    expect(printed?.headerTemplate).toContain('A &amp; &lt;B&gt;');
    expect(printed?.footerTemplate).toContain('第 <span class="pageNumber"></span> 页');
    expect(printed?.footerTemplate).toContain('共 <span class="totalPages"></span> 页');
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join('/home/u/Documents', '走进璧山-工作总结.pdf'),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    expect(calls.destroyed).toBe(1);
  });

  it('writes the header and footer in English when the app is in English', async () => {
    const { window, calls } = fakeWindow([ready('Bishan', 'en')]);
    await saveReportPdf(request, deps(window).deps);
    expect(calls.printed[0]?.footerTemplate).toMatch(/Page <span class="pageNumber"><\/span> of/);
    expect(calls.printed[0]?.headerTemplate).toContain('Expert service trip report');
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const { window, calls } = fakeWindow([ready()]);
    const writeFile = vi.fn();
    const { deps: d } = deps(window, {
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      writeFile,
    });
    await expect(saveReportPdf(request, d)).resolves.toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
    expect(calls.destroyed).toBe(1);
  });

  it('says the trip is missing, without asking where to save', async () => {
    const { window, calls } = fakeWindow([loading, { state: 'missing', title: '', lang: 'zh-CN' }]);
    const { deps: d, showSaveDialog } = deps(window);
    await expect(saveReportPdf(request, d)).rejects.toThrow(/^\[report-missing\]/);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(calls.printed).toEqual([]);
    expect(calls.destroyed).toBe(1);
  });

  it('gives up after the time limit when the page never gets ready (or answers nonsense)', async () => {
    const { window, calls } = fakeWindow([null, 'garbage', loading]);
    const { deps: d, showSaveDialog } = deps(window);
    await expect(saveReportPdf(request, d)).rejects.toThrow(/^\[report-timeout\]/);
    // 5 s at 100 ms a poll: about 50 probes, not one and not forever.
    expect(calls.probes).toBeGreaterThan(40);
    expect(calls.probes).toBeLessThan(60);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(calls.destroyed).toBe(1);
  });

  it('reports a page that did not load, and still closes the window', async () => {
    const { window, calls } = fakeWindow([ready()], { loadError: new Error('ERR_FILE_NOT_FOUND') });
    await expect(saveReportPdf(request, deps(window).deps)).rejects.toThrow(
      /^\[report-load-failed\].*ERR_FILE_NOT_FOUND/,
    );
    expect(calls.probes).toBe(0);
    expect(calls.destroyed).toBe(1);
  });

  it('closes the window when printing fails', async () => {
    const { window, calls } = fakeWindow([ready()]);
    window.printToPDF = async () => {
      throw new Error('Print job failed');
    };
    await expect(saveReportPdf(request, deps(window).deps)).rejects.toThrow('Print job failed');
    expect(calls.destroyed).toBe(1);
  });
});

describe('the print window and its URL', () => {
  it('puts the print route under the entry URL, for the bundle and the dev server', () => {
    expect(reportPrintUrl(APP_ENTRY_URL, TRIP_ID)).toBe(
      `app://bundle/index.html#/trips/${TRIP_ID}/report/print`,
    );
    expect(reportPrintUrl('http://localhost:5173/', TRIP_ID)).toBe(
      `http://localhost:5173/#/trips/${TRIP_ID}/report/print`,
    );
  });

  it('is hidden, has no preload and keeps every security switch of the main window', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      backgroundThrottling: false,
    });
  });

  it('probes readiness, title and language without side effects', () => {
    expect(PRINT_PAGE_PROBE).toContain('dataset.reportReady');
    expect(PRINT_PAGE_PROBE).toContain('document.title');
    expect(PRINT_PAGE_PROBE).not.toMatch(/=(?!=)[^=]/); // reads only: no assignment
  });
});

describe('report:savePdf request', () => {
  it('takes a trip id and a bare .pdf file name only', () => {
    const ok = (payload: unknown) => saveReportPdfRequestSchema.safeParse(payload).success;
    expect(ok({ tripId: TRIP_ID, suggestedName: '走进璧山-工作总结.pdf' })).toBe(true);
    expect(ok({ tripId: TRIP_ID, suggestedName: 'REPORT.PDF' })).toBe(true);
    expect(ok({ tripId: TRIP_ID, suggestedName: 'report.docx' })).toBe(false);
    expect(ok({ tripId: TRIP_ID, suggestedName: '../report.pdf' })).toBe(false);
    expect(ok({ tripId: '../../etc/passwd', suggestedName: 'a.pdf' })).toBe(false);
    expect(ok({ tripId: TRIP_ID, suggestedName: 'a.pdf', url: 'https://evil.example' })).toBe(false);
  });
});
