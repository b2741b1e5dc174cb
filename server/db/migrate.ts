import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './index';

/**
 * Versioned SQL migrations (server/migrations/NNN_name.sql), applied in order at start.
 *
 * Invariants:
 *  - each file runs in its own transaction together with its row in schema_migrations, so a file is
 *    applied completely or not at all, and exactly once;
 *  - every migration transaction first takes an advisory lock, so several server instances starting at
 *    the same time against one PostgreSQL apply each file once (the others wait, then see it recorded);
 *  - files are never edited once released: a change is a new file.
 */
const MIGRATION_LOCK = 727_100_002;
const FILE_PATTERN = /^(\d{3})_[a-z0-9_]+\.sql$/;

export const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

export type Migration = { version: string; name: string; sql: string };

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .map((name) => ({
      version: name.slice(0, 3),
      name,
      sql: readFileSync(path.join(dir, name), 'utf8'),
    }));
}

const CREATE_TABLE = `create table if not exists schema_migrations (
  version text primary key,
  name text not null,
  applied_at timestamptz not null default now()
)`;

/** Applies the pending migrations; returns the names of the files applied now. */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(CREATE_TABLE);
      const seen = await tx.query('select 1 from schema_migrations where version = $1', [m.version]);
      if (seen.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

/** The migrations shipped with this build that the database has not recorded (empty = up to date). */
export async function pendingMigrations(db: Db, migrations = listMigrations()): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  if (!exists[0]?.t) return migrations.map((m) => m.name);
  const rows = await db.query<{ version: string }>('select version from schema_migrations');
  const have = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !have.has(m.version)).map((m) => m.name);
}
