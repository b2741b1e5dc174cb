import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './platform';
import { createWebPlatform } from './webPlatform';

export { createElectronPlatform, toPlatformError } from './electronPlatform';
export type { AppInfo, Language, MenuCommand, Platform, SaveFileRequest, SaveFileResult } from './platform';
export { PlatformError } from './platform';
export { createWebPlatform } from './webPlatform';

let current: Platform | undefined;

/** The host adapter: Electron when the preload exposed its bridge, the web stand-in otherwise. */
export function getPlatform(): Platform {
  current ??= detectPlatform(typeof window === 'undefined' ? undefined : window);
  return current;
}

export function detectPlatform(scope: Pick<Window, 'expertTrips'> | undefined): Platform {
  return scope?.expertTrips ? createElectronPlatform(scope.expertTrips) : createWebPlatform();
}

/** Tests (and storybook-like harnesses) may substitute a fake host. */
export function setPlatformForTesting(platform: Platform | undefined): void {
  current = platform;
}
