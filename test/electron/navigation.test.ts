import { describe, expect, it, vi } from 'vitest';
import {
  attachNavigationGuards,
  decideNavigation,
  decideWindowOpen,
  type GuardableContents,
  type NavigationEvent,
  type PreventableEvent,
} from '../../electron/navigation';
import { isAppUrl } from '../../electron/origin';
import { decidePermission } from '../../electron/permissions';

const prodIsApp = (url: string) => isAppUrl(url);
const devIsApp = (url: string) => isAppUrl(url, { devServerUrl: 'http://localhost:5173/' });

describe('decideWindowOpen', () => {
  it('always denies a new window', () => {
    for (const url of [
      'https://example.com',
      'app://bundle/index.html',
      'about:blank',
      'javascript:alert(1)',
    ]) {
      expect(decideWindowOpen(url).action).toBe('deny');
    }
  });

  it('opens only http and https links in the system browser', () => {
    expect(decideWindowOpen('https://example.com/a?b=c')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('http://example.com')).toEqual({ action: 'deny', openExternally: true });
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:a@b.c',
      'app://bundle/index.html',
      'data:text/html,<script>1</script>',
      'not a url',
      '',
    ]) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny', openExternally: false });
    }
  });
});

describe('decideNavigation', () => {
  it('allows navigation within the app bundle only', () => {
    expect(decideNavigation('app://bundle/index.html', prodIsApp).allow).toBe(true);
    expect(decideNavigation('app://bundle/trips/1', prodIsApp).allow).toBe(true);
  });

  it('blocks every foreign navigation', () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/', // the dev server is not trusted in production
      'file:///etc/passwd',
      'app://other/index.html',
      'app://user@bundle/index.html',
      'javascript:alert(1)',
      'about:blank',
      'chrome://settings',
    ]) {
      expect(decideNavigation(url, prodIsApp).allow, url).toBe(false);
    }
  });

  it('trusts the dev server origin only in dev mode, and only that origin', () => {
    expect(decideNavigation('http://localhost:5173/trips', devIsApp).allow).toBe(true);
    expect(decideNavigation('http://localhost:5174/', devIsApp).allow).toBe(false);
    expect(decideNavigation('https://localhost:5173/', devIsApp).allow).toBe(false);
  });

  it('hands blocked web links to the system browser, nothing else', () => {
    expect(decideNavigation('https://example.com', prodIsApp)).toEqual({
      allow: false,
      openExternally: true,
    });
    expect(decideNavigation('file:///etc/passwd', prodIsApp)).toEqual({
      allow: false,
      openExternally: false,
    });
  });
});

class FakeContents implements GuardableContents {
  readonly listeners = new Map<string, (event: NavigationEvent & PreventableEvent) => void>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;

  on(event: string, listener: (event: NavigationEvent) => void): this {
    this.listeners.set(event, listener);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  fire(eventName: string, url: string): boolean {
    let prevented = false;
    this.listeners.get(eventName)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

describe('attachNavigationGuards', () => {
  function setup() {
    const contents = new FakeContents();
    const openExternal = vi.fn();
    attachNavigationGuards(contents, { isAppUrl: prodIsApp, openExternal });
    return { contents, openExternal };
  }

  it('cancels navigation and redirects away from the app', () => {
    const { contents, openExternal } = setup();
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');
  });

  it('lets in-app navigation through untouched', () => {
    const { contents, openExternal } = setup();
    expect(contents.fire('will-navigate', 'app://bundle/index.html')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses webviews', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview', '')).toBe(true);
  });

  it('denies window.open and opens only web links externally', () => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com']]);
  });
});

describe('decidePermission', () => {
  it('grants only clipboard writes, and only to the app', () => {
    expect(decidePermission('clipboard-sanitized-write', 'app://bundle/index.html', prodIsApp)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/', prodIsApp)).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fileSystem',
    ]) {
      expect(decidePermission(permission, 'app://bundle/index.html', prodIsApp), permission).toBe(false);
    }
  });
});
