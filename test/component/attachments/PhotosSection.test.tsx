// @vitest-environment jsdom
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { PhotosSection } from '../../../renderer/features/attachments/AttachmentsSection';
import { AttachEnvContext } from '../../../renderer/features/attachments/attachEnv';
import { useSettings } from '../../../renderer/state/settings';
import { file, freshWorld, jpegFile, testEnv } from '../../unit/attachments/fixtures';

/**
 * jsdom's Blob cannot be read back (no arrayBuffer), so the files here are Node's own Blob and File,
 * as a browser's would be: readable, hashable, storable in (fake) IndexedDB.
 */
const jsdomBlob = globalThis.Blob;
const jsdomFile = globalThis.File;
beforeAll(() => {
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
  globalThis.File = NodeFile as unknown as typeof File;
});
afterAll(() => {
  globalThis.Blob = jsdomBlob;
  globalThis.File = jsdomFile;
});

/**
 * jsdom has no object URLs; the app only hands them to <img src>, so a counter stands in for them.
 * Everything else (Dexie on fake-indexeddb, hashing, the records) is the real thing.
 */
let urls = 0;
const realCreate = URL.createObjectURL;
const realRevoke = URL.revokeObjectURL;
beforeAll(() => {
  URL.createObjectURL = () => `blob:test/${++urls}`;
  URL.revokeObjectURL = () => undefined;
});
afterAll(() => {
  URL.createObjectURL = realCreate;
  URL.revokeObjectURL = realRevoke;
});

let db: AppDatabase;
let target: { tripId: string; recordTable: 'visits' | 'agreements'; recordId: string };
beforeEach(() => {
  ({ db, target } = freshWorld());
  useSettings.setState({ lang: 'zh-CN' });
});
afterEach(() => cleanup());

function renderSection(readOnly = false, saved = true) {
  const visitId = saved ? target.recordId : undefined;
  return render(
    <AttachEnvContext.Provider value={testEnv()}>
      <button type="button">before</button>
      <PhotosSection tripId={target.tripId} visitId={visitId} readOnly={readOnly} />
    </AttachEnvContext.Provider>,
  );
}

const live = async () =>
  (await db.attachments.toArray())
    .filter((a) => a._deleted === 0)
    .sort((a, b) => a.name.localeCompare(b.name));

