import { execFile } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playwrightReportPdfOptions, REPORT_READY_SELECTOR } from '../../shared/report/pdf';
import { ARTIFACTS, launchBrowser, screenshot, serveDist, watchErrors } from './harness';

/**
 * The report as an organiser sees it, prints it and rolls it up, on the demo trip (seed 003, 璧山): the
 * report page shows the article's figures; the print layout becomes a real PDF (Chromium's page.pdf with
 * the options Electron uses) whose pages poppler can render and whose text carries the header and
 * "第 N 页 / 共 M 页"; the roll-up adds the trip up.
 */
const run = promisify(execFile);
const PDF_PATH = resolve('test-artifacts/report.pdf');
const PAGES_DIR = resolve('test-artifacts/report-pdf');

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let tripId = '';

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const figure = (p: Page, id: string) => p.getByTestId(`report-figure-${id}`).textContent();

describe('the trip report', () => {
  it('shows the article’s figures on the report page', async () => {
    await page.getByRole('button', { name: '加载演示活动' }).first().click();
    await expect.poll(() => page.getByTestId('figure-visits').textContent(), { timeout: 20_000 }).toBe('13');
    tripId = /#\/trips\/([^/]+)/.exec(page.url())?.[1] ?? '';
    expect(tripId).not.toBe('');

    await page.getByRole('link', { name: '工作总结' }).click();
    await expect.poll(() => figure(page, 'activity-technical_guidance'), { timeout: 20_000 }).toBe('5');
    const expected: Record<string, string> = {
      'activity-lecture': '8',
      'activity-seminar': '13',
      'hard-solved': '12',
      'other-solved': '47',
      recommendations: '37',
      'people-trained': '201',
      beneficiaries: '1645',
      'agreement-cooperation': '12',
      'experts-appointed': '14',
    };
    for (const [id, value] of Object.entries(expected)) expect(await figure(page, id), id).toBe(value);
    const sentence = await page.getByTestId('report-sentence').textContent();
    expect(sentence).toContain('技术指导5次、学术讲座8场、座谈交流13次');
    expect(sentence).toContain('合作协议12份');
    await expect.poll(() => page.getByRole('img', { name: /各类活动场次/ }).count()).toBe(1);
    await screenshot(page, '30-report-page');
    // The top of the report (figures, summary, charts) for the README, on a tall window so the sidebar
    // (which is as tall as the window) reaches the bottom of the picture.
    await page.setViewportSize({ width: 1366, height: 1500 });
    await page.screenshot({ path: join(ARTIFACTS, '30-report-page-top.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('prints to a PDF with the trip title in the header and page numbers in the footer', async () => {
    const print = await context.newPage();
    const printErrors = watchErrors(print);
    await print.goto(`${server.url}#/trips/${tripId}/report/print`);
    await print.waitForSelector(REPORT_READY_SELECTOR, { state: 'attached', timeout: 30_000 });
    await screenshot(print, '31-report-print-layout');
    const { title, lang } = await print.evaluate(() => ({
      title: document.title,
      lang: document.documentElement.lang,
    }));
    expect(title).toContain('走进璧山');
    await mkdir(resolve('test-artifacts'), { recursive: true });
    await print.pdf({
      ...playwrightReportPdfOptions({ title, lang: lang === 'en' ? 'en' : 'zh-CN' }),
      path: PDF_PATH,
    });

    await rm(PAGES_DIR, { recursive: true, force: true });
    await mkdir(PAGES_DIR, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '70', PDF_PATH, join(PAGES_DIR, 'page')]);
    const pages = (await readdir(PAGES_DIR)).filter((name) => name.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);

    const { stdout: text } = await run('pdftotext', ['-layout', PDF_PATH, '-'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(text).toContain('技术指导');
    expect(text).toContain('第 1 页');
    expect(text).toContain(`共 ${pages.length} 页`);
    expect(text).toContain('专家服务活动工作总结');
    expect(text).toContain('中药饮片炮制工艺标准化技术服务合作协议');
    expect(printErrors).toEqual([]);
    await print.close();
  });

  it('rolls the trip up across trips', async () => {
    await page.getByRole('link', { name: '历年汇总' }).click();
    await expect.poll(() => figure(page, 'trips'), { timeout: 20_000 }).toBe('1');
    expect(await figure(page, 'people-trained')).toBe('201');
    expect(await page.getByTestId('rollup-sentence').textContent()).toMatch(
      /^1次活动中，\d+名专家来自\d+家单位/,
    );
    await expect.poll(() => page.getByRole('link', { name: /走进璧山/ }).count()).toBeGreaterThan(0);
    await screenshot(page, '32-rollup');
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
