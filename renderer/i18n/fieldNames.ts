import type { MessageKey } from '../../shared/i18n';

/**
 * A field's name in words, as the record's own form calls it ("走访日期", "在场专家"): the forms'
 * labels by table, then general field names, then words for fields no form names. Used wherever a
 * screen names a field for people: conflicts, merges, refused changes, refused backups.
 */
const BY_TABLE: Record<string, Record<string, MessageKey>> = {
  trips: {
    title: 'trips.form.title',
    region: 'trips.form.region',
    startDate: 'trips.form.startDate',
    endDate: 'trips.form.endDate',
    organisers: 'trips.form.organisers',
    coOrganisers: 'trips.form.coOrganisers',
    focusFields: 'trips.form.focusFields',
    status: 'trips.form.status',
    description: 'trips.form.description',
  },
  experts: {
    name: 'team.expert.name',
    title: 'team.expert.title',
    affiliation: 'team.expert.affiliation',
    fields: 'team.expert.fields',
    honours: 'team.expert.honours',
    phone: 'team.expert.phone',
    email: 'team.expert.email',
  },
  tripMembers: { role: 'team.member.role', group: 'team.member.group' },
  hosts: {
    name: 'hosts.field.name',
    creditCode: 'hosts.field.creditCode',
    kind: 'hosts.field.kind',
    district: 'hosts.field.district',
    industry: 'hosts.field.industry',
    contactName: 'hosts.field.contactName',
    contactPhone: 'hosts.field.contactPhone',
    address: 'hosts.field.address',
  },
  needs: { title: 'hosts.need.title', expertIds: 'hosts.need.experts', kind: 'common.kind' },
  visits: {
    hostId: 'visits.field.host',
    date: 'visits.field.date',
    expertIds: 'visits.field.experts',
    needIds: 'visits.field.needs',
    peopleTrained: 'visits.field.peopleTrained',
    beneficiaries: 'visits.field.beneficiaries',
    location: 'visits.field.location',
    notes: 'visits.field.notes',
  },
  problems: { category: 'problems.category', visitId: 'common.visit', field: 'common.field' },
  recommendations: { visitId: 'common.visit' },
  agreements: {
    title: 'agreements.title',
    parties: 'agreements.parties',
    expertIds: 'agreements.experts',
    signedDate: 'agreements.signedDate',
    termStart: 'agreements.termStart',
    termEnd: 'agreements.termEnd',
    amount: 'agreements.amount',
    kind: 'common.kind',
    visitId: 'common.visit',
  },
  followUps: {
    action: 'followUps.action',
    relatedType: 'followUps.relatedType',
    relatedId: 'followUps.related',
    owner: 'followUps.owner',
    dueDate: 'followUps.dueDate',
  },
};

/** Field names shared by several record types. */
const GENERAL: Record<string, MessageKey> = {
  title: 'sync.field.title',
  name: 'sync.field.name',
  region: 'sync.field.region',
  startDate: 'sync.field.startDate',
  endDate: 'sync.field.endDate',
  status: 'sync.field.status',
  date: 'sync.field.date',
  tripId: 'sync.field.tripId',
  hostId: 'sync.field.hostId',
  visitId: 'sync.field.visitId',
  expertId: 'sync.field.expertId',
  expertIds: 'sync.field.expertIds',
  activities: 'sync.field.activities',
  creditCode: 'sync.field.creditCode',
  email: 'sync.field.email',
  signedDate: 'sync.field.signedDate',
  termEnd: 'sync.field.termEnd',
  amount: 'sync.field.amount',
  action: 'sync.field.action',
  dueDate: 'sync.field.dueDate',
  text: 'sync.field.text',
  description: 'sync.field.description',
  notes: 'sync.field.notes',
};

const OWN: Record<string, MessageKey> = {
  reviewState: 'reconcile.field.reviewState',
  locked: 'reconcile.field.locked',
  adopted: 'reconcile.field.adopted',
  problemId: 'reconcile.field.problemId',
  body: 'reconcile.field.body',
  authorName: 'reconcile.field.authorName',
  _deleted: 'reconcile.field.deleted',
  field: 'common.field',
  kind: 'common.kind',
  group: 'team.member.group',
};

/** The message naming `field` of `table`, or null when nobody has words for it (shown as is). */
export function fieldTextKey(table: string, field: string): MessageKey | null {
  return BY_TABLE[table]?.[field] ?? GENERAL[field] ?? OWN[field] ?? null;
}
