// @vitest-environment jsdom
/** Platform.printReportPdf: the desktop goes through report:savePdf, the browser prints a hidden frame. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronPlatform } from '../../renderer/platform/electronPlatform';
import { PlatformError } from '../../renderer/platform/platform';
import { printRouteInFrame } from '../../renderer/platform/printFrame';
import { createWebPlatform } from '../../renderer/platform/webPlatform';
import type { ExpertTripsBridge } from '../../shared/ipc/bridge';

const TRIP_ID = '0190a0b0-0000-7000-8000-000000000001';

afterEach(() => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
  vi.useRealTimers();
});

describe('desktop', () => {
  it('asks main for the PDF with the trip id and file name, and passes back where it went', async () => {
    const saveReportPdf = vi.fn(async () => ({ saved: true, path: '/home/u/Documents/r.pdf' }));
    const platform = createElectronPlatform({ saveReportPdf } as unknown as ExpertTripsBridge);
    await expect(platform.printReportPdf(TRIP_ID, 'r.pdf')).resolves.toEqual({
      saved: true,
      path: '/home/u/Documents/r.pdf',
    });
    expect(saveReportPdf).toHaveBeenCalledWith({ tripId: TRIP_ID, suggestedName: 'r.pdf' });
  });

  it('turns a refusal from main into an error with its code', async () => {
    const saveReportPdf = vi.fn(async () => {
      throw new Error(
        "Error invoking remote method 'report:savePdf': ReportPdfError: [report-missing] the trip is not on this device",
      );
    });
    const platform = createElectronPlatform({ saveReportPdf } as unknown as ExpertTripsBridge);
    const error = await platform.printReportPdf(TRIP_ID, 'r.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'report-missing' });
  });
});

describe('browser', () => {
  it('prints the trip’s print route', async () => {
    const printRoute = vi.fn(async () => undefined);
    const platform = createWebPlatform({ printRoute });
    await expect(platform.printReportPdf(TRIP_ID, 'ignored.pdf')).resolves.toEqual({ saved: true });
    expect(printRoute).toHaveBeenCalledWith(`/trips/${TRIP_ID}/report/print`);
  });

  /**
   * jsdom does not load the app into the frame (its document stays without a body); the test plays the
   * print page's part by giving it one and setting the ready flag on it.
   */
  function frameWindow(): Window {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-print-frame]');
    if (!frame?.contentWindow) throw new Error('no print frame');
    const doc = frame.contentWindow.document;
    if (!doc.body)
      (doc.documentElement ?? doc.appendChild(doc.createElement('html'))).append(doc.createElement('body'));
    return frame.contentWindow;
  }
  const bodyOf = (win: Window) => win.document.body as HTMLElement;

  it('loads the route in a hidden frame, waits for the report, prints it and removes the frame after', async () => {
    const printing = printRouteInFrame('/trips/x/report/print', { pollMs: 5 });
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-print-frame]');
    expect(frame?.src).toMatch(/#\/trips\/x\/report\/print$/);
    expect(frame?.getAttribute('aria-hidden')).toBe('true');
    const win = frameWindow();
    const print = vi.fn();
    win.print = print;
    await new Promise((ok) => setTimeout(ok, 20));
    expect(print).not.toHaveBeenCalled(); // not before the report is on the page
    bodyOf(win).dataset.reportReady = '1';
    await printing;
    expect(print).toHaveBeenCalledTimes(1);
    expect(document.querySelector('iframe[data-print-frame]')).not.toBeNull();
    win.dispatchEvent(new Event('afterprint'));
    expect(document.querySelector('iframe[data-print-frame]')).toBeNull();
  });

  it('fails clearly when the trip is missing or the report never renders, leaving no frame behind', async () => {
    const missing = printRouteInFrame('/trips/x/report/print', { pollMs: 5 });
    bodyOf(frameWindow()).dataset.reportReady = 'missing';
    await expect(missing).rejects.toMatchObject({ code: 'report-missing' });
    expect(document.querySelector('iframe')).toBeNull();

    await expect(
      printRouteInFrame('/trips/x/report/print', { pollMs: 5, timeoutMs: 30 }),
    ).rejects.toMatchObject({
      code: 'report-timeout',
    });
    expect(document.querySelector('iframe')).toBeNull();
  });
});
