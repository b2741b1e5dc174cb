import { HeadingLevel, Paragraph, type Table } from 'docx';
import {
  activityTypes,
  agreementKinds,
  agreementStatuses,
  followUpRelatedTypes,
  followUpStatuses,
  hostKinds,
  type Lang,
  memberRoles,
  needKinds,
  problemCategories,
  problemStatuses,
} from '../../../shared/enums';
import { REPORT_ACTIVITY_ORDER } from '../../../shared/report';
import type { ReportExpert, ReportHost, TripReport } from '../../../shared/report/tripReport';
import { dateRange, joinList, labelFor, longDate, textFor } from '../text';
import { bodyParagraph, dataTable, labelledParagraph, noteParagraph } from './format';

/** Sections two to five of the Word report: groups, hosts, agreements, open follow-ups. */

type Block = Paragraph | Table;

const heading1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, text });
const heading2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, text });

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 21 → 二十一: Chinese documents number sub-sections （一）（二）…; digits past 99. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** "张三（首席专家）": the roles that lead are named, plain members are not. */
function expertWithRole(e: ReportExpert, lang: Lang): string {
  if (e.role !== 'chief_expert' && e.role !== 'group_leader') return e.name;
  const role = labelFor(memberRoles, e.role, lang);
  return lang === 'zh-CN' ? `${e.name}（${role}）` : `${e.name} (${role})`;
}

const bracket = (parts: string[], lang: Lang) => {
  const inner = parts.filter(Boolean).join(lang === 'zh-CN' ? '，' : ', ');
  if (!inner) return '';
  return lang === 'zh-CN' ? `（${inner}）` : ` (${inner})`;
};

export function groupsSection(report: TripReport, lang: Lang): Block[] {
  const t = textFor(lang);
  const blocks: Block[] = [heading1(t('exports.doc.h.groups'))];
  if (report.groups.length === 0) return [...blocks, bodyParagraph(t('exports.doc.noGroups'))];
  blocks.push(
    dataTable({
      headers: [
        t('exports.col.group'),
        t('exports.doc.host.experts'),
        t('exports.col.visits'),
        t('exports.col.hostsServed'),
        t('exports.col.sessions'),
        t('exports.col.solved'),
        t('exports.col.recommendations'),
        t('exports.col.peopleTrained'),
        t('exports.col.beneficiaries'),
        t('exports.col.signed'),
      ],
      widths: [11, 30, 7, 7, 7, 7, 7, 8, 8, 7],
      rows: report.groups.map((g) => [
        g.group || t('exports.doc.noGroup'),
        joinList(
          g.experts.map((e) => expertWithRole(e, lang)),
          lang,
        ),
        g.visits,
        g.hostsServed,
        g.activitySessions,
        g.problemsSolved,
        g.recommendations,
        g.peopleTrained,
        g.beneficiaries,
        g.agreementsSigned,
      ]),
    }),
  );
  return blocks;
}

