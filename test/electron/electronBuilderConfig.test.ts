/**
 * Validates electron-builder.yml with electron-builder's own loader and schema (no packaging, no Electron
 * download), and checks that it ships what package.json and the build script point at.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface LoadedConfig {
  appId?: string;
  productName?: string;
  files?: Array<{ filter?: string[] }>;
  directories?: { output?: string };
  linux?: { target?: string[]; category?: string; maintainer?: string };
  win?: { target?: string[] };
  mac?: { target?: string[] };
}

async function loadConfig(): Promise<LoadedConfig> {
  // Internal modules of electron-builder (pinned by the lockfile): the same code `electron-builder` runs.
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util');
  const config = await getConfig(repoRoot, path.join(repoRoot, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('is valid and targets AppImage + deb, NSIS and dmg', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('cn.experttrips.app');
    expect(config.productName).toContain('Expert Trips');
    expect(config.directories?.output).toBe('release');
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('ships the renderer, the Electron bundles and package.json', async () => {
    const config = await loadConfig();
    const patterns = config.files?.flatMap((set) => set.filter ?? []) ?? [];
    expect(patterns).toEqual(
      expect.arrayContaining(['dist/renderer/**/*', 'dist-electron/**/*', 'package.json']),
    );
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });

  it('has an app icon where electron-builder looks for it: a square PNG of at least 512 px', async () => {
    // electron-builder makes the Windows .ico and macOS .icns from build/icon.png (buildResources).
    const png = await readFile(path.join(repoRoot, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });
});
