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
    reviewState: enumOf(reviewStates).default('draft'),
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

/** Record types an organiser reviews (review state + comment thread). */
export const reviewedTables = ['visits', 'agreements'] as const;
export type ReviewedTable = (typeof reviewedTables)[number];

/**
 * One entry of a record's review thread: an organiser's feedback or an expert's reply. Append-only by
 * convention (nobody edits another's comment); `reviewState` is the state the author set with it, if any,
 * so the thread reads as the review history ("标记为待修改: 缺少问题描述").
 */
export const commentSchema = z.object({
  ...recordBase,
  tripId: id,
  recordTable: z.enum(reviewedTables, { message: 'v.choice' }),
  recordId: id,
  body: optionalText(4000),
  authorName: optionalText(60),
  reviewState: z.union([enumOf(reviewStates), z.literal('')]).default(''),
});
export type Comment = z.infer<typeof commentSchema>;

/** Record types the organiser can merge duplicates of. */
export const mergeableTables = ['hosts', 'visits'] as const;
export type MergeableTable = (typeof mergeableTables)[number];

/**
 * The merge trail: `fromId` was merged into `intoId`. Kept in the trip where the organiser merged, and
 * never deleted: the server follows it to re-point writes that devices make offline to the merged-away
 * record (see shared/sync/references.ts and server/sync/merges.ts).
 */
export const mergeSchema = z
  .object({
    ...recordBase,
    tripId: id,
    table: z.enum(mergeableTables, { message: 'v.choice' }),
    fromId: id,
    intoId: id,
    /** What the merged-away record was called, for the trail ("重庆某某有限公司 → 某某股份有限公司"). */
    fromLabel: optionalText(200),
    intoLabel: optionalText(200),
    mergedBy: optionalText(60),
    reason: optionalText(400),
  })
  .refine((m) => m.fromId !== m.intoId, { message: 'v.mergeSelf', path: ['intoId'] });
export type Merge = z.infer<typeof mergeSchema>;

export const conflictResolutions = ['open', 'kept_current', 'kept_other', 'edited'] as const;
/** The only fields of a conflict record a device may change (the server refuses any other). */
export const conflictResolutionFields = ['resolution', 'resolvedBy', 'resolvedAt'] as const;

/**
 * A concurrent write that lost a field, as the server saw it. Created only by the server (in the
 * record's scope: its trip, or the directory); an organiser resolves it with an ordinary write of the
 * record's field and of `resolution`, so resolving works offline and syncs like any edit.
 *  current: the value the record holds now (the winner); other: the value that lost.
 */
export const conflictSchema = z.object({
  ...recordBase,
  /** The record's trip, or '' for a directory record (host, expert). */
  tripId: z.union([id, z.literal('')]).default(''),
  table: z.string().min(1).max(40),
  recordId: id,
  field: z.string().min(1).max(64),
  currentValue: z.unknown(),
  currentStamp: z.string().max(100),
  currentBy: optionalText(60),
  otherValue: z.unknown(),
  otherStamp: z.string().max(100),
  otherBy: optionalText(60),
  resolution: z.enum(conflictResolutions).default('open'),
  resolvedBy: optionalText(60),
  resolvedAt: optionalText(40),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const attachmentKinds = ['photo', 'scan', 'signature'] as const;
export const attachmentTables = ['visits', 'agreements'] as const;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A file attached to a visit (photos) or an agreement (scans, one drawn signature per party). The bytes
 * are a content-addressed blob (SHA-256, lowercase hex) kept on the device and uploaded to the server by
 * hash; this record is the reference that syncs. Several records may name one hash (the same photo
 * attached twice is stored once); a blob nobody names any more can be freed.
 */
export const attachmentSchema = z.object({
  ...recordBase,
  tripId: id,
  recordTable: z.enum(attachmentTables, { message: 'v.choice' }),
  recordId: id,
  kind: z.enum(attachmentKinds, { message: 'v.choice' }).default('photo'),
  hash: z.string().regex(SHA256_HEX, { message: 'v.invalid' }),
  /** MIME type of the stored bytes: image/jpeg, image/png, image/webp or application/pdf. */
  type: z.string().min(1).max(100),
  size: z.number().int().min(0),
  name: optionalText(200),
  caption: optionalText(400),
  width: z.number().int().min(0).default(0),
  height: z.number().int().min(0).default(0),
  /** When the photo was taken (EXIF), ISO; '' if unknown. */
  takenAt: optionalText(40),
  /** Where it was taken (EXIF GPS), decimal degrees; null if unknown. */
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  /** A signature: which party signed (one of the agreement's parties). */
  party: optionalText(200),
  /** The hash of the unreduced original, when the user chose to keep it; '' otherwise. */
  originalHash: z.union([z.string().regex(SHA256_HEX), z.literal('')]).default(''),
});
export type Attachment = z.infer<typeof attachmentSchema>;

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
  comments: commentSchema,
  merges: mergeSchema,
  conflicts: conflictSchema,
  attachments: attachmentSchema,
} as const;

export type RecordTable = keyof typeof recordSchemas;
export const recordTables = Object.keys(recordSchemas) as RecordTable[];

export type RecordOf<T extends RecordTable> = z.infer<(typeof recordSchemas)[T]>;

/** Tables shared by every trip (the directory); all others belong to one trip's scope. */
export const directoryTables = ['experts', 'hosts'] as const satisfies readonly RecordTable[];
export const isDirectoryTable = (table: RecordTable): boolean =>
  (directoryTables as readonly string[]).includes(table);
