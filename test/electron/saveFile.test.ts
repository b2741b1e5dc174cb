import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../electron/atomicWrite';
import { saveFileWithDialog, toBytes } from '../../electron/saveFile';

describe('saveFileWithDialog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'expert-trips-save-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const request = {
    suggestedName: '走访记录.csv',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    data: '\uFEFF专家,单位\n张三,农科院\n',
  };

  it('asks where to save, writes the file and reports the path', async () => {
    const target = path.join(dir, 'chosen.csv');
    const showSaveDialog = vi.fn(async (_options: SaveDialogOptions) => ({
      canceled: false,
      filePath: target,
    }));
    const result = await saveFileWithDialog(request, {
      showSaveDialog,
      defaultDirectory: '/home/u/Downloads',
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe(request.data);
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join('/home/u/Downloads', '走访记录.csv'),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      }),
    );
    expect(await readdir(dir)).toEqual(['chosen.csv']);
  });

  it('writes nothing when the user cancels', async () => {
    const writeFile = vi.fn();
    const result = await saveFileWithDialog(request, {
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      defaultDirectory: dir,
      writeFile,
    });
    expect(result).toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('writes bytes and base64 data as binary', async () => {
    const target = path.join(dir, 'x.bin');
    const deps = {
      showSaveDialog: async () => ({ canceled: false, filePath: target }),
      defaultDirectory: dir,
    };
    await saveFileWithDialog({ ...request, data: new Uint8Array([0, 255, 1]) }, deps);
    expect([...(await readFile(target))]).toEqual([0, 255, 1]);
    await saveFileWithDialog({ ...request, data: 'AP8C', encoding: 'base64' }, deps);
    expect([...(await readFile(target))]).toEqual([0, 255, 2]);
  });

  it('refuses corrupt base64 before showing a dialog', async () => {
    const showSaveDialog = vi.fn();
    await expect(
      saveFileWithDialog(
        { ...request, data: 'not base64!', encoding: 'base64' },
        { showSaveDialog, defaultDirectory: dir },
      ),
    ).rejects.toThrow(/base64/);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('toBytes', () => {
  it('encodes text as UTF-8', () => {
    expect([...toBytes('中')]).toEqual([0xe4, 0xb8, 0xad]);
  });
});

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'expert-trips-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces the file whole and leaves no temporary file', async () => {
    const target = path.join(dir, 'a.json');
    await writeFileAtomic(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old content and cleans up when the write fails', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing-dir', 'a.json'), 'x')).rejects.toThrow();
    const existing = path.join(dir, 'keep.json');
    await writeFileAtomic(existing, 'old');
    // Renaming onto a non-empty directory fails after the temporary file was fully written.
    const blocked = path.join(dir, 'blocked');
    await mkdir(path.join(blocked, 'child'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['blocked', 'keep.json']);
    expect(await readFile(existing, 'utf8')).toBe('old');
  });
});
