import { REPORT_MISSING, REPORT_READY } from '../../shared/report/pdf';
import { PlatformError } from './platform';

/**
 * Printing a route of the app from a plain web page without leaving the screen the user is on: the route
 * loads in a hidden frame of the same origin (so it reads the same IndexedDB), says when its content is
 * rendered (`data-report-ready` on its body, as the desktop PDF maker also waits for), and the frame's own
 * `print()` opens the browser's print dialog over just that document.
 *
 * The frame is 0×0 rather than `display: none`: some browsers print a hidden frame as blank pages.
 */
export type PrintFrameOptions = {
  readonly timeoutMs?: number;
  readonly pollMs?: number;
};

const FRAME_ATTRIBUTE = 'data-print-frame';

export async function printRouteInFrame(route: string, options: PrintFrameOptions = {}): Promise<void> {
  // A frame left from an earlier print whose dialog never reported closing.
  for (const old of document.querySelectorAll(`iframe[${FRAME_ATTRIBUTE}]`)) old.remove();
  const frame = document.createElement('iframe');
  frame.setAttribute(FRAME_ATTRIBUTE, '');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 0; height: 0; border: 0;';
  const url = new URL(window.location.href);
  url.hash = route;
  frame.src = url.href;
  document.body.append(frame);
  let printing: Window;
  try {
    printing = await waitUntilReady(frame, options);
  } catch (error) {
    frame.remove();
    throw error;
  }
  printing.addEventListener('afterprint', () => frame.remove(), { once: true });
  printing.focus();
  printing.print();
}

async function waitUntilReady(frame: HTMLIFrameElement, options: PrintFrameOptions): Promise<Window> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const win = frame.contentWindow;
    // While the frame navigates, its document (or body) can be missing for a moment.
    const state = win?.document?.body?.dataset.reportReady;
    if (win && state === REPORT_READY) return win;
    if (state === REPORT_MISSING) {
      throw new PlatformError('[report-missing] the trip is not on this device', 'report-missing');
    }
    if (Date.now() >= deadline) {
      throw new PlatformError('[report-timeout] the report did not finish rendering', 'report-timeout');
    }
    await new Promise((ok) => setTimeout(ok, options.pollMs ?? 150));
  }
}