function hostBlocks(host: ReportHost, index: number, lang: Lang): Block[] {
  const t = textFor(lang);
  const number = lang === 'zh-CN' ? `（${chineseNumeral(index + 1)}）` : `3.${index + 1} `;
  const blocks: Block[] = [heading2(`${number}${host.name}`)];
  const meta = [labelFor(hostKinds, host.kind, lang), host.district, host.industry].filter(Boolean);
  if (meta.length > 0) blocks.push(noteParagraph(meta.join(' · ')));

  const line = (label: Parameters<typeof t>[0], value: string) => {
    if (value) blocks.push(labelledParagraph(t(label), value, lang));
  };
  line(
    'exports.doc.host.dates',
    joinList(
      host.dates.map((d) => longDate(d, lang)),
      lang,
    ),
  );
  line('exports.doc.host.experts', joinList(host.expertNames, lang));
  const activities = REPORT_ACTIVITY_ORDER.filter((type) => host.activities[type] > 0).map((type) =>
    t('exports.fig.countOf', { label: labelFor(activityTypes, type, lang), count: host.activities[type] }),
  );
  line('exports.doc.host.activities', joinList(activities, lang));
  if (host.peopleTrained > 0 || host.beneficiaries > 0) {
    line(
      'exports.doc.host.people',
      t('exports.doc.host.peopleValue', { trained: host.peopleTrained, benefited: host.beneficiaries }),
    );
  }
  line(
    'exports.doc.host.needs',
    joinList(
      host.needs.map((n) => `${n.title}${bracket([labelFor(needKinds, n.kind, lang)], lang)}`),
      lang,
    ),
  );

  const list = (label: Parameters<typeof t>[0], items: string[]) => {
    if (items.length === 0) return;
    blocks.push(labelledParagraph(t(label), '', lang));
    items.forEach((item, i) => {
      blocks.push(bodyParagraph(`${i + 1}. ${item}`));
    });
  };
  list(
    'exports.doc.host.problems',
    host.problems.map(
      (p) =>
        `${p.title}${bracket(
          [labelFor(problemCategories, p.category, lang), p.field, labelFor(problemStatuses, p.status, lang)],
          lang,
        )}`,
    ),
  );
  list(
    'exports.doc.host.recommendations',
    host.recommendations.map((r) => `${r.text}${r.adopted ? t('exports.doc.adopted') : ''}`),
  );
  list(
    'exports.doc.host.agreements',
    host.agreements.map(
      (a) =>
        `${a.title}${bracket(
          [labelFor(agreementKinds, a.kind, lang), labelFor(agreementStatuses, a.status, lang)],
          lang,
        )}`,
    ),
  );
  return blocks;
}

export function hostsSection(report: TripReport, lang: Lang): Block[] {
  const t = textFor(lang);
  const blocks: Block[] = [heading1(t('exports.doc.h.hosts'))];
  if (report.hosts.length === 0) return [...blocks, bodyParagraph(t('exports.doc.noHosts'))];
  report.hosts.forEach((host, i) => {
    blocks.push(...hostBlocks(host, i, lang));
  });
  return blocks;
}

export function agreementsSection(report: TripReport, lang: Lang): Block[] {
  const t = textFor(lang);
  const blocks: Block[] = [heading1(t('exports.doc.h.agreements'))];
  if (report.agreements.length === 0) return [...blocks, bodyParagraph(t('exports.doc.noAgreements'))];
  blocks.push(
    dataTable({
      headers: [
        t('exports.col.agreement'),
        t('filter.kind'),
        t('common.host'),
        t('exports.col.parties'),
        t('exports.col.signedDate'),
        t('common.status'),
        t('exports.col.amount'),
      ],
      widths: [21, 11, 17, 21, 14, 9, 7],
      rows: report.agreements.map((a) => [
        a.title,
        labelFor(agreementKinds, a.kind, lang),
        a.hostName,
        joinList(a.parties, lang),
        a.signedDate,
        labelFor(agreementStatuses, a.status, lang),
        a.amount > 0 ? a.amount : '',
      ]),
    }),
  );
  return blocks;
}

export function followUpsSection(report: TripReport, lang: Lang): Block[] {
  const t = textFor(lang);
  const blocks: Block[] = [heading1(t('exports.doc.h.followUps'))];
  if (report.openFollowUps.length === 0) return [...blocks, bodyParagraph(t('exports.doc.noFollowUps'))];
  blocks.push(
    dataTable({
      headers: [
        t('exports.col.action'),
        t('exports.col.related'),
        t('exports.col.owner'),
        t('exports.col.dueDate'),
        t('common.status'),
      ],
      widths: [34, 26, 12, 14, 14],
      rows: report.openFollowUps.map((f) => [
        f.action,
        [labelFor(followUpRelatedTypes, f.relatedType, lang), f.relatedLabel]
          .filter(Boolean)
          .join(lang === 'zh-CN' ? '：' : ': '),
        f.owner,
        f.dueDate,
        [labelFor(followUpStatuses, f.status, lang), f.overdue ? t('exports.doc.overdue') : '']
          .filter(Boolean)
          .join('\n'),
      ]),
    }),
  );
  return blocks;
}

/** The trip's dates as the subtitle says them: "2025年6月23日至6月25日". */
export const tripDates = (report: TripReport, lang: Lang) =>
  dateRange(report.trip.startDate, report.trip.endDate, lang);
