import JSZip from 'jszip';
import type { Lang } from '../../../shared/enums';
import type { ReportInput } from '../../../shared/report/tripReport';
import { type Cell, recordSheets } from '../sheets/recordSheets';

/**
 * The trip's records as CSV, one file per record type, for other systems and for Excel.
 *
 * RFC 4180: fields with a comma, a double quote or a line break are quoted, quotes doubled, records end
 * with CRLF. Each file starts with a UTF-8 byte order mark, without which Excel on Chinese Windows
 * reads UTF-8 as GBK and shows mojibake. Same columns and cells as the workbook's record sheets.
 */

export const BOM = '\uFEFF';

export function csvField(value: Cell): string {
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

export type CsvFile = { name: string; text: string };

export function buildCsvFiles(input: ReportInput, lang: Lang): CsvFile[] {
  return recordSheets(input, lang).map((sheet, i) => ({
    // Numbered so the files list in the workbook's order in any file manager.
    name: `${String(i + 1).padStart(2, '0')}-${sheet.title}.csv`,
    text: toCsv([sheet.columns.map((c) => c.header), ...sheet.rows]),
  }));
}

/**
 * All CSV files in one ZIP. File names are stored as UTF-8 with the language-encoding flag set (jszip
 * does that for non-ASCII names), which Windows 10+, macOS and Linux all read correctly.
 */
export async function zipCsvFiles(
  files: readonly CsvFile[],
  date: Date,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new JSZip();
  for (const file of files) zip.file(file.name, file.text, { date });
  const buffer = await zip.generateAsync(
    { type: 'arraybuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } },
    (meta) => onProgress?.(meta.percent / 100),
  );
  return new Uint8Array(buffer);
}
