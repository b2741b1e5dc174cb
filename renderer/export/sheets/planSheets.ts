import {
  followUpRelatedTypes,
  followUpStatuses,
  hostKinds,
  memberRoles,
  needKinds,
  needStatuses,
} from '../../../shared/enums';
import { byCode, byName, roleRank, sortedBy } from '../../../shared/report/reportLookup';
import { relatedLabel } from '../../../shared/report/reportSections';
import type { ReportInput } from '../../../shared/report/tripReport';
import type { FollowUp, Host, Need, TripMember } from '../../../shared/schemas';
import type { ColumnSpec, RecordSheet, SheetContext } from './sheetKit';
import { resolveSheet } from './sheetKit';

/** The sheets around the visits: needs, follow-ups, the team and the host units. */

const byId = byCode<{ id: string }>((r) => r.id);

export function needsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const specs: ColumnSpec<Need>[] = [
    { header: 'common.host', width: 30, cell: (n) => ctx.hostName(n.hostId) },
    { header: 'exports.col.need', width: 36, wrap: true, cell: (n) => n.title },
    { header: 'common.kind', width: 16, cell: (n) => ctx.label(needKinds, n.kind) },
    { header: 'common.field', width: 14, cell: (n) => n.field },
    { header: 'common.description', width: 50, wrap: true, cell: (n) => n.description },
    { header: 'common.experts', width: 24, wrap: true, cell: (n) => ctx.expertNames(n.expertIds) },
    { header: 'common.status', width: 12, cell: (n) => ctx.label(needStatuses, n.status) },
    { header: 'exports.col.id', width: 38, cell: (n) => n.id },
  ];
  const rows = sortedBy(
    input.needs,
    byName((n) => ctx.hostName(n.hostId)),
    byName((n) => n.title),
    byId,
  );
  return resolveSheet('needs', 'exports.sheet.needs', specs, rows, ctx);
}

/** The record a follow-up is about, in words: a host's name, "host · date" for a visit, else a title. */
export function followUpsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const specs: ColumnSpec<FollowUp>[] = [
    { header: 'exports.col.action', width: 40, wrap: true, cell: (f) => f.action },
    {
      header: 'exports.col.relatedType',
      width: 10,
      cell: (f) => ctx.label(followUpRelatedTypes, f.relatedType),
    },
    { header: 'exports.col.related', width: 32, wrap: true, cell: (f) => relatedLabel(ctx.lookup, f) },
    { header: 'exports.col.owner', width: 14, cell: (f) => f.owner },
    { header: 'exports.col.dueDate', width: 12, cell: (f) => f.dueDate },
    { header: 'common.status', width: 10, cell: (f) => ctx.label(followUpStatuses, f.status) },
    { header: 'common.notes', width: 40, wrap: true, cell: (f) => f.notes },
    { header: 'exports.col.id', width: 38, cell: (f) => f.id },
  ];
  const rows = sortedBy(
    input.followUps,
    byCode((f) => f.dueDate),
    byName((f) => f.action),
    byId,
  );
  return resolveSheet('followUps', 'exports.sheet.followUps', specs, rows, ctx);
}

export function teamSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const expert = (m: TripMember) => ctx.lookup.experts.get(m.expertId);
  const specs: ColumnSpec<TripMember>[] = [
    { header: 'exports.col.name', width: 12, cell: (m) => expert(m)?.name ?? '' },
    { header: 'exports.col.proTitle', width: 16, cell: (m) => expert(m)?.title ?? '' },
    { header: 'exports.col.affiliation', width: 30, wrap: true, cell: (m) => expert(m)?.affiliation ?? '' },
    { header: 'exports.col.role', width: 12, cell: (m) => ctx.label(memberRoles, m.role) },
    { header: 'exports.col.group', width: 16, cell: (m) => m.group },
    { header: 'exports.col.fields', width: 24, wrap: true, cell: (m) => ctx.list(expert(m)?.fields ?? []) },
    { header: 'exports.col.honours', width: 24, wrap: true, cell: (m) => ctx.list(expert(m)?.honours ?? []) },
    { header: 'exports.col.phone', width: 16, cell: (m) => expert(m)?.phone ?? '' },
    { header: 'exports.col.email', width: 24, cell: (m) => expert(m)?.email ?? '' },
    { header: 'exports.col.id', width: 38, cell: (m) => m.id },
  ];
  // The order a team is introduced in: chief expert, group leaders, experts; then by group and name.
  const rows = sortedBy(
    input.members,
    byCode((m) => roleRank(m.role)),
    byName((m) => m.group),
    byName((m) => expert(m)?.name ?? ''),
    byId,
  );
  return resolveSheet('team', 'exports.sheet.team', specs, rows, ctx);
}

export function hostsSheet(input: ReportInput, ctx: SheetContext): RecordSheet {
  const specs: ColumnSpec<Host>[] = [
    { header: 'exports.col.hostName', width: 34, wrap: true, cell: (h) => h.name },
    { header: 'exports.col.creditCode', width: 22, cell: (h) => h.creditCode },
    { header: 'exports.col.hostKind', width: 14, cell: (h) => ctx.label(hostKinds, h.kind) },
    { header: 'exports.col.district', width: 14, cell: (h) => h.district },
    { header: 'exports.col.industry', width: 16, cell: (h) => h.industry },
    { header: 'exports.col.contactName', width: 12, cell: (h) => h.contactName },
    { header: 'exports.col.contactPhone', width: 16, cell: (h) => h.contactPhone },
    { header: 'exports.col.address', width: 36, wrap: true, cell: (h) => h.address },
    { header: 'exports.col.id', width: 38, cell: (h) => h.id },
  ];
  const rows = sortedBy(
    input.hosts,
    byName((h) => h.name),
    byId,
  );
  return resolveSheet('hosts', 'exports.sheet.hosts', specs, rows, ctx);
}
