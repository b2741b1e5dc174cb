import {
  activityTypes,
  agreementKinds,
  agreementStatuses,
  followUpRelatedTypes,
  followUpStatuses,
  hostKinds,
  type Labelled,
  type Lang,
  labelOf,
  memberRoles,
  needKinds,
  needStatuses,
  problemCategories,
  problemStatuses,
  reviewStates,
  tripStatuses,
} from '../../../shared/enums';
import { translate } from '../../../shared/i18n';
import type { RecordTable } from '../../../shared/schemas';
import { listSeparator } from '../../components/list';

/**
 * What kind of value a field holds, so that a conflict's two values can be shown in words (labels, names,
 * dates) and edited with a fitting field. Decided by the table and field, like the schemas declare them.
 */
export type ValueKind =
  | { kind: 'text'; long: boolean }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'deleted' }
  | { kind: 'enum'; table: Record<string, Labelled> }
  | { kind: 'textList' }
  | { kind: 'ref'; target: RecordTable }
  | { kind: 'refList'; target: 'experts' | 'needs' }
  | { kind: 'activities' }
  | { kind: 'other' };

const ENUMS: Record<string, Record<string, Labelled>> = {
  'trips.status': tripStatuses,
  'tripMembers.role': memberRoles,
  'hosts.kind': hostKinds,
  'needs.kind': needKinds,
  'needs.status': needStatuses,
  'visits.reviewState': reviewStates,
  'problems.category': problemCategories,
  'problems.status': problemStatuses,
  'agreements.kind': agreementKinds,
  'agreements.status': agreementStatuses,
  'agreements.reviewState': reviewStates,
  'followUps.status': followUpStatuses,
  'followUps.relatedType': followUpRelatedTypes,
  'comments.reviewState': reviewStates,
};

const RELATED_TABLE: Record<string, RecordTable> = {
  visit: 'visits',
  problem: 'problems',
  agreement: 'agreements',
  need: 'needs',
  host: 'hosts',
};

const DATES = new Set(['startDate', 'endDate', 'date', 'signedDate', 'termStart', 'termEnd', 'dueDate']);
const NUMBERS = new Set(['peopleTrained', 'beneficiaries', 'amount']);
const BOOLEANS = new Set(['locked', 'adopted']);
const TEXT_LISTS = new Set(['organisers', 'coOrganisers', 'focusFields', 'fields', 'honours', 'parties']);
const LONG_TEXT = new Set(['description', 'notes', 'text', 'body']);
const REFS: Record<string, RecordTable> = {
  hostId: 'hosts',
  visitId: 'visits',
  problemId: 'problems',
  expertId: 'experts',
  tripId: 'trips',
};

/** `record` is the record the field belongs to, when on the device (a follow-up's relatedId needs it). */
export function kindOf(table: string, field: string, record?: Record<string, unknown>): ValueKind {
  const enumTable = ENUMS[`${table}.${field}`];
  if (enumTable) return { kind: 'enum', table: enumTable };
  if (field === '_deleted') return { kind: 'deleted' };
  if (field === 'activities') return { kind: 'activities' };
  if (field === 'expertIds') return { kind: 'refList', target: 'experts' };
  if (field === 'needIds') return { kind: 'refList', target: 'needs' };
  const ref = REFS[field];
  if (ref) return { kind: 'ref', target: ref };
  if (table === 'followUps' && field === 'relatedId') {
    const target = RELATED_TABLE[String(record?.relatedType ?? '')];
    return target ? { kind: 'ref', target } : { kind: 'other' };
  }
  if (DATES.has(field)) return { kind: 'date' };
  if (NUMBERS.has(field)) return { kind: 'number' };
  if (BOOLEANS.has(field)) return { kind: 'boolean' };
  if (TEXT_LISTS.has(field)) return { kind: 'textList' };
  if (LONG_TEXT.has(field)) return { kind: 'text', long: true };
  return { kind: 'text', long: false };
}

/** The ids a value names, by the table they belong to (to look their names up). */
export function idsIn(kind: ValueKind, value: unknown): { table: RecordTable; ids: string[] } | null {
  if (kind.kind === 'ref' && typeof value === 'string' && value !== '') {
    return { table: kind.target, ids: [value] };
  }
  if (kind.kind === 'refList' && Array.isArray(value)) {
    return { table: kind.target, ids: value.filter((v): v is string => typeof v === 'string') };
  }
  return null;
}

/** Names of referenced records, keyed `${table}:${id}`. */
export type NameLookup = ReadonlyMap<string, string>;
export const nameKey = (table: RecordTable, id: string) => `${table}:${id}`;

function formatDate(lang: Lang, iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(`${iso}T00:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** A value in words for people: labels for enums, names for ids, local dates, lists joined with 、. */
export function formatValue(kind: ValueKind, value: unknown, lang: Lang, names: NameLookup): string {
  if (kind.kind === 'deleted')
    return translate(lang, value ? 'reconcile.value.deleted' : 'reconcile.value.live');
  if (isEmpty(value)) return translate(lang, 'reconcile.value.empty');
  const sep = listSeparator(lang);
  const nameOf = (table: RecordTable, id: unknown) =>
    typeof id === 'string'
      ? (names.get(nameKey(table, id)) ?? translate(lang, 'reconcile.value.missingRecord'))
      : String(id);
  switch (kind.kind) {
    case 'enum':
      return typeof value === 'string' && value in kind.table
        ? labelOf(kind.table, value, lang)
        : String(value);
    case 'ref':
      return nameOf(kind.target, value);
    case 'refList':
      return Array.isArray(value) ? value.map((id) => nameOf(kind.target, id)).join(sep) : String(value);
    case 'textList':
      return Array.isArray(value) ? value.map(String).join(sep) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(lang, value) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString(lang) : String(value);
    case 'boolean':
      return translate(lang, value === true ? 'common.yes' : 'common.no');
    case 'activities':
      return Array.isArray(value) ? value.map((a) => formatActivity(a, lang)).join(sep) : String(value);
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'other':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function formatActivity(activity: unknown, lang: Lang): string {
  if (typeof activity !== 'object' || activity === null) return String(activity);
  const a = activity as { type?: unknown; count?: unknown; topic?: unknown };
  const type =
    typeof a.type === 'string' && a.type in activityTypes
      ? labelOf(activityTypes, a.type as keyof typeof activityTypes, lang)
      : String(a.type ?? '');
  const topic =
    typeof a.topic === 'string' && a.topic !== ''
      ? lang === 'zh-CN'
        ? `（${a.topic}）`
        : ` (${a.topic})`
      : '';
  return `${type} ×${String(a.count ?? '')}${topic}`;
}

/**
 * For list values (experts present, parties…), what the other value adds and lacks compared with the
 * current one: long lists that differ by one name are hard to compare by eye. Null for other kinds.
 */
export function listDifference(
  kind: ValueKind,
  current: unknown,
  other: unknown,
): { added: unknown[]; removed: unknown[] } | null {
  if (kind.kind !== 'refList' && kind.kind !== 'textList') return null;
  if (!Array.isArray(current) || !Array.isArray(other)) return null;
  const now = new Set(current);
  const then = new Set(other);
  return { added: other.filter((v) => !now.has(v)), removed: current.filter((v) => !then.has(v)) };
}
