import {
  AlignmentType,
  type IStylesOptions,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * Page, fonts and table helpers of the Word report. The look follows Chinese official documents
 * (A4, 宋体 body, 黑体 headings, 三号/四号/小四 sizes) so the file can be sent on with little editing.
 *
 * Fonts are given per script: East Asian text in SimSun/SimHei (present on every Chinese Windows,
 * and mapped to a Song/Hei family by LibreOffice and macOS), Latin letters and digits in Times New Roman
 * and Arial, so "2025年6月" does not render its digits in a CJK font.
 */

/** A4 in twentieths of a point, with 2.54 cm / 2.2 cm margins. */
export const PAGE = { width: 11906, height: 16838, marginY: 1440, marginX: 1247 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

export const BODY_FONT = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: 'SimSun',
  cs: 'Times New Roman',
};
export const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' };

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt. */
const SIZE = { title: 44, h1: 32, h2: 28, body: 24, table: 21, small: 18 } as const;

export function reportStyles(lang: 'zh-CN' | 'en'): IStylesOptions {
  const language =
    lang === 'zh-CN' ? { value: 'zh-CN', eastAsia: 'zh-CN' } : { value: 'en-GB', eastAsia: 'zh-CN' };
  const heading = (size: number, before: number, after: number) => ({
    run: { font: HEADING_FONT, size, bold: true, color: '000000' },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: SIZE.body, language },
        paragraph: { spacing: { line: 360, after: 120 } },
      },
      title: {
        run: { font: HEADING_FONT, size: SIZE.title, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, line: 440 } },
      },
      heading1: heading(SIZE.h1, 360, 160),
      heading2: heading(SIZE.h2, 240, 120),
    },
    paragraphStyles: [
      {
        id: 'ReportSubtitle',
        name: 'Report Subtitle',
        basedOn: 'Normal',
        run: { size: SIZE.body, color: '404040' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60, line: 300 } },
      },
      {
        id: 'ReportBody',
        name: 'Report Body',
        basedOn: 'Normal',
        paragraph: { indent: { firstLine: 480 }, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'ReportNote',
        name: 'Report Note',
        basedOn: 'Normal',
        run: { size: SIZE.small, color: '595959' },
        paragraph: { spacing: { before: 80, after: 80, line: 280 } },
      },
      {
        id: 'PhotoCaption',
        name: 'Photo Caption',
        basedOn: 'Normal',
        run: { size: SIZE.table, color: '404040' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 200, line: 276 } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: 276 } },
      },
    ],
  };
}

export const bodyParagraph = (text: string) => new Paragraph({ style: 'ReportBody', text });
export const noteParagraph = (text: string) => new Paragraph({ style: 'ReportNote', text });

/** "参与专家：张三、李四" with the label in bold, the way such lists read in a report. */
export function labelledParagraph(label: string, value: string, lang: 'zh-CN' | 'en'): Paragraph {
  return new Paragraph({
    style: 'ReportBody',
    children: [
      new TextRun({ text: `${label}${lang === 'zh-CN' ? '：' : ': '}`, bold: true }),
      new TextRun(value),
    ],
  });
}

export type CellValue = string | number;
export type TableSpec = {
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
  /** Relative column widths; scaled to the text width. */
  widths: readonly number[];
};

/**
 * A full-width table with a shaded header row that repeats on every page. Widths are fixed in twips
 * (not percentages), because LibreOffice and WPS ignore percentage widths in some versions.
 */
export function dataTable({ headers, rows, widths }: TableSpec): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  const cell = (value: CellValue, column: number, header: boolean) =>
    new TableCell({
      width: { size: twips[column] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF3' } : undefined,
      children: String(value)
        .split('\n')
        .map(
          (line) =>
            new Paragraph({
              style: 'TableText',
              alignment: header || typeof value === 'number' ? AlignmentType.CENTER : AlignmentType.LEFT,
              children: [new TextRun({ text: line, bold: header })],
            }),
        ),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 90, right: 90 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}
