import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepArtifact } from '../unit/export/artifacts';
import { columnByLabel, readDocx, tableStartingWith } from '../unit/export/readBack';
import { ARTIFACTS, launchBrowser, serveDist, watchErrors } from './harness';

/**
 * Exports in real Chromium against the built renderer: the file is built in the module Web Worker
 * (Vite's bundle of renderer/export/export.worker.ts, with the browser builds of docx and exceljs), and
 * the web build hands it to the browser as a download. The downloaded bytes are read back.
 */
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];
const workers: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page = await context.newPage();
  errors = watchErrors(page);
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The top right of the page, where the menu opens: a full-page shot of the long report would hide it. */
async function menuShot(name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: join(ARTIFACTS, `${name}.png`),
    clip: { x: 566, y: 0, width: 800, height: 640 },
  });
}

async function download(
  format: 'docx' | 'xlsx',
  shotWhileRunning?: string,
): Promise<{ name: string; bytes: Uint8Array }> {
  if ((await page.getByTestId(`export-${format}`).count()) === 0)
    await page.getByTestId('export-open').click();
  const downloaded = page.waitForEvent('download');
  await page.getByTestId(`export-${format}`).click();
  if (shotWhileRunning) await menuShot(shotWhileRunning);
  const file = await downloaded;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

describe('exporting the demo trip in Chromium', () => {
  it('opens the report of the demo trip', async () => {
    await page.getByRole('button', { name: '加载演示活动' }).first().click();
    await expect.poll(() => page.getByTestId('figure-visits').textContent(), { timeout: 20_000 }).toBe('13');
    await page.getByRole('link', { name: '工作总结' }).click();
    await page.getByTestId('export-open').waitFor();
  });

  it('builds the Word report in the worker and downloads it', async () => {
    await page.getByTestId('export-open').click();
    await menuShot('export-menu-zh');
    const { name, bytes } = await download('docx');
    expect(name).toBe('璧山区专家服务活动-工作总结-2025-06-25.docx');
    await keepArtifact('e2e-report-zh.docx', bytes);
    expect(workers.some((url) => /export\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    const doc = await readDocx(bytes);
    expect(doc.text).toContain('技术指导5次、学术讲座8场、座谈交流13次');
    expect(columnByLabel(tableStartingWith(doc, '项目', '数量'), 1)).toMatchObject({ 惠及基层群众: '1645' });
    await expect.poll(() => page.getByTestId('export-status').textContent()).toContain(`已保存：${name}`);
    await menuShot('export-saved-zh');
  });

  it('builds the Excel workbook in the worker with the browser build of exceljs', async () => {
    const { name, bytes } = await download('xlsx', 'export-running-zh');
    expect(name).toBe('璧山区专家服务活动-数据汇总-2025-06-25.xlsx');
    await keepArtifact('e2e-data-zh.xlsx', bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toContain('走访记录');
    expect(workbook.getWorksheet('走访记录')?.actualRowCount).toBe(14);
  });

  it('looks right in English', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByTestId('export-open').click();
    await page.getByText('Word report', { exact: true }).waitFor();
    await menuShot('export-menu-en');
    expect(errors).toEqual([]);
  });
});
