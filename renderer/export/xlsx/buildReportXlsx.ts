import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/enums';
import type { ReportInput, TripReport } from '../../../shared/report/tripReport';
import { excludedNotes, figureRows } from '../figureRows';
import { type RecordSheet, recordSheets } from '../sheets/recordSheets';
import { dateRange, joinList, textFor } from '../text';

/**
 * The trip as an Excel workbook: a summary sheet (the figures in the province's order and the
 * sentence, counted by the report's rules), then one sheet per record type listing every live record.
 *
 * Pure (no DOM, no clock: the workbook's dates are the report's `today`), for the export worker and Node.
 * `onProgress` gets the share of sheets written so far, since a large trip takes a moment per sheet.
 */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };
const THIN: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FFB4BEC9' } } };
const FONT = { name: 'Microsoft YaHei', size: 10 } as const;
/** A4 (paper size 9), as wide as the page and as many pages long as it takes. */
const PRINT = { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

export async function buildReportXlsx(
  report: TripReport,
  input: ReportInput,
  lang: Lang,
  onProgress?: (fraction: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const t = textFor(lang);
  workbook.creator = t('app.name');
  workbook.title = t('exports.doc.title', { title: report.trip.title });
  const date = new Date(`${report.today}T00:00:00Z`);
  if (!Number.isNaN(date.getTime())) {
    workbook.created = date;
    workbook.modified = date;
  }

  summarySheet(workbook, report, lang);
  const sheets = recordSheets(input, lang);
  sheets.forEach((sheet, i) => {
    recordSheet(workbook, sheet);
    onProgress?.((i + 1) / (sheets.length + 1));
  });
  // writeBuffer gives a Node Buffer under Node and an ArrayBuffer in the browser; copy into a plain array.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  onProgress?.(1);
  return bytes;
}

function summarySheet(workbook: ExcelJS.Workbook, report: TripReport, lang: Lang): void {
  const t = textFor(lang);
  const sheet = workbook.addWorksheet(t('exports.sheet.summary'), {
    views: [{ showGridLines: false }],
    properties: { defaultRowHeight: 18 },
    pageSetup: { ...PRINT, orientation: 'portrait' },
  });
  sheet.columns = [{ width: 26 }, { width: 12 }, { width: 10 }, { width: 56 }];

  const title = sheet.addRow([t('exports.doc.title', { title: report.trip.title })]);
  sheet.mergeCells(title.number, 1, title.number, 4);
  title.font = { ...FONT, size: 14, bold: true };
  title.height = 28;

  const { trip } = report;
  const meta: [string, string][] = [
    [t('exports.sum.period'), dateRange(trip.startDate, trip.endDate, lang)],
    [t('exports.sum.region'), trip.region],
    [t('exports.sum.organisers'), joinList(trip.organisers, lang)],
    [t('exports.sum.coOrganisers'), joinList(trip.coOrganisers, lang)],
    [t('exports.sum.exported'), report.today],
  ];
  for (const [label, value] of meta) {
    const row = sheet.addRow([label, value]);
    sheet.mergeCells(row.number, 2, row.number, 4);
    row.font = FONT;
    row.getCell(1).font = { ...FONT, bold: true };
  }
  sheet.addRow([]);

  const header = sheet.addRow([
    t('exports.fig.item'),
    t('exports.fig.value'),
    t('exports.fig.unit'),
    t('exports.fig.note'),
  ]);
  styleHeader(header);
  for (const figure of figureRows(report, lang)) {
    const row = sheet.addRow([figure.label, figure.value, figure.unit, figure.note]);
    row.font = FONT;
    row.getCell(2).numFmt = '0';
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => {
      cell.border = THIN;
    });
  }
  sheet.addRow([]);

  const sentence = sheet.addRow([t('exports.sum.sentence'), report.sentence[lang === 'zh-CN' ? 'zh' : 'en']]);
  sheet.mergeCells(sentence.number, 2, sentence.number, 4);
  sentence.font = FONT;
  sentence.getCell(1).font = { ...FONT, bold: true };
  sentence.getCell(1).alignment = { vertical: 'top' };
  sentence.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  sentence.height = rowHeight([[sentence.getCell(2).text, 12 + 10 + 56]]);

  sheet.addRow([]);
  const notes = [t('exports.sum.rules'), ...excludedNotes(report, lang)];
  for (const note of notes) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.font = { ...FONT, size: 9, color: { argb: 'FF5F6B7A' } };
  }
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { ...FONT, bold: true };
  row.height = 20;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

function recordSheet(workbook: ExcelJS.Workbook, data: RecordSheet): void {
  const sheet = workbook.addWorksheet(data.title, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    // Record sheets are wide; shrunk to one page they would be unreadable, so they print across pages.
    pageSetup: { paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' },
  });
  sheet.columns = data.columns.map((c) => ({ width: c.width }));
  styleHeader(sheet.addRow(data.columns.map((c) => c.header)));
  for (const cells of data.rows) {
    const row = sheet.addRow(cells);
    row.font = FONT;
    row.height = rowHeight(
      data.columns.flatMap((column, i): [string, number][] =>
        column.wrap && typeof cells[i] === 'string' ? [[cells[i], column.width]] : [],
      ),
    );
    data.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      // Text stays text: a credit code or a date string must not turn into a number or a date in Excel.
      if (typeof cells[i] === 'string') cell.numFmt = '@';
      cell.alignment = { vertical: 'top', ...(column.wrap ? { wrapText: true } : {}) };
    });
  }
  if (data.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: data.columns.length } };
  }
}

/** Characters of CJK scripts (and full-width forms) take two columns of width, others one. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

/** Lines of wrapped text, at most 12: a long note makes a tall row, not a page-long one. */
const MAX_LINES = 12;

/**
 * Row height in points for the wrapped cells of a row. Neither Excel nor LibreOffice grows a row to its
 * wrapped text when opening a generated file, so the height is estimated here from the text's width.
 */
export function rowHeight(cells: readonly [text: string, columnWidth: number][]): number {
  let lines = 1;
  for (const [text, columnWidth] of cells) {
    const usable = Math.max(4, columnWidth - 1);
    const count = text
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    lines = Math.max(lines, count);
  }
  return Math.min(lines, MAX_LINES) * 14 + 4;
}
