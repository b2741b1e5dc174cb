// Runs the sync server suite once per store: PGlite always, PostgreSQL when TEST_DATABASE_URL is set
// (each test file creates and drops its own database through that connection). Exits non-zero if any
// run fails.
import { spawnSync } from 'node:child_process';

const vitest = ['vitest', 'run', '-c', 'vitest.server.config.ts', ...process.argv.slice(2)];
const runs = [{ store: 'pglite', env: {} }];
const url = process.env.TEST_DATABASE_URL;
if (url) runs.push({ store: 'postgres', env: { TEST_DATABASE_URL: url } });

let failed = false;
for (const run of runs) {
  console.log(`\n=== sync server tests: STORE=${run.store} ===`);
  const result = spawnSync('npx', vitest, {
    stdio: 'inherit',
    env: { ...process.env, ...run.env, STORE: run.store },
  });
  if (result.status !== 0) {
    failed = true;
    console.error(`=== STORE=${run.store}: FAILED (exit ${result.status ?? result.signal}) ===`);
  } else {
    console.log(`=== STORE=${run.store}: passed ===`);
  }
}
if (!url) {
  console.log(
    '\n=== PostgreSQL pass SKIPPED: TEST_DATABASE_URL is not set. Set it to a PostgreSQL connection that ' +
      'may create databases (e.g. postgres://test:test@127.0.0.1:5432/postgres) to run the suite against ' +
      'PostgreSQL too. ===',
  );
}
process.exit(failed ? 1 : 0);
