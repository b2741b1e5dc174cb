/**
 * Turning a picture into what the device stores: decoded with its EXIF orientation applied (so a
 * phone photo taken upright is stored upright, whatever viewer shows it later), reduced to at most
 * MAX_SIDE pixels on the long side and re-encoded as JPEG, plus a small thumbnail for lists.
 *
 * Injectable (addFiles takes an ImageProcessor) because decoding needs a browser: unit tests under
 * Node use a stand-in, the end-to-end test runs this real one in Chromium.
 */
export const MAX_SIDE = 2560;
export const THUMB_SIDE = 320;
export const JPEG_QUALITY = 0.85;
export const THUMB_QUALITY = 0.75;

export type EncodedImage = { blob: Blob; width: number; height: number };

export type ImageProcessor = {
  /** Reduce and re-encode a photo (JPEG), orientation applied; its thumbnail. */
  photo(source: Blob): Promise<{ full: EncodedImage; thumb: Blob }>;
  /** The upright size and a thumbnail of an image kept as it is (a scanned page). */
  inspect(source: Blob): Promise<{ width: number; height: number; thumb: Blob }>;
};

type Surface = {
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
  toJpeg(quality: number): Promise<Blob>;
};

/** OffscreenCanvas where there is one (also in workers); a canvas element otherwise. */
function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D context');
    return { context, toJpeg: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context');
  return {
    context,
    toJpeg: (quality) =>
      new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))),
          'image/jpeg',
          quality,
        ),
      ),
  };
}

/** Fit width×height inside a square of `side` pixels, never enlarging. */
export function fitWithin(width: number, height: number, side: number): { width: number; height: number } {
  const scale = Math.min(1, side / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encode(bitmap: ImageBitmap, side: number, quality: number): Promise<EncodedImage> {
  const size = fitWithin(bitmap.width, bitmap.height, side);
  const { context, toJpeg } = surface(size.width, size.height);
  // JPEG has no transparency: a PNG's clear background would turn black, so paint it white first.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return { blob: await toJpeg(quality), ...size };
}

async function decode(source: Blob): Promise<ImageBitmap> {
  // 'from-image' applies the EXIF orientation while decoding; the bitmap's width/height are upright.
  return createImageBitmap(source, { imageOrientation: 'from-image' });
}

export const browserImageProcessor: ImageProcessor = {
  async photo(source) {
    const bitmap = await decode(source);
    try {
      const full = await encode(bitmap, MAX_SIDE, JPEG_QUALITY);
      const thumb = await encode(bitmap, THUMB_SIDE, THUMB_QUALITY);
      return { full, thumb: thumb.blob };
    } finally {
      bitmap.close();
    }
  },
  async inspect(source) {
    const bitmap = await decode(source);
    try {
      const thumb = await encode(bitmap, THUMB_SIDE, THUMB_QUALITY);
      return { width: bitmap.width, height: bitmap.height, thumb: thumb.blob };
    } finally {
      bitmap.close();
    }
  },
};
