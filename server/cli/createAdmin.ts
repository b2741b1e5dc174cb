import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { createUser, usernameSchema } from '../auth/users';
import { loadConfig } from '../config';
import { type Db, describeStore, openDb, type StoreOptions } from '../db/index';
import { migrate } from '../db/migrate';

/**
 * `npm run server:create-admin -- --username NAME [--display-name TEXT] [--force]`
 * The password comes from ADMIN_PASSWORD (preferred: command lines are visible to other users of the
 * machine) or --password. Uses the same store as the server (DATABASE_URL, else PGlite in DATA_DIR).
 * Refuses when an administrator exists, unless --force (which also resets the password of an existing
 * account with that username and makes it an administrator).
 */
export type Output = { log(line: string): void; error(line: string): void };

const USAGE =
  'Usage: npm run server:create-admin -- --username NAME [--display-name TEXT] [--force]\n' +
  '       (password from the ADMIN_PASSWORD environment variable, or --password)';

export async function createAdminCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: Output,
  store?: StoreOptions,
): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    out.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out.log(USAGE);
    return 0;
  }
  const username = args.username ?? env.ADMIN_USERNAME;
  const password = args.password ?? env.ADMIN_PASSWORD;
  if (!username || !password) {
    out.error(`A username and a password are needed.\n${USAGE}`);
    return 2;
  }
  const name = usernameSchema.safeParse(username);
  if (!name.success) {
    out.error(`The username is not valid: ${name.error.issues[0]?.message ?? 'invalid'}.`);
    return 2;
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    out.error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
    return 2;
  }

  const where: StoreOptions =
    store ??
    (() => {
      const config = loadConfig(env);
      return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
    })();
  let db: Db | undefined;
  try {
    db = 'db' in where ? where.db : await openDb(where);
    await migrate(db);
    const admins = await db.query<{ username: string }>(
      `select username from users where role = 'admin' order by username`,
    );
    if (admins.length > 0 && !args.force) {
      out.error(
        `Refused: an administrator already exists (${admins.map((a) => a.username).join(', ')}). ` +
          'Sign in with it to create more accounts, or run again with --force.',
      );
      return 1;
    }
    const existing = await db.query<{ id: string }>(
      'select id from users where lower(username) = lower($1)',
      [name.data],
    );
    if (existing[0]) {
      if (!args.force) {
        out.error(`Refused: the username ${name.data} is taken. Choose another, or run again with --force.`);
        return 1;
      }
      await db.query(`update users set role = 'admin', password_hash = $2 where id = $1`, [
        existing[0].id,
        await hashPassword(password),
      ]);
      out.log(`Made ${name.data} an administrator with the new password (${describeStore(where)}).`);
      return 0;
    }
    const user = await createUser(db, {
      username: name.data,
      password,
      role: 'admin',
      displayName: args['display-name'] ?? name.data,
    });
    out.log(`Created administrator ${user.username} (id ${user.id}) in ${describeStore(where)}.`);
    out.log('Sign in with it in the app, then create organiser and expert accounts.');
    return 0;
  } catch (error) {
    out.error(
      `Could not create the administrator: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    if (db && !('db' in where)) await db.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      username: { type: 'string', short: 'u' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  createAdminCommand(process.argv.slice(2), process.env, console).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
