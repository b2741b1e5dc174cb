import type { Lang } from '../enums';
import { translate } from '../i18n';

/**
 * The printed report's page: one definition for Electron's `webContents.printToPDF` (the desktop "导出 PDF"),
 * Playwright's `page.pdf` (the end-to-end test) and the print page's own `@page` rule, so the three cannot
 * drift apart. Chromium draws the header and footer templates inside the page margins, and CSS `@page`
 * margins win over the margins passed to the printer, which is why the print page states the very same ones.
 *
 * The header and footer are worded in the report's messages (shared/i18n/messages/report.ts), which the
 * main process reads too. The templates render in a context of their own (no page CSS, a default font size
 * near zero), so every style is inline and explicit.
 */

/** Millimetres. Top and bottom leave room for the header and footer lines. */
export const REPORT_PAGE_MARGIN_MM = { top: 20, right: 16, bottom: 18, left: 16 } as const;
export const REPORT_PAGE_FORMAT = 'A4';

/**
 * The print page sets `document.body.dataset.reportReady` (attribute `data-report-ready`) once the report
 * is rendered, or to 'missing' when the trip is not on the device; the PDF maker waits for either.
 */
export const REPORT_READY = '1';
export const REPORT_MISSING = 'missing';
export const REPORT_READY_SELECTOR = `body[data-report-ready="${REPORT_READY}"]`;

/** The hash route of the print layout, as the app's hash router spells it. */
export function reportPrintRoute(tripId: string): string {
  return `/trips/${encodeURIComponent(tripId)}/report/print`;
}

/** The `@page` rule of the print page: the same paper and margins the PDF makers ask for. */
export function reportPageCss(): string {
  const m = REPORT_PAGE_MARGIN_MM;
  return `@page { size: ${REPORT_PAGE_FORMAT}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}

const FONT =
  "font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; " +
  'font-size: 8.5px; color: #5b6675; -webkit-print-color-adjust: exact;';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The trip's title on the left, what the document is on the right, over a hairline. */
export function reportHeaderTemplate(title: string, lang: Lang): string {
  const m = REPORT_PAGE_MARGIN_MM;
  return (
    `<div style="${FONT} box-sizing: border-box; width: 100%; padding: 0 ${m.right}mm 0 ${m.left}mm;">` +
    '<div style="display: flex; justify-content: space-between; gap: 12px; padding-bottom: 3px; ' +
    'border-bottom: 0.5px solid #c5ccd6;">' +
    `<span style="overflow: hidden; white-space: nowrap; text-overflow: ellipsis;">${escapeHtml(title)}</span>` +
    `<span style="white-space: nowrap;">${escapeHtml(translate(lang, 'report.kicker'))}</span></div></div>`
  );
}

/** "第 N 页 / 共 M 页"; Chromium fills the pageNumber and totalPages spans. */
export function reportFooterTemplate(lang: Lang): string {
  const text = translate(lang, 'report.pdf.footer', {
    page: '<span class="pageNumber"></span>',
    total: '<span class="totalPages"></span>',
  });
  return `<div style="${FONT} width: 100%; text-align: center;">${text}</div>`;
}

export type ReportPdfLabels = { title: string; lang: Lang };

/** The options of Electron's `webContents.printToPDF` (margins in inches). */
export type ElectronReportPdfOptions = {
  pageSize: typeof REPORT_PAGE_FORMAT;
  margins: { top: number; right: number; bottom: number; left: number };
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
  generateDocumentOutline: boolean;
};

/** The options of Playwright's `page.pdf` (margins as CSS lengths). */
export type PlaywrightReportPdfOptions = {
  format: typeof REPORT_PAGE_FORMAT;
  margin: { top: string; right: string; bottom: string; left: string };
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
  outline: boolean;
};

const inches = (mm: number) => Math.round((mm / 25.4) * 1000) / 1000;

function common({ title, lang }: ReportPdfLabels) {
  return {
    // Figure cards and table shading carry meaning; without backgrounds the PDF loses them.
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: reportHeaderTemplate(title, lang),
    footerTemplate: reportFooterTemplate(lang),
    preferCSSPageSize: true,
  };
}

export function electronReportPdfOptions(labels: ReportPdfLabels): ElectronReportPdfOptions {
  const m = REPORT_PAGE_MARGIN_MM;
  return {
    ...common(labels),
    pageSize: REPORT_PAGE_FORMAT,
    margins: { top: inches(m.top), right: inches(m.right), bottom: inches(m.bottom), left: inches(m.left) },
    generateDocumentOutline: true,
  };
}

export function playwrightReportPdfOptions(labels: ReportPdfLabels): PlaywrightReportPdfOptions {
  const m = REPORT_PAGE_MARGIN_MM;
  return {
    ...common(labels),
    format: REPORT_PAGE_FORMAT,
    margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
    outline: true,
  };
}
