import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../renderer/sync/backoff';

describe('backoff delay', () => {
  it('doubles per attempt with half of it random, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay(30, () => 1)).toBe(60_000);
    expect(backoffDelay(30, () => 0)).toBe(30_000);
  });

  it('always lies between half the ceiling and the ceiling (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const ceiling = Math.min(60_000, 1_000 * 2 ** (n - 1));
        const d = backoffDelay(n, () => r);
        return d >= Math.floor(ceiling / 2) && d <= ceiling;
      }),
      { seed: 20250623 },
    );
  });

  it('spreads devices that failed together', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(5, random)));
    expect(delays.size).toBeGreaterThan(15);
  });
});
