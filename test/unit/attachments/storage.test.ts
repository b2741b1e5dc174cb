import { describe, expect, it } from 'vitest';
import { storageBudget, storageStatus } from '../../../renderer/attachments/storage';

describe('storage status', () => {
  it('warns from 85% and says nothing when the browser cannot tell', async () => {
    expect(await storageStatus(async () => ({ usage: 80, quota: 100 }))).toEqual({
      usage: 80,
      quota: 100,
      ratio: 0.8,
      warning: false,
    });
    expect((await storageStatus(async () => ({ usage: 85, quota: 100 }))).warning).toBe(true);
    expect(await storageStatus(async () => undefined)).toEqual({
      usage: 0,
      quota: 0,
      ratio: 0,
      warning: false,
    });
  });

  it('budgets a batch against 95% of the quota', async () => {
    const budget = await storageBudget(async () => ({ usage: 900, quota: 1000 }));
    expect(budget.fits(50)).toBe(true);
    budget.take(40);
    expect(budget.fits(10)).toBe(true);
    expect(budget.fits(11)).toBe(false);
  });
});
