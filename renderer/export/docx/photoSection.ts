import { AlignmentType, HeadingLevel, ImageRun, Paragraph } from 'docx';
import type { Lang } from '../../../shared/enums';
import { joinList, longDate, textFor } from '../text';
import { noteParagraph } from './format';

/**
 * 六、现场照片: the photos the organiser picked, grouped by host (in the report's host order), each
 * scaled to the text width (at most 15 cm wide, and short enough to share a page with its caption),
 * aspect kept, with its caption centred below. Photos whose bytes are not on this device are named in
 * a note instead, so the reader knows something was left out.
 */

export type PhotoImage = {
  data: Uint8Array<ArrayBuffer>;
  /** What Word embeds; WebP is converted before it gets here (see reportPhotos.ts). */
  type: 'jpg' | 'png';
  width: number;
  height: number;
};

export type ReportPhoto = {
  id: string;
  hostName: string;
  /** The visit's date (YYYY-MM-DD). */
  date: string;
  caption: string;
  /** Absent when the photo's bytes are not on this device (or cannot be read). */
  image?: PhotoImage;
};

/** docx measures images in pixels at 96 per inch: 15 cm ≈ 567 px wide, 16 cm ≈ 605 px high. */
const MAX_WIDTH_PX = Math.round((15 / 2.54) * 96);
const MAX_HEIGHT_PX = Math.round((16 / 2.54) * 96);

export function fitImage(width: number, height: number): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: MAX_WIDTH_PX, height: Math.round(MAX_WIDTH_PX * 0.75) };
  const scale = Math.min(1, MAX_WIDTH_PX / width, MAX_HEIGHT_PX / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The caption as printed: the photo's own, else "host · date". */
export function photoCaption(photo: ReportPhoto, lang: Lang): string {
  if (photo.caption.trim()) return photo.caption.trim();
  return [photo.hostName, photo.date ? longDate(photo.date, lang) : ''].filter(Boolean).join(' · ');
}

export function photoSection(photos: readonly ReportPhoto[], lang: Lang): Paragraph[] {
  if (photos.length === 0) return [];
  const t = textFor(lang);
  const blocks: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t('exports.doc.h.photos') }),
  ];
  const groups = new Map<string, ReportPhoto[]>();
  for (const photo of photos) {
    const list = groups.get(photo.hostName) ?? [];
    list.push(photo);
    groups.set(photo.hostName, list);
  }
  for (const [hostName, list] of groups) {
    const shown = list.filter((p) => p.image);
    if (shown.length === 0) continue;
    blocks.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: hostName || t('exports.doc.photoNoHost') }),
    );
    for (const photo of shown) blocks.push(...photoBlocks(photo, lang));
  }
  const absent = photos.filter((p) => !p.image).map((p) => photoCaption(p, lang));
  if (absent.length > 0) {
    blocks.push(
      noteParagraph(t('exports.doc.photosMissing', { count: absent.length, list: joinList(absent, lang) })),
    );
  }
  return blocks;
}

function photoBlocks(photo: ReportPhoto, lang: Lang): Paragraph[] {
  const image = photo.image;
  if (!image) return [];
  const caption = photoCaption(photo, lang);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 200, after: 60, line: 240 },
      children: [
        new ImageRun({
          type: image.type,
          data: image.data,
          transformation: fitImage(image.width, image.height),
          altText: { name: `photo-${photo.id}`, title: caption, description: caption },
        }),
      ],
    }),
    new Paragraph({ style: 'PhotoCaption', text: caption }),
  ];
}
