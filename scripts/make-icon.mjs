// Renders build/icon.svg to the PNGs the app ships: build/icon.png (1024 px; electron-builder makes the
// .ico and .icns from it) and renderer/favicon.png (64 px, the browser tab of `npm run web`).
// Run after editing the SVG: `node scripts/make-icon.mjs` (needs Debian's chromium and fonts-noto-cjk).
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile(new URL('../build/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const [size, target] of [
    [1024, '../build/icon.png'],
    [64, '../renderer/favicon.png'],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace(
        '<svg ',
        `<svg style="width:${size}px;height:${size}px;display:block" `,
      )}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    await writeFile(new URL(target, import.meta.url), png);
    await page.close();
    console.log(`${target.slice(3)}: ${size}×${size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
