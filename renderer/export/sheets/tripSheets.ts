import {
  activityTypes,
  agreementKinds,
  agreementStatuses,
  problemCategories,
  problemStatuses,
} from '../../../shared/enums';
import { byCode, byName, dateKey, sortedBy } from '../../../shared/report/reportLookup';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/report/tripFigures';
import type { ReportInput } from '../../../shared/report/tripReport';
import type { Agreement, Problem, Recommendation, Visit } from '../../../shared/schemas';
import { activitiesText } from '../../features/visits/activityText';
import type { ColumnSpec, RecordSheet, SheetContext } from './sheetKit';
import { resolveSheet } from './sheetKit';

/** The sheets of what happened on the trip: visits, problems, recommendations, agreements. */

const byId = byCode<{ id: string }>((r) => r.id);

const sessionsOf = (visit: Visit, type: ActivityType) =>
  visit.activities.filter((a) => a.type === type).reduce((sum, a) => sum + a.count, 0);

export function visitsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const { t, label } = ctx;
  const needTitle = (id: string) => ctx.lookup.needs.get(id)?.title ?? '';
  const specs: ColumnSpec<Visit>[] = [
    { header: 'common.date', width: 12, cell: (v) => v.date },
    { header: 'common.host', width: 30, cell: (v) => ctx.hostName(v.hostId) },
    { header: 'common.experts', width: 24, wrap: true, cell: (v) => ctx.expertNames(v.expertIds) },
    {
      header: 'exports.col.activities',
      width: 30,
      wrap: true,
      cell: (v) => activitiesText(v.activities, (table, key) => label(table, key), t('exports.doc.listSep')),
    },
    {
      header: 'exports.col.topics',
      width: 30,
      wrap: true,
      cell: (v) => ctx.list(v.activities.map((a) => a.topic)),
    },
    // One count column per activity type, so the sheet can be summed and pivoted without parsing text.
    ...ACTIVITY_TYPES.map(
      (type): ColumnSpec<Visit> => ({
        header: { text: label(activityTypes, type) },
        width: 10,
        cell: (v) => sessionsOf(v, type),
      }),
    ),
    {
      header: 'exports.col.sessions',
      width: 10,
      cell: (v) => v.activities.reduce((sum, a) => sum + a.count, 0),
    },
    { header: 'exports.col.peopleTrained', width: 10, cell: (v) => v.peopleTrained },
    { header: 'exports.col.beneficiaries', width: 10, cell: (v) => v.beneficiaries },
    { header: 'exports.col.needs', width: 30, wrap: true, cell: (v) => ctx.list(v.needIds.map(needTitle)) },
    { header: 'exports.col.location', width: 20, cell: (v) => v.location },
    { header: 'common.notes', width: 40, wrap: true, cell: (v) => v.notes },
    { header: 'exports.col.reviewState', width: 12, cell: (v) => ctx.reviewLabel(v.reviewState) },
    { header: 'exports.col.id', width: 38, cell: (v) => v.id },
  ];
  const rows = sortedBy(
    input.visits,
    byCode((v) => v.date),
    byName((v) => ctx.hostName(v.hostId)),
    byId,
  );
  return resolveSheet('visits', 'exports.sheet.visits', specs, rows, ctx);
}

/** The host and date of the visit a finding was recorded on (a problem may name its host itself). */
function visitColumns<R extends { visitId: string }>(
  ctx: SheetContext,
  hostOf: (row: R) => string,
): ColumnSpec<R>[] {
  return [
    { header: 'exports.col.visitDate', width: 12, cell: (r) => ctx.visitOf(r.visitId)?.date ?? '' },
    { header: 'common.host', width: 30, cell: (r) => ctx.hostName(hostOf(r)) },
  ];
}

const visitReviewColumn = <R extends { visitId: string }>(ctx: SheetContext): ColumnSpec<R> => ({
  header: 'exports.col.visitReview',
  width: 14,
  cell: (r) => ctx.reviewLabel(ctx.visitOf(r.visitId)?.reviewState ?? ''),
});

