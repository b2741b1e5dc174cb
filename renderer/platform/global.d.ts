import type { ExpertTripsBridge } from '../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app, put there by electron/preload.ts. */
    readonly expertTrips?: ExpertTripsBridge;
  }
}
