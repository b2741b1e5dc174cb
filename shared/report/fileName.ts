import type { Lang } from '../enums';
import { translate } from '../i18n';

/**
 * File names of everything exported from a trip's report (Word, Excel, CSV, JSON, PDF): one scheme,
 * "璧山区专家服务活动-工作总结-2025-06-25.docx" — place, what the file is, and the trip's last day, so
 * the files of one trip sort together and say which trip they are about.
 */
export type ReportFileKind = 'docx' | 'xlsx' | 'csv' | 'json' | 'pdf';

/** The extension of the file each kind saves (CSV files travel as one ZIP). */
export const EXTENSION: Record<ReportFileKind, string> = {
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'zip',
  json: 'json',
  pdf: 'pdf',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** Characters Windows refuses in names, plus ASCII control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** The save-file contract allows 200 characters; leave room for the extension. */
const MAX_STEM = 120;

/**
 * A name every file system takes: Windows' forbidden characters become "_", trailing dots and spaces
 * (which Windows silently drops) go, reserved device names get a "_" prefix. Chinese is kept as is.
 */
export function sanitiseFileName(stem: string): string {
  let name = stem.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  name = [...name].slice(0, MAX_STEM).join('');
  name = name.replace(/[. ]+$/, '');
  if (name === '') return 'export';
  return WINDOWS_RESERVED.test(name) ? `_${name}` : name;
}

/**
 * "重庆市璧山区" → "璧山区": the place as people name the trip. The province or city is dropped when
 * something follows it; a region that is only a city ("眉山市") or written otherwise stays whole.
 */
export function placeOf(region: string): string {
  const trimmed = region.trim();
  const match = /^(?:.{2,8}?(?:省|自治区))?(?:.{2,8}?市)?(.+)$/u.exec(trimmed);
  const rest = match?.[1]?.trim() ?? '';
  return rest.length >= 2 ? rest : trimmed;
}

export function reportFileName(
  trip: { title: string; region: string; endDate: string },
  kind: ReportFileKind,
  lang: Lang,
): string {
  const place = placeOf(trip.region) || trip.title;
  const what = translate(lang, `exports.file.${kind}`);
  const stem = sanitiseFileName(`${translate(lang, 'exports.file.base', { place })}-${what}-${trip.endDate}`);
  return `${stem}.${EXTENSION[kind]}`;
}