/** Findings sort by their visit (date, then host), then by what a person reads in them. */
function byVisit<R extends { visitId: string; id: string }>(
  ctx: SheetContext,
  rows: readonly R[],
  hostOf: (row: R) => string,
  text: (row: R) => string,
): R[] {
  return sortedBy(
    rows,
    byCode((r) => dateKey(ctx.visitOf(r.visitId)?.date ?? '')),
    byName((r) => ctx.hostName(hostOf(r))),
    byName(text),
    byId,
  );
}

export function problemsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const hostOf = (p: Problem) => p.hostId || ctx.visitOf(p.visitId)?.hostId || '';
  const specs: ColumnSpec<Problem>[] = [
    ...visitColumns(ctx, hostOf),
    { header: 'exports.col.problem', width: 36, wrap: true, cell: (p) => p.title },
    { header: 'common.description', width: 50, wrap: true, cell: (p) => p.description },
    { header: 'common.kind', width: 18, cell: (p) => ctx.label(problemCategories, p.category) },
    { header: 'common.field', width: 14, cell: (p) => p.field },
    { header: 'common.status', width: 12, cell: (p) => ctx.label(problemStatuses, p.status) },
    visitReviewColumn(ctx),
    { header: 'exports.col.id', width: 38, cell: (p) => p.id },
  ];
  const rows = byVisit(ctx, input.problems, hostOf, (p) => p.title);
  return resolveSheet('problems', 'exports.sheet.problems', specs, rows, ctx);
}

export function recommendationsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const hostOf = (r: Recommendation) => ctx.visitOf(r.visitId)?.hostId ?? '';
  const specs: ColumnSpec<Recommendation>[] = [
    ...visitColumns(ctx, hostOf),
    {
      header: 'exports.col.relatedProblem',
      width: 30,
      wrap: true,
      cell: (r) => ctx.lookup.problems.get(r.problemId)?.title ?? '',
    },
    { header: 'exports.col.recommendation', width: 60, wrap: true, cell: (r) => r.text },
    { header: 'exports.col.adopted', width: 10, cell: (r) => ctx.yesNo(r.adopted) },
    visitReviewColumn(ctx),
    { header: 'exports.col.id', width: 38, cell: (r) => r.id },
  ];
  const rows = byVisit(ctx, input.recommendations, hostOf, (r) => r.text);
  return resolveSheet('recommendations', 'exports.sheet.recommendations', specs, rows, ctx);
}

export function agreementsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const specs: ColumnSpec<Agreement>[] = [
    { header: 'exports.col.agreement', width: 36, wrap: true, cell: (a) => a.title },
    { header: 'common.kind', width: 22, cell: (a) => ctx.label(agreementKinds, a.kind) },
    { header: 'common.host', width: 30, cell: (a) => ctx.hostName(a.hostId) },
    { header: 'exports.col.parties', width: 36, wrap: true, cell: (a) => ctx.list(a.parties) },
    { header: 'common.experts', width: 24, wrap: true, cell: (a) => ctx.expertNames(a.expertIds) },
    { header: 'exports.col.signedDate', width: 12, cell: (a) => a.signedDate },
    { header: 'exports.col.termStart', width: 12, cell: (a) => a.termStart },
    { header: 'exports.col.termEnd', width: 12, cell: (a) => a.termEnd },
    { header: 'exports.col.amount', width: 12, cell: (a) => a.amount },
    { header: 'common.status', width: 10, cell: (a) => ctx.label(agreementStatuses, a.status) },
    { header: 'common.notes', width: 40, wrap: true, cell: (a) => a.notes },
    { header: 'exports.col.reviewState', width: 12, cell: (a) => ctx.reviewLabel(a.reviewState) },
    { header: 'exports.col.id', width: 38, cell: (a) => a.id },
  ];
  const rows = sortedBy(
    input.agreements,
    byCode((a) => dateKey(a.signedDate)),
    byName((a) => a.title),
    byId,
  );
  return resolveSheet('agreements', 'exports.sheet.agreements', specs, rows, ctx);
}