async function addViaPicker(files: File[]) {
  const input = screen.getByTestId('attach-file-input') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

describe('photos of a visit', () => {
  it('adds several photos from the file picker and shows a thumbnail for each', async () => {
    renderSection();
    expect(await screen.findByText('还没有照片。')).toBeInTheDocument();
    await addViaPicker([jpegFile('车间一.jpg', 'one'), jpegFile('车间二.jpg', 'two')]);
    await waitFor(() => expect(screen.getAllByTestId('attach-tile')).toHaveLength(2));
    expect(await screen.findByText('已添加 2 个文件。')).toBeInTheDocument();
    const rows = await live();
    expect(rows.map((r) => [r.name, r.kind, r.recordId])).toEqual([
      ['车间一.jpg', 'photo', target.recordId],
      ['车间二.jpg', 'photo', target.recordId],
    ]);
    expect(await db.blobs.count()).toBe(2);
    const images = await screen.findAllByRole('img');
    expect(images.every((img) => img.getAttribute('src')?.startsWith('blob:test/'))).toBe(true);
    expect(images[0]).toHaveAttribute('loading', 'lazy');
  });

  it('names each refused file and why, and still adds the others', async () => {
    renderSection();
    await addViaPicker([file('会议纪要.txt 内容', '会议纪要.txt', 'text/plain'), jpegFile('合影.jpg')]);
    const refused = await screen.findAllByTestId('attach-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toHaveTextContent('会议纪要.txt');
    expect(refused[0]).toHaveTextContent('JPEG、PNG 或 WebP');
    expect(screen.getByRole('alert')).toHaveTextContent('以下文件未能添加：');
    await waitFor(() => expect(screen.getAllByTestId('attach-tile')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    expect(screen.queryByTestId('attach-refused')).toBeNull();
  });

  it('edits a caption on click, saves on Enter, and Escape cancels', async () => {
    renderSection();
    await addViaPicker([jpegFile('设备.jpg')]);
    const edit = await screen.findByRole('button', { name: '编辑说明：设备.jpg' });
    fireEvent.click(edit);
    const input = screen.getByRole('textbox', { name: '编辑说明：设备.jpg' });
    fireEvent.change(input, { target: { value: '  反应釜温控改造现场  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(async () => expect((await live())[0]?.caption).toBe('反应釜温控改造现场'));
    expect(await screen.findByText('反应釜温控改造现场')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '编辑说明：设备.jpg' }));
    const again = screen.getByRole('textbox', { name: '编辑说明：设备.jpg' });
    fireEvent.change(again, { target: { value: '不要这个' } });
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect((await live())[0]?.caption).toBe('反应釜温控改造现场');
  });

  it('removes a photo only after the second confirmation', async () => {
    renderSection();
    await addViaPicker([jpegFile('多余.jpg')]);
    fireEvent.click(await screen.findByRole('button', { name: '移除 多余.jpg' }));
    expect(screen.getByText('确定移除“多余.jpg”？')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(await live()).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: '移除 多余.jpg' }));
    const confirm = within(screen.getByRole('alert')).getByRole('button', { name: '移除' });
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(screen.queryByTestId('attach-tile')).toBeNull());
    expect(await live()).toHaveLength(0);
    expect((await db.attachments.toArray())[0]?._deleted).toBe(1); // a tombstone, so the removal syncs
  });

  it('the viewer browses with the arrow keys, closes on Escape and gives focus back', async () => {
    renderSection();
    await addViaPicker([jpegFile('一.jpg', '1'), jpegFile('二.jpg', '2')]);
    await waitFor(() => expect(screen.getAllByTestId('attach-tile')).toHaveLength(2));
    const first = await screen.findByRole('button', { name: '查看 一.jpg' });
    first.focus();
    fireEvent.click(first);
    const dialog = screen.getByRole('dialog', { name: '查看附件' });
    expect(dialog).toHaveTextContent('第 1 / 2 个');
    expect(dialog).toHaveTextContent('800 × 600 像素');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(dialog).toHaveTextContent('第 2 / 2 个');
    expect(dialog).toHaveTextContent('二.jpg');
    fireEvent.keyDown(window, { key: 'ArrowRight' }); // already the last: stays
    expect(dialog).toHaveTextContent('第 2 / 2 个');
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(dialog).toHaveTextContent('第 1 / 2 个');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(first);
  });

  it('shows when and where a photo was taken', async () => {
    await createRecord('attachments', {
      ...target,
      kind: 'photo',
      hash: 'b'.repeat(64),
      type: 'image/jpeg',
      size: 1000,
      name: 'gps.jpg',
      takenAt: '2024-05-06T14:03:22',
      latitude: 30.66,
      longitude: 104.065139,
    });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: '查看 gps.jpg' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('拍摄时间：2024年5月6日 14:03');
    expect(dialog).toHaveTextContent('拍摄地点：纬度 30.66000，经度 104.06514');
  });

  it('a photo whose bytes have not arrived yet shows a placeholder, not an error', async () => {
    await createRecord('attachments', {
      ...target,
      kind: 'photo',
      hash: 'a'.repeat(64),
      type: 'image/jpeg',
      size: 1234,
      name: '别的设备拍的.jpg',
    });
    renderSection();
    const tile = await screen.findByTestId('attach-tile');
    expect(await within(tile).findByTestId('blob-missing')).toHaveTextContent('照片尚未下载同步后显示');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('pasting an image anywhere on the page attaches it; text pasted into a field stays text', async () => {
    renderSection();
    await screen.findByText('还没有照片。');
    const image = jpegFile('截图.jpg');
    await act(async () => {
      fireEvent.paste(document.body, { clipboardData: { files: [image], getData: () => '' } });
    });
    await waitFor(() => expect(screen.getAllByTestId('attach-tile')).toHaveLength(1));

    const field = document.createElement('input');
    document.body.append(field);
    await act(async () => {
      fireEvent.paste(field, {
        clipboardData: { files: [jpegFile('word.jpg', 'w')], getData: () => '一段文字' },
      });
    });
    expect(await live()).toHaveLength(1);
    field.remove();
  });

  it('read-only (an expert in a locked trip): photos can be viewed but not added, edited or removed', async () => {
    await createRecord('attachments', {
      ...target,
      kind: 'photo',
      hash: 'c'.repeat(64),
      type: 'image/jpeg',
      size: 9,
      name: 'x.jpg',
      caption: '旧说明',
    });
    renderSection(true);
    expect(await screen.findByText('旧说明')).toBeInTheDocument();
    expect(screen.queryByTestId('attach-file-input')).toBeNull();
    expect(screen.queryByRole('button', { name: /移除/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /编辑说明/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看 x.jpg' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('a visit not saved yet says to save first instead of offering to add', () => {
    renderSection(false, false);
    expect(screen.getByText(/保存后即可添加照片/)).toBeInTheDocument();
    expect(screen.queryByTestId('attach-file-input')).toBeNull();
  });
});
