/**
 * File sizes in words for messages ("72 MB"). Binary units, written KB/MB like the file managers
 * people compare with. `roundUp` is for a size that exceeds a limit: 50 MB plus a few bytes must not
 * read "50 MB", the same as the limit it broke.
 */
const UNITS = [
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
