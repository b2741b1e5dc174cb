import { z } from 'zod';
import { isHlc } from '../hlc';
import { recordTables } from '../schemas';

/**
 * The sync protocol between devices and the server (documented in docs/sync-protocol.md).
 *
 * Invariants:
 *  - a mutation is identified by its client mutation id; the server applies it at most once and answers
 *    a retry with the same result, so a push can be repeated after a lost response;
 *  - every mutation gets its own verdict: a refused one (validation, permission, clock drift, locked
 *    trip) never blocks the others in the batch;
 *  - pull is by per-scope cursors over the server's change sequence; the server makes sequence order
 *    equal commit order, so "seq > cursor" never skips a row;
 *  - a pulled change carries the record's whole merged state with per-field stamps; tombstones travel
 *    as `_deleted: true` like any field.
 */
export const PROTOCOL_VERSION = 1;
/** Oldest client protocol the server still accepts; older clients are told to update. */
export const MIN_PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-expert-trips-protocol';

export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PULL_LIMIT = 2000;
export const DEFAULT_PULL_LIMIT = 500;

const hlc = z.string().refine(isHlc, { message: 'not a hybrid logical clock stamp' });
const uuid = z.string().uuid();
export const tableName = z.enum(recordTables as [string, ...string[]]);

export const mutationSchema = z
  .object({
    mutationId: uuid,
    table: tableName,
    recordId: uuid,
    scope: z.string().min(1).max(64),
    changes: z.record(z.string().max(64), z.unknown()),
    stamps: z.record(z.string().max(64), hlc),
    baseStamps: z.record(z.string().max(64), hlc.nullable()).optional(),
  })
  .refine((m) => Object.keys(m.changes).length > 0, { message: 'a mutation changes at least one field' })
  .refine((m) => Object.keys(m.changes).every((f) => f in m.stamps), {
    message: 'every changed field needs a stamp',
  });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  deviceId: z.string().min(1).max(64),
  mutations: z.array(z.unknown()).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = { protocolVersion: number; deviceId: string; mutations: Mutation[] };

export const refusalReasons = ['validation', 'permission', 'clock_drift', 'locked', 'malformed'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const refusalSchema = z.object({
  mutationId: z.string(),
  reason: z.enum(refusalReasons),
  /** In words a person can act on (English; the client shows its own translation by reason). */
  message: z.string(),
  /** Field-level detail for validation refusals: zod issue paths and message keys. */
  issues: z
    .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
    .optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

export const pushResponseSchema = z.object({
  /** Mutation ids now durably applied (including retries of ones applied before). */
  applied: z.array(z.string()),
  refused: z.array(refusalSchema),
  serverTime: z.number(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  protocolVersion: z.number().int(),
  /** Last seen sequence number per scope; scopes not listed start from 0. */
  cursors: z.record(z.string().max(64), z.number().int().min(0)),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

export const changeSchema = z.object({
  seq: z.number().int(),
  table: tableName,
  recordId: z.string(),
  scope: z.string(),
  data: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), z.string()),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursors: z.record(z.string(), z.number().int()),
  /** The scopes this user may read now; a device drops data of scopes no longer listed. */
  scopes: z.array(z.string()),
  hasMore: z.boolean(),
  serverTime: z.number(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Body of every 4xx/5xx answer. `code` is stable for programs, `message` is for people. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const userRoles = ['admin', 'organiser', 'expert'] as const;
export type UserRole = (typeof userRoles)[number];
export const loginResponseSchema = z.object({
  token: z.string(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(userRoles),
  }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
