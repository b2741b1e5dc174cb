import type { Page } from 'playwright-core';

/** A noisy camera-sized JPEG made in the page: noise keeps it over 1 MB even after the app reduces it. */
export async function noisyJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const [width, height] = [2400, 1800];
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const image = ctx.createImageData(width, height);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const x = (i / 4) % width;
      image.data[i] = (x / width) * 200 + (seed & 55);
      image.data[i + 1] = ((seed >> 8) & 255) * 0.6;
      image.data[i + 2] = 120 + ((seed >> 16) & 100);
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 260px sans-serif';
    ctx.fillText('璧山 现场', 200, 1000);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  });
  return Buffer.from(bytes);
}
