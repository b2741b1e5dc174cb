import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type UserRole, userRoles } from '../../shared/sync/protocol';
import type { Queryable } from '../db/index';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';
import { hashToken } from './tokens';

/** Accounts: the people who sign in. Not to be confused with Expert records (the directory). */
export type AuthUser = {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  expertId: string | null;
};

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: UserRole;
  expert_id: string | null;
};

export const toUser = (r: UserRow): AuthUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  expertId: r.expert_id,
});

export const usernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._@+-]+$/u, { message: 'use letters, digits and . _ @ + - only' });

export const newUserSchema = z.object({
  username: usernameSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { message: `at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(200),
  displayName: z.string().trim().max(120).optional(),
  role: z.enum(userRoles),
  expertId: z.string().uuid().nullable().optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export class UsernameTakenError extends Error {
  override readonly name = 'UsernameTakenError';
}

const COLUMNS = 'id, username, display_name, role, expert_id';

export async function createUser(db: Queryable, input: NewUser): Promise<AuthUser> {
  const user = newUserSchema.parse(input);
  const taken = await db.query('select 1 from users where lower(username) = lower($1)', [user.username]);
  if (taken.length > 0) throw new UsernameTakenError(`The username ${user.username} is already taken.`);
  const rows = await db.query<UserRow>(
    `insert into users (id, username, display_name, role, expert_id, password_hash)
     values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
    [
      randomUUID(),
      user.username,
      user.displayName || user.username,
      user.role,
      user.expertId ?? null,
      await hashPassword(user.password),
    ],
  );
  return toUser(rows[0] as UserRow);
}

export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<(AuthUser & { passwordHash: string }) | undefined> {
  const rows = await db.query<UserRow & { password_hash: string }>(
    `select ${COLUMNS}, password_hash from users where lower(username) = lower($1)`,
    [username],
  );
  const row = rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function findUser(db: Queryable, id: string): Promise<AuthUser | undefined> {
  const rows = await db.query<UserRow>(`select ${COLUMNS} from users where id = $1`, [id]);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function listUsers(db: Queryable): Promise<AuthUser[]> {
  const rows = await db.query<UserRow>(`select ${COLUMNS} from users order by lower(username)`);
  return rows.map(toUser);
}

/** The user a live (unexpired, unrevoked) token belongs to. */
export async function userForToken(db: Queryable, token: string): Promise<AuthUser | undefined> {
  const rows = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.role, u.expert_id
       from auth_tokens t join users u on u.id = t.user_id
      where t.token_hash = $1 and t.revoked_at is null and t.expires_at > now()`,
    [hashToken(token)],
  );
  return rows[0] ? toUser(rows[0]) : undefined;
}
