/**
 * Where missing bytes come from. The device-side core knows only its own store; the sync helper plugs
 * its downloader in here (setBlobFetcher) without this module depending on the network code. A fetcher
 * resolves true when it stored the blob (useBlobUrl then reads it again), false when it could not
 * (offline, not uploaded yet): the placeholder stays, never an error.
 */
export type BlobFetcher = (hash: string, tripId: string) => Promise<boolean>;

let current: BlobFetcher | undefined;
/** Fetches in flight by hash, so twenty thumbnails of one photo ask the server once. */
const inFlight = new Map<string, Promise<boolean>>();

export function setBlobFetcher(fetcher: BlobFetcher | undefined): void {
  current = fetcher;
  inFlight.clear();
}

export function fetchMissingBlob(hash: string, tripId: string): Promise<boolean> {
  const fetcher = current;
  if (!fetcher) return Promise.resolve(false);
  let running = inFlight.get(hash);
  if (!running) {
    running = fetcher(hash, tripId)
      .catch(() => false)
      .finally(() => inFlight.delete(hash));
    inFlight.set(hash, running);
  }
  return running;
}
