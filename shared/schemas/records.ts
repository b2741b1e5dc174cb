import { z } from 'zod';
import {
  activityTypes,
  agreementKinds,
  agreementStatuses,
  followUpRelatedTypes,
  followUpStatuses,
  hostKinds,
  memberRoles,
  needKinds,
  needStatuses,
  problemCategories,
  problemStatuses,
  reviewStates,
  tripStatuses,
} from '../enums';
import {
  count,
  creditCodeField,
  enumOf,
  id,
  idList,
  isoDate,
  optionalDate,
  optionalText,
  recordBase,
  requiredText,
  textList,
} from './common';

/** The records of DOMAIN.md. Each schema is the single truth for forms, the store and the server. */

export const tripSchema = z
  .object({
    ...recordBase,
    title: requiredText(120),
    region: requiredText(60),
    startDate: isoDate,
    endDate: isoDate,
    organisers: textList,
    coOrganisers: textList,
    focusFields: textList,
    status: enumOf(tripStatuses).default('planning'),
    locked: z.boolean().default(false),
    description: optionalText(4000),
  })
  .refine((t) => t.endDate >= t.startDate, { message: 'v.endBeforeStart', path: ['endDate'] });
export type Trip = z.infer<typeof tripSchema>;

export const expertSchema = z.object({
  ...recordBase,
  name: requiredText(40),
  title: optionalText(60),
  affiliation: optionalText(120),
  fields: textList,
  honours: textList,
  phone: optionalText(40),
  email: z.union([z.literal(''), z.string().trim().email({ message: 'v.email' })]).default(''),
});
export type Expert = z.infer<typeof expertSchema>;

export const tripMemberSchema = z.object({
  ...recordBase,
  tripId: id,
  expertId: id,
  role: enumOf(memberRoles).default('expert'),
  group: optionalText(60),
});
export type TripMember = z.infer<typeof tripMemberSchema>;

export const hostSchema = z.object({
  ...recordBase,
  name: requiredText(120),
  creditCode: creditCodeField,
  kind: enumOf(hostKinds).default('enterprise'),
  district: optionalText(60),
  industry: optionalText(60),
  contactName: optionalText(40),
  contactPhone: optionalText(40),
  address: optionalText(200),
});
export type Host = z.infer<typeof hostSchema>;

export const needSchema = z.object({
  ...recordBase,
  tripId: id,
  hostId: id,
  kind: enumOf(needKinds).default('technical'),
  field: optionalText(60),
  title: requiredText(200),
  description: optionalText(4000),
  expertIds: idList,
  status: enumOf(needStatuses).default('open'),
});
export type Need = z.infer<typeof needSchema>;

export const activitySchema = z.object({
  type: enumOf(activityTypes),
  count: count.min(1, { message: 'v.atLeastOne' }),
  topic: optionalText(200),
});
export type Activity = z.infer<typeof activitySchema>;

export const visitSchema = z.object({
  ...recordBase,
  tripId: id,
  hostId: id,
  needIds: idList,
  date: isoDate,
  expertIds: z.array(id).min(1, { message: 'v.expertsRequired' }).max(100),
  activities: z.array(activitySchema).min(1, { message: 'v.activitiesRequired' }).max(30),
  peopleTrained: count.default(0),
  beneficiaries: count.default(0),
  notes: optionalText(8000),
  location: optionalText(200),
  reviewState: enumOf(reviewStates).default('draft'),
});
export type Visit = z.infer<typeof visitSchema>;

export const problemSchema = z.object({
  ...recordBase,
  tripId: id,
  visitId: id,
  hostId: z.union([id, z.literal('')]).default(''),
  title: requiredText(200),
  description: optionalText(4000),
  category: enumOf(problemCategories).default('other'),
  field: optionalText(60),
  status: enumOf(problemStatuses).default('identified'),
});
export type Problem = z.infer<typeof problemSchema>;

export const recommendationSchema = z.object({
  ...recordBase,
  tripId: id,
  visitId: id,
  problemId: z.union([id, z.literal('')]).default(''),
  text: requiredText(4000),
  adopted: z.boolean().default(false),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const agreementSchema = z
  .object({
    ...recordBase,
    tripId: id,
    hostId: id,
    visitId: z.union([id, z.literal('')]).default(''),
    kind: enumOf(agreementKinds).default('cooperation'),
    title: requiredText(200),
    parties: textList,
    expertIds: idList,
    signedDate: optionalDate,
    termStart: optionalDate,
    termEnd: optionalDate,
    /** Amount in 万元 (ten thousand yuan), as the province reports it; 0 when none. */
    amount: z
      .number({ message: 'v.number' })
      .min(0, { message: 'v.nonNegative' })
      .max(10_000_000, { message: 'v.tooLarge' })
      .default(0),
    status: enumOf(agreementStatuses).default('draft'),
    notes: optionalText(4000),
  })
  .refine((a) => !a.termStart || !a.termEnd || a.termEnd >= a.termStart, {
    message: 'v.endBeforeStart',
    path: ['termEnd'],
  })
  .refine((a) => a.status === 'draft' || a.status === 'negotiating' || a.signedDate !== '', {
    message: 'v.signedDateRequired',
    path: ['signedDate'],
  });
export type Agreement = z.infer<typeof agreementSchema>;

export const followUpSchema = z.object({
  ...recordBase,
  tripId: id,
  relatedType: enumOf(followUpRelatedTypes).default('visit'),
  relatedId: z.union([id, z.literal('')]).default(''),
  action: requiredText(400),
  owner: optionalText(60),
  dueDate: isoDate,
  status: enumOf(followUpStatuses).default('planned'),
  notes: optionalText(4000),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** Every synced record type, by the name of its table. The order is the order of the JSON backup. */
export const recordSchemas = {
  trips: tripSchema,
  experts: expertSchema,
  tripMembers: tripMemberSchema,
  hosts: hostSchema,
  needs: needSchema,
  visits: visitSchema,
  problems: problemSchema,
  recommendations: recommendationSchema,
  agreements: agreementSchema,
  followUps: followUpSchema,
} as const;

export type RecordTable = keyof typeof recordSchemas;
export const recordTables = Object.keys(recordSchemas) as RecordTable[];

export type RecordOf<T extends RecordTable> = z.infer<(typeof recordSchemas)[T]>;

/** Tables shared by every trip (the directory); all others belong to one trip's scope. */
export const directoryTables = ['experts', 'hosts'] as const satisfies readonly RecordTable[];
export const isDirectoryTable = (table: RecordTable): boolean =>
  (directoryTables as readonly string[]).includes(table);
