/**
 * Keeping the window on the app. A page that navigates elsewhere (a link without target, a compromised
 * script) would run foreign content next to our preload bridge, so every navigation away from the app
 * origin is cancelled, and window.open never creates a window. Web links are handed to the system
 * browser instead, because that is what a user clicking them expects.
 */
import { isHttpUrl } from '../shared/ipc/channels';

export interface WindowOpenDecision {
  readonly action: 'deny';
  readonly openExternally: boolean;
}

/** window.open / target=_blank: never a new Electron window; only http(s) goes to the system browser. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isHttpUrl(url) };
}

export interface NavigationDecision {
  readonly allow: boolean;
  readonly openExternally: boolean;
}

/** will-navigate / will-redirect: stay inside the app origin or go nowhere. */
export function decideNavigation(url: string, isAppUrl: (url: string) => boolean): NavigationDecision {
  if (isAppUrl(url)) return { allow: true, openExternally: false };
  return { allow: false, openExternally: isHttpUrl(url) };
}

/** The few event fields the guards read; Electron's event objects carry them. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The slice of Electron's WebContents the guards attach to (a fake in tests). */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  readonly isAppUrl: (url: string) => boolean;
  /** Opens an http(s) URL in the system browser (shell.openExternal). */
  readonly openExternal: (url: string) => void;
}

export function attachNavigationGuards(contents: GuardableContents, options: NavigationGuardOptions): void {
  const guard = (event: NavigationEvent): void => {
    const decision = decideNavigation(event.url, options.isAppUrl);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally) options.openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  // <webview> is disabled in webPreferences; refusing here as well covers any window created elsewhere.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) options.openExternal(url);
    return { action: decision.action };
  });
}
