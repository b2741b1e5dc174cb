/** shared/report/pdf.ts: the one page definition behind Electron's printToPDF, page.pdf and @page. */
import { describe, expect, it } from 'vitest';
import {
  electronReportPdfOptions,
  playwrightReportPdfOptions,
  REPORT_PAGE_MARGIN_MM,
  reportFooterTemplate,
  reportHeaderTemplate,
  reportPageCss,
  reportPrintRoute,
} from '../../shared/report/pdf';

describe('PDF options', () => {
  const labels = { title: '2025年成渝地区双城经济圈专家团“走进璧山”', lang: 'zh-CN' as const };

  it('gives Electron and Playwright the same page, each in its own units', () => {
    const electron = electronReportPdfOptions(labels);
    const playwright = playwrightReportPdfOptions(labels);
    expect(electron.pageSize).toBe('A4');
    expect(playwright.format).toBe('A4');
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      const mm = REPORT_PAGE_MARGIN_MM[side];
      expect(electron.margins[side]).toBeCloseTo(mm / 25.4, 3);
      expect(playwright.margin[side]).toBe(`${mm}mm`);
    }
    expect(electron.headerTemplate).toBe(playwright.headerTemplate);
    expect(electron.footerTemplate).toBe(playwright.footerTemplate);
    expect(electron.displayHeaderFooter && playwright.displayHeaderFooter).toBe(true);
    expect(electron.printBackground && playwright.printBackground).toBe(true);
  });

  it('states the same paper and margins in the page CSS', () => {
    const { top, right, bottom, left } = REPORT_PAGE_MARGIN_MM;
    expect(reportPageCss()).toBe(`@page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }`);
  });

  it('writes header and footer with explicit font sizes, the title escaped', () => {
    const header = reportHeaderTemplate('<script>alert(1)</script> & “走进璧山”', 'zh-CN');
    expect(header).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “走进璧山”');
    expect(header).not.toContain('<script>');
    expect(header).toContain('专家服务活动工作总结');
    expect(header).toMatch(/font-size: \d/);
    const footer = reportFooterTemplate('zh-CN');
    expect(footer).toMatch(/font-size: \d/);
    expect(footer.replace(/<span class="(\w+)"><\/span>/g, '{$1}')).toContain(
      '第 {pageNumber} 页 / 共 {totalPages} 页',
    );
    expect(reportFooterTemplate('en').replace(/<span class="(\w+)"><\/span>/g, '{$1}')).toContain(
      'Page {pageNumber} of {totalPages}',
    );
  });

  it('names the print route of a trip', () => {
    expect(reportPrintRoute('0190a0b0-0000-7000-8000-000000000001')).toBe(
      '/trips/0190a0b0-0000-7000-8000-000000000001/report/print',
    );
  });
});
