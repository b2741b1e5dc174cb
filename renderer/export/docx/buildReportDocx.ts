import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import type { Lang } from '../../../shared/enums';
import type { TripReport } from '../../../shared/report/tripReport';
import { excludedNotes, figureRows } from '../figureRows';
import { joinList, longDate, textFor } from '../text';
import { bodyParagraph, dataTable, noteParagraph, PAGE, reportStyles } from './format';
import { photoSection, type ReportPhoto } from './photoSection';
import { agreementsSection, followUpsSection, groupsSection, hostsSection, tripDates } from './sections';

/**
 * The trip's summary report as a Word document, in the shape organisers send to the province:
 * title, dates and organisers, 一、总体情况 (the province's sentence and the figures table),
 * 二、分组情况, 三、服务单位, 四、签订协议, 五、后续跟踪, and, when photos were picked, 六、现场照片.
 *
 * Pure: report in, bytes out; no DOM and no clock (the date printed is the report's `today`), so it
 * runs the same in the export worker, on the main thread and under Node in the tests.
 */
export async function buildReportDocx(
  report: TripReport,
  lang: Lang,
  photos: readonly ReportPhoto[] = [],
): Promise<Uint8Array<ArrayBuffer>> {
  const t = textFor(lang);
  const title = t('exports.doc.title', { title: report.trip.title });
  const document = new Document({
    title,
    creator: t('app.name'),
    description: report.sentence[lang === 'zh-CN' ? 'zh' : 'en'],
    styles: reportStyles(lang),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginY,
              bottom: PAGE.marginY,
              left: PAGE.marginX,
              right: PAGE.marginX,
              footer: 720,
            },
          },
        },
        footers: { default: pageFooter(lang) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
          ...subtitle(report, lang),
          ...overviewSection(report, lang),
          ...groupsSection(report, lang),
          ...hostsSection(report, lang),
          ...agreementsSection(report, lang),
          ...followUpsSection(report, lang),
          ...photoSection(photos, lang),
          noteParagraph(t('exports.doc.generated', { date: longDate(report.today, lang) })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function subtitle(report: TripReport, lang: Lang): Paragraph[] {
  const t = textFor(lang);
  const { trip } = report;
  const lines = [
    t('exports.doc.period', { range: tripDates(report, lang), days: trip.days }),
    trip.region ? t('exports.doc.region', { region: trip.region }) : '',
    trip.organisers.length > 0 ? t('exports.doc.organisers', { names: joinList(trip.organisers, lang) }) : '',
    trip.coOrganisers.length > 0
      ? t('exports.doc.coOrganisers', { names: joinList(trip.coOrganisers, lang) })
      : '',
  ].filter(Boolean);
  return lines.map((text) => new Paragraph({ style: 'ReportSubtitle', text }));
}

function overviewSection(report: TripReport, lang: Lang): (Paragraph | Table)[] {
  const t = textFor(lang);
  const rows = figureRows(report, lang);
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: t('exports.doc.h.overview') }),
    bodyParagraph(report.sentence[lang === 'zh-CN' ? 'zh' : 'en']),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 80 },
      children: [new TextRun({ text: t('exports.doc.figuresCaption'), bold: true })],
    }),
    dataTable({
      headers: [t('exports.fig.item'), t('exports.fig.value'), t('exports.fig.unit'), t('exports.fig.note')],
      // English units are words ("documents"), Chinese ones a single character.
      widths: lang === 'zh-CN' ? [30, 12, 10, 48] : [32, 10, 14, 44],
      rows: rows.map((r) => [r.label, r.value, r.unit, r.note]),
    }),
  ];
  for (const note of excludedNotes(report, lang)) blocks.push(noteParagraph(note));
  return blocks;
}

/** "第 1 页，共 3 页": the message's {page}/{pages} become Word page-number fields. */
function pageFooter(lang: Lang): Footer {
  const template = textFor(lang)('exports.doc.page');
  const parts = template.split(/(\{page\}|\{pages\})/).filter(Boolean);
  const children = parts.map((part) => {
    if (part === '{page}') return new TextRun({ children: [PageNumber.CURRENT], size: 18 });
    if (part === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 });
    return new TextRun({ text: part, size: 18 });
  });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}
