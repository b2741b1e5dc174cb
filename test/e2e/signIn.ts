import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SyncWorld } from '../integration/syncWorld';

/** Signs `username` in from the sync page, as a person would, and waits until the first sync is done. */
export async function signIn(page: Page, appUrl: string, world: SyncWorld, username: string): Promise<void> {
  await page.goto(`${appUrl}#/sync`);
  await page.getByLabel('服务器地址').fill(world.proxyUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(world.accounts.get(username)?.password ?? '');
  await page.getByRole('button', { name: '登录并同步' }).click();
  await expect
    .poll(() => page.getByRole('button', { name: '立即同步' }).isVisible(), { timeout: 20_000 })
    .toBe(true);
}
