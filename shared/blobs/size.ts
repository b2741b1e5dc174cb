/**
 * File and storage sizes in words for messages and the UI ("72 MB", "9.5 GB"): the one formatter of the
 * app, the server's refusals included. Binary units, written KB/MB like the file managers people compare
 * with. `roundUp` is for a size that exceeds a limit: 50 MB plus a few bytes must not read "50 MB", the
 * same as the limit it broke.
 */
const UNITS = [
  { unit: 'TB', bytes: 1024 ** 4 },
  { unit: 'GB', bytes: 1024 ** 3 },
  { unit: 'MB', bytes: 1024 * 1024 },
  { unit: 'KB', bytes: 1024 },
] as const;

export function formatByteSize(bytes: number, roundUp = false): string {
  for (const { unit, bytes: size } of UNITS) {
    if (bytes >= size) {
      const value = bytes / size;
      const tenths = roundUp ? Math.ceil(value * 10) / 10 : Math.round(value * 10) / 10;
      return `${tenths} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
