/**
 * What the renderer may ask of its host. The same React build runs inside Electron (backed by the preload
 * bridge) and as a plain web page (the e2e tests in Chromium, an organiser in a browser); screens talk to
 * this interface only and never check which one they got, except through `kind` where behaviour must
 * differ (e.g. keyboard shortcuts that the native menu already owns in Electron).
 */
import type {
  AppInfo,
  Language,
  MenuCommand,
  SaveFileRequest,
  SaveFileResult,
} from '../../shared/ipc/contract';

export type { AppInfo, Language, MenuCommand, SaveFileRequest, SaveFileResult };

export interface Platform {
  readonly kind: 'electron' | 'web';
  getInfo(): Promise<AppInfo>;
  /**
   * Lets the user save a file. Electron: a native save dialog, `saved` false if cancelled. Web: a browser
   * download, reported as saved because the page cannot know what the user did with it.
   */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Tells the host the UI language (Electron rebuilds its native menu). */
  setLanguage(lang: Language): Promise<void>;
  getToken(serverUrl: string): Promise<string | null>;
  setToken(serverUrl: string, token: string): Promise<void>;
  clearToken(serverUrl: string): Promise<void>;
  /**
   * Prints a trip's report. Electron: renders it to a PDF with the trip title in the page header and page
   * numbers in the footer, then a save dialog (`saved` false if cancelled, `path` where it went). Web: the
   * browser's print dialog over the print layout, where "Save as PDF" is one of the printers; reported as
   * saved without a path, because the page cannot know what the user chose.
   */
  printReportPdf(tripId: string, suggestedName: string): Promise<SaveFileResult>;
  /** Opens an http(s) link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<void>;
  /** Native menu clicks (Electron only; the web build never emits). Returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/**
 * A refusal or failure reported by the host. `code` is the main process's rejection code when there is
 * one (`invalid-payload`, `untrusted-sender`, `encryption-unavailable`, ...).
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
