#!/usr/bin/env node
/**
 * Bundles the Electron main process and preload with esbuild:
 *   electron/main.ts    → dist-electron/main.cjs     (package.json "main")
 *   electron/preload.ts → dist-electron/preload.cjs
 *
 * CommonJS because a sandboxed preload cannot load ES modules, and one format for both keeps it simple.
 * Everything except 'electron' is bundled (zod, shared/): the packaged app ships no node_modules for these.
 * Needs only esbuild, never the Electron binary, so it runs on CI machines that cannot download Electron.
 *
 * Usage: node scripts/build-electron.mjs [--outdir <dir>]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseOutDir(argv) {
  const index = argv.indexOf('--outdir');
  if (index === -1) return path.join(root, 'dist-electron');
  const value = argv[index + 1];
  if (!value) throw new Error('--outdir needs a directory');
  return path.resolve(value);
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * The preload runs in a sandbox whose `require` knows only 'electron' (and a few Node built-in shims);
 * anything else left as a require() would fail at runtime, in the field, with no test able to notice.
 */
async function assertPreloadRequiresOnlyElectron(file) {
  const code = await readFile(file, 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
  const foreign = required.filter((name) => name !== 'electron');
  if (foreign.length > 0) {
    throw new Error(
      `preload bundle requires ${foreign.join(', ')}; a sandboxed preload may require only 'electron'`,
    );
  }
}

export async function buildElectron(outDir) {
  const mainFile = path.join(outDir, 'main.cjs');
  const preloadFile = path.join(outDir, 'preload.cjs');
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: mainFile }),
    build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: preloadFile }),
  ]);
  await assertPreloadRequiresOnlyElectron(preloadFile);
  return { mainFile, preloadFile };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  try {
    const { mainFile, preloadFile } = await buildElectron(parseOutDir(process.argv.slice(2)));
    console.log(`built ${path.relative(root, mainFile)} and ${path.relative(root, preloadFile)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
