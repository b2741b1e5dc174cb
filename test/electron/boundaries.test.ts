/**
 * The architecture's rules for these folders, checked on the source so they cannot silently erode:
 * only main.ts and preload.ts load 'electron' at runtime (everything else must run under plain Node in
 * tests), and shared/ipc imports nothing but zod and its own files.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

async function sources(folder: string): Promise<Array<[string, string]>> {
  const dir = path.join(repoRoot, folder);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ts'));
  return Promise.all(
    names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as [string, string]),
  );
}

/** Comments may mention anything; only code counts. (Good enough for our own sources.) */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

/** Module specifiers of value imports (type-only imports vanish at compile time). */
function valueImports(source: string): string[] {
  const code = stripComments(source);
  const specifiers: string[] = [];
  for (const match of code.matchAll(/^\s*import\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!match[1] && match[2]) specifiers.push(match[2]);
  }
  for (const match of code.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (match[1]) specifiers.push(match[1]);
  }
  return specifiers;
}

describe('module boundaries', () => {
  it("loads 'electron' at runtime only in main.ts and preload.ts", async () => {
    const files = await sources('electron');
    expect(files.length).toBeGreaterThan(5);
    for (const [name, code] of files) {
      const usesElectron = valueImports(code).includes('electron');
      expect(usesElectron, name).toBe(name === 'main.ts' || name === 'preload.ts');
    }
  });

  it('keeps shared/ipc free of Node, Electron and DOM', async () => {
    for (const [name, code] of await sources('shared/ipc')) {
      for (const specifier of valueImports(code)) {
        expect(
          specifier === 'zod' || specifier.startsWith('./') || specifier === '../enums',
          `${name}: ${specifier}`,
        ).toBe(true);
      }
      expect(stripComments(code), name).not.toMatch(
        /\b(window|document|localStorage|sessionStorage|navigator)\./,
      );
    }
  });

  it('keeps the preload free of anything but electron and the dependency-free channel names', async () => {
    const preload = await readFile(path.join(repoRoot, 'electron/preload.ts'), 'utf8');
    expect(valueImports(preload).sort()).toEqual(['../shared/ipc/channels', 'electron']);
    const channels = await readFile(path.join(repoRoot, 'shared/ipc/channels.ts'), 'utf8');
    expect(valueImports(channels)).toEqual([]);
  });
});
