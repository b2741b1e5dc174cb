import { activityTypes, agreementKinds, type Lang } from '../../shared/enums';
import type { MessageKey } from '../../shared/i18n';
import { AGREEMENT_KINDS, REPORT_ACTIVITY_ORDER } from '../../shared/report';
import type { TripReport } from '../../shared/report/tripReport';
import { joinList, labelFor, textFor } from './text';

/**
 * The figures table of the Word report and of the Excel summary sheet, row by row, in the order the
 * province reads them: activities, problems solved, advice, people, agreements, then the trip's reach.
 * One list for both files, so the two can never disagree.
 */
export type FigureRow = {
  /** Stable id, for tests and for anyone post-processing the workbook. */
  id: string;
  label: string;
  value: number;
  unit: string;
  note: string;
};

/** The three activity types the province names; all others are summed under "other activities". */
const NAMED_ACTIVITIES = ['technical_guidance', 'lecture', 'seminar'] as const;

export function figureRows(report: TripReport, lang: Lang): FigureRow[] {
  const t = textFor(lang);
  const f = report.figures;
  const row = (id: string, label: MessageKey, value: number, unit: MessageKey, note = ''): FigureRow => ({
    id,
    label: t(label),
    value,
    unit: t(unit),
    note,
  });

  const others = REPORT_ACTIVITY_ORDER.filter(
    (type) => !(NAMED_ACTIVITIES as readonly string[]).includes(type) && f.activities[type] > 0,
  );
  const otherSessions = others.reduce((sum, type) => sum + f.activities[type], 0);
  const otherNote = joinList(
    others.map((type) =>
      t('exports.fig.countOf', { label: labelFor(activityTypes, type, lang), count: f.activities[type] }),
    ),
    lang,
  );

  const rows: FigureRow[] = [
    row(
      'technical_guidance',
      'exports.fig.technicalGuidance',
      f.activities.technical_guidance,
      'exports.unit.times',
    ),
    row('lecture', 'exports.fig.lectures', f.activities.lecture, 'exports.unit.lectures'),
    row('seminar', 'exports.fig.seminars', f.activities.seminar, 'exports.unit.times'),
    row('other_activities', 'exports.fig.otherActivities', otherSessions, 'exports.unit.sessions', otherNote),
    row(
      'hard_solved',
      'exports.fig.hardSolved',
      f.problems.hard.solved,
      'exports.unit.problems',
      t('exports.fig.ofFound', { count: f.problems.hard.total }),
    ),
    row(
      'other_solved',
      'exports.fig.otherSolved',
      f.problems.other.solved,
      'exports.unit.problems',
      t('exports.fig.ofFound', { count: f.problems.other.total }),
    ),
    row(
      'recommendations',
      'exports.fig.recommendations',
      f.recommendations.total,
      'exports.unit.items',
      t('exports.fig.adopted', { count: f.recommendations.adopted }),
    ),
    row('people_trained', 'exports.fig.peopleTrained', f.peopleTrained, 'exports.unit.personTimes'),
    row('beneficiaries', 'exports.fig.beneficiaries', f.beneficiaries, 'exports.unit.people'),
    ...agreementRows(report, lang),
    row(
      'experts_appointed',
      'exports.fig.expertsAppointed',
      report.expertsAppointed.length,
      'exports.unit.experts',
    ),
    row(
      'hosts_served',
      'exports.fig.hostsServed',
      f.hostsServed,
      'exports.unit.hosts',
      t('exports.fig.hostsNote', { visits: f.visits, listed: f.hostsListed }),
    ),
    row(
      'needs_covered',
      'exports.fig.needsCovered',
      f.needs.covered,
      'exports.unit.matters',
      t('exports.fig.needsNote', { count: f.needs.total }),
    ),
    row(
      'experts_active',
      'exports.fig.expertsActive',
      f.experts.active,
      'exports.unit.experts',
      t('exports.fig.membersNote', { count: f.experts.members }),
    ),
    row(
      'fields_covered',
      'exports.fig.fieldsCovered',
      report.fieldsCovered.length,
      'exports.unit.fields',
      joinList(report.fieldsCovered, lang),
    ),
  ];
  return rows;
}

/**
 * One row per kind of agreement the trip recorded (signed count, with how many were recorded), so a
 * trip with only cooperation agreements does not list five empty kinds; a trip with none gets one row.
 */
function agreementRows(report: TripReport, lang: Lang): FigureRow[] {
  const t = textFor(lang);
  const { byKind } = report.figures.agreements;
  const kinds = AGREEMENT_KINDS.filter((kind) => byKind[kind].total > 0);
  if (kinds.length === 0) {
    return [
      {
        id: 'agreements',
        label: t('exports.fig.agreements'),
        value: 0,
        unit: t('exports.unit.copies'),
        note: '',
      },
    ];
  }
  return kinds.map((kind) => ({
    id: `agreements_${kind}`,
    label:
      kind === 'consensus'
        ? t('exports.fig.consensus')
        : t('exports.fig.agreementKind', { kind: labelFor(agreementKinds, kind, lang) }),
    value: byKind[kind].signed,
    unit: t(kind === 'consensus' ? 'exports.unit.matters' : 'exports.unit.copies'),
    note: t('exports.fig.recorded', { count: byKind[kind].total }),
  }));
}

/** The notes under the figures, in both files: which rejected records the figures leave out. */
export function excludedNotes(report: TripReport, lang: Lang): string[] {
  const t = textFor(lang);
  const { rejectedVisits, rejectedAgreements } = report.excluded;
  return [
    ...(rejectedVisits > 0 ? [t('exports.doc.excluded', { count: rejectedVisits })] : []),
    ...(rejectedAgreements > 0 ? [t('exports.doc.excludedAgreements', { count: rejectedAgreements })] : []),
  ];
}
