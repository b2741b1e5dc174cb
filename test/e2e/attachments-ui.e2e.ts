import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, screenshot, serveDist, watchErrors } from './harness';

/**
 * The attachment screens in real Chromium on the built app: photos on a visit of the demo trip (the
 * real image pipeline: decode, reduce, thumbnail), the viewer, and a signature drawn with the mouse on
 * an agreement. Screenshots go to test-artifacts/screenshots/7x-*.png to be looked at.
 */
let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A JPEG drawn in the page (a gradient with a label), as a camera would hand it over. */
async function makeJpeg(label: string, hue: number, width: number, height: number): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ({ label, hue, width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      const g = ctx.createLinearGradient(0, 0, width, height);
      g.addColorStop(0, `hsl(${hue} 70% 45%)`);
      g.addColorStop(1, `hsl(${hue + 60} 70% 75%)`);
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#fff';
      ctx.font = `bold ${Math.round(height / 6)}px sans-serif`;
      ctx.fillText(label, width * 0.08, height * 0.55);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    { label, hue, width, height },
  );
  return Buffer.from(bytes);
}

const shot = (locator: ReturnType<Page['locator']>, name: string) =>
  locator.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

describe('attachments in the app', () => {
  it('loads the demo trip', async () => {
    await page.getByRole('button', { name: '加载演示活动' }).first().click();
    await expect.poll(() => page.getByTestId('figure-visits').textContent(), { timeout: 20_000 }).toBe('13');
  });

  it('attaches two photos to a visit and shows their thumbnails', async () => {
    const photos = [
      { name: '车间调研.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg('车间调研', 200, 3200, 2400) },
      { name: '技术座谈.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg('技术座谈', 20, 1600, 1200) },
    ];
    await page.getByRole('link', { name: '走访记录' }).click();
    await page.getByTestId('vtable-row').first().click();
    await expect.poll(() => page.getByRole('heading', { name: '现场照片' }).isVisible()).toBe(true);
    await page.getByTestId('attach-file-input').setInputFiles(photos);
    await expect.poll(() => page.getByTestId('attach-tile').count(), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.getByText('已添加 2 个文件。').isVisible(), { timeout: 20_000 }).toBe(true);
    // the thumbnails are real decoded images, not placeholders (lazy: loaded once scrolled to)
    await page.getByTestId('attach-section-photo').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page
          .getByTestId('attach-tile')
          .locator('img')
          .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)),
      )
      .toEqual([320, 320]);
    await page.getByRole('button', { name: '编辑说明：车间调研.jpg' }).click();
    await page.getByRole('textbox', { name: '编辑说明：车间调研.jpg' }).fill('反应釜温控系统现场调研');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('反应釜温控系统现场调研').isVisible()).toBe(true);
    const section = page.getByTestId('attach-section-photo');
    await section.scrollIntoViewIfNeeded();
    await shot(section, '70-visit-photos');
  });

  it('opens the viewer, browses with the arrow keys, Escape closes', async () => {
    await page.getByRole('button', { name: '查看 车间调研.jpg' }).click();
    const dialog = page.getByRole('dialog', { name: '查看附件' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect
      .poll(() => dialog.locator('img.viewer__image').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBe(2560);
    expect(await dialog.textContent()).toContain('反应釜温控系统现场调研');
    expect(await dialog.textContent()).toContain('2560 × 1920 像素');
    await screenshot(page, '71-photo-viewer');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => dialog.textContent()).toContain('第 2 / 2 个');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '查看 车间调研.jpg',
    );
  });

  it('the visit list shows the photo count', async () => {
    await page.getByRole('link', { name: '走访记录' }).click();
    await expect.poll(() => page.getByTestId('photo-count').first().textContent()).toContain('2');
  });

  it('draws a signature for a party of an agreement with the mouse', async () => {
    await page.getByRole('link', { name: '签约协议' }).click();
    await page.getByTestId('vtable-row').first().click();
    const drawer = page.getByRole('dialog').first();
    await drawer.getByLabel('签约各方').fill('重庆东嶅药业有限公司、重庆医科大学');
    const sign = drawer.getByRole('button', { name: '为“重庆医科大学”签名' });
    await sign.scrollIntoViewIfNeeded();
    await sign.click();
    const canvas = page.getByTestId('signature-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no pad');
    // a looping "signature": a few strokes across the pad
    const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
    const strokes = [
      [
        [0.12, 0.55],
        [0.18, 0.3],
        [0.24, 0.6],
        [0.3, 0.35],
        [0.36, 0.62],
      ],
      [
        [0.42, 0.4],
        [0.5, 0.65],
        [0.58, 0.3],
        [0.66, 0.6],
        [0.74, 0.42],
        [0.82, 0.58],
      ],
    ];
    for (const stroke of strokes) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      await page.mouse.move(...at(first[0] as number, first[1] as number));
      await page.mouse.down();
      for (const [x, y] of rest) await page.mouse.move(...at(x as number, y as number), { steps: 8 });
      await page.mouse.up();
    }
    await screenshot(page, '72-signature-pad');
    await page.getByRole('button', { name: '保存签名' }).click();
    await expect.poll(() => page.getByTestId('signature-canvas').count()).toBe(0);
    const row = drawer.getByTestId('signature-row').filter({ hasText: '重庆医科大学' });
    await expect
      .poll(() => row.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBe(900);
    // transparent background: the corner pixel of the stored PNG has alpha 0, the ink is opaque
    const alpha = await row.locator('img').evaluate((i) => {
      const img = i as HTMLImageElement;
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let k = 3; k < data.length; k += 4) if ((data[k] as number) > 200) inked++;
      return { corner: data[3], inked };
    });
    expect(alpha.corner).toBe(0);
    expect(alpha.inked).toBeGreaterThan(500);
    await row.scrollIntoViewIfNeeded();
    await shot(drawer, '73-agreement-signatures');
  });

  it('picks photos for the Word report from a long grid, reading thumbnails only as they scroll into view', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const many = [];
    for (let i = 1; i <= 28; i++) {
      const name = `现场 ${String(i).padStart(2, '0')}.jpg`;
      many.push({ name, mimeType: 'image/jpeg', buffer: await makeJpeg(`${i}`, (i * 37) % 360, 240, 180) });
    }
    await page.getByRole('link', { name: '走访记录' }).click();
    await page.getByTestId('vtable-row').nth(1).click();
    await expect.poll(() => page.getByRole('heading', { name: '现场照片' }).isVisible()).toBe(true);
    await page.getByTestId('attach-file-input').setInputFiles(many);
    await expect.poll(() => page.getByTestId('attach-tile').count(), { timeout: 60_000 }).toBe(28);

    await page.getByRole('link', { name: '工作总结' }).click();
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-docx-photos').check();
    const picker = page.getByTestId('photo-picker');
    await expect.poll(() => picker.getByText('已选 0 张，共 30 张').isVisible()).toBe(true);
    const thumbs = picker.locator('img.photo-choice__thumb');
    await expect.poll(() => thumbs.count()).toBeGreaterThan(0);
    // Only the tiles in sight have read their bytes.
    expect(await thumbs.count()).toBeLessThan(30);
    const last = picker.locator('label.photo-choice').last();
    expect(await last.locator('img').count()).toBe(0);
    await picker.locator('.photo-picker__groups').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => last.locator('img').count()).toBe(1);
    await expect
      .poll(() => last.locator('img').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await picker.getByRole('button', { name: '全选' }).click();
    await expect.poll(() => picker.getByText('已选 30 张，共 30 张').isVisible()).toBe(true);
    await shot(picker, '74-export-photo-picker');
  });

  it('raised no error in the page', () => {
    expect(errors).toEqual([]);
  });
});
