// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { ExportMenu } from '../../../renderer/export/ExportMenu';
import {
  type MenuCommand,
  PlatformError,
  type SaveFileRequest,
  type SaveFileResult,
  setPlatformForTesting,
} from '../../../renderer/platform';
import { createWebPlatform } from '../../../renderer/platform/webPlatform';
import { useSettings } from '../../../renderer/state/settings';
import { readDocx } from '../../unit/export/readBack';
import { freshDb, seedTrip } from '../trips/fixtures';

/**
 * The export menu against a real (fake-indexeddb) database, building in-thread (jsdom has no Worker),
 * with the platform's save replaced: the one boundary a component test cannot cross is the native
 * save dialog.
 */

type Save = (request: SaveFileRequest) => Promise<SaveFileResult>;

function fakeDesktop(save: Save) {
  const saveFile = vi.fn(save);
  setPlatformForTesting({ ...createWebPlatform(), kind: 'electron', saveFile });
  return saveFile;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function seed() {
  const trip = await seedTrip();
  const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
  const expert = await createRecord('experts', { name: '陈绍成' });
  await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id, group: '生物医药' });
  await createRecord('visits', {
    tripId: trip.id,
    hostId: host.id,
    date: '2025-06-23',
    expertIds: [expert.id],
    activities: [{ type: 'technical_guidance', count: 2 }],
    peopleTrained: 30,
  });
  return trip;
}

beforeEach(() => {
  freshDb();
});
afterEach(() => {
  cleanup();
  setPlatformForTesting(undefined);
});

async function openMenu(tripId: string) {
  render(<ExportMenu tripId={tripId} />);
  fireEvent.click(screen.getByRole('button', { name: /导出/ }));
  return screen.getByRole('region', { name: '导出' });
}

describe('ExportMenu', () => {
  it('offers the four formats, each with a line on what it is for', async () => {
    const trip = await seed();
    const panel = await openMenu(trip.id);
    const options = within(panel)
      .getAllByRole('button')
      .filter((b) => b.className === 'export-option');
    expect(options.map((b) => b.textContent)).toEqual([
      'WWord 工作总结按上报格式排版的工作总结（.docx），可直接修改后报送。',
      'XExcel 数据表汇总表加各类记录明细，每类记录一个工作表（.xlsx）。',
      'CSVCSV 数据（ZIP）每类记录一个 CSV 文件，打包成一个 ZIP，便于导入其他系统。',
      '{ }JSON 备份本活动全部记录的完整备份（.json），可用于恢复或迁移。',
    ]);
    expect(options[0]).toHaveFocus();
    fireEvent.keyDown(options[0] as HTMLElement, { key: 'ArrowDown' });
    expect(options[1]).toHaveFocus();
    fireEvent.keyDown(options[0] as HTMLElement, { key: 'ArrowUp' });
    expect(options[3]).toHaveFocus();
  });

  it('shows progress, then the save dialog step, then “已保存” with the file name', async () => {
    const trip = await seed();
    const dialog = deferred<SaveFileResult>();
    const saveFile = fakeDesktop(() => dialog.promise);
    const panel = await openMenu(trip.id);
    fireEvent.click(within(panel).getByTestId('export-docx'));

    // While building: a progress bar with the phase, and Cancel.
    const status = screen.getByTestId('export-status');
    expect(within(status).getByRole('progressbar', { name: '导出进度' })).toBeInTheDocument();
    expect(within(status).getByText('正在导出：Word 工作总结')).toBeInTheDocument();
    expect(within(status).getByRole('button', { name: '取消导出' })).toBeInTheDocument();
    expect(within(panel).getByTestId('export-xlsx')).toBeDisabled();

    // The file is built; the save dialog is open.
    await within(panel).findByText('请选择保存位置…');
    expect(within(panel).getByRole('progressbar')).toHaveAttribute('value', '100');
    expect(within(panel).queryByRole('button', { name: '取消导出' })).toBeNull();
    expect(saveFile).toHaveBeenCalledTimes(1);
    const request = saveFile.mock.calls[0]?.[0];
    expect(request?.suggestedName).toBe('璧山区专家服务活动-工作总结-2025-06-25.docx');
    expect(request?.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
    const doc = await readDocx(request?.data as Uint8Array);
    expect(doc.text).toContain(`${trip.title}专家服务活动工作总结`);
    expect(doc.text).toContain('技术指导2次');

    dialog.resolve({ saved: true, path: 'D:\\报告\\璧山总结.docx' });
    expect(await within(panel).findByText('已保存：璧山总结.docx')).toBeInTheDocument();
    expect(within(panel).getByText('位置：D:\\报告\\璧山总结.docx')).toBeInTheDocument();
    expect(within(panel).getByTestId('export-xlsx')).toBeEnabled();
  });

  it('stops when cancelled, and saves nothing', async () => {
    const trip = await seed();
    const saveFile = fakeDesktop(async () => ({ saved: true }));
    const panel = await openMenu(trip.id);
    fireEvent.click(within(panel).getByTestId('export-xlsx'));
    fireEvent.click(within(panel).getByRole('button', { name: '取消导出' }));
    expect(await within(panel).findByText('已取消，没有保存文件。')).toBeInTheDocument();
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('treats a cancelled save dialog as a choice, not an error', async () => {
    const trip = await seed();
    fakeDesktop(async () => ({ saved: false }));
    const panel = await openMenu(trip.id);
    fireEvent.click(within(panel).getByTestId('export-csv'));
    expect(await within(panel).findByText('已取消，没有保存文件。')).toBeInTheDocument();
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('keeps the built file when saving fails, and saves it again', async () => {
    const trip = await seed();
    let attempt = 0;
    const saveFile = fakeDesktop(async () => {
      attempt += 1;
      if (attempt === 1) throw new PlatformError('磁盘已满');
      return { saved: true, path: '/home/organiser/备份.json' };
    });
    const panel = await openMenu(trip.id);
    fireEvent.click(within(panel).getByTestId('export-json'));
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('文件已生成，但保存失败：磁盘已满。可以换个位置重新保存。');
    fireEvent.click(within(alert).getByRole('button', { name: '重新保存' }));
    expect(await within(panel).findByText('已保存：备份.json')).toBeInTheDocument();
    expect(saveFile).toHaveBeenCalledTimes(2);
    expect(saveFile.mock.calls[1]?.[0].data).toBe(saveFile.mock.calls[0]?.[0].data);
  });

  it('says clearly when the trip is not on the device', async () => {
    fakeDesktop(async () => ({ saved: true }));
    const panel = await openMenu(crypto.randomUUID());
    fireEvent.click(within(panel).getByTestId('export-docx'));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      '导出失败：本机找不到这个活动，可能已被删除。活动数据没有任何改动，可以再试一次。',
    );
    fireEvent.click(within(panel).getByRole('button', { name: '知道了' }));
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('speaks English, and writes the file in the language chosen for it', async () => {
    useSettings.setState({ lang: 'en' });
    const trip = await seed();
    const saveFile = fakeDesktop(async () => ({ saved: true }));
    render(<ExportMenu tripId={trip.id} />);
    fireEvent.click(screen.getByRole('button', { name: /Export/ }));
    const panel = screen.getByRole('region', { name: 'Export' });
    expect(
      within(panel).getByText("The summary report in the province's format (.docx), ready to edit and send."),
    ).toBeInTheDocument();
    fireEvent.click(within(panel).getByRole('button', { name: 'Chinese' }));
    fireEvent.click(within(panel).getByTestId('export-docx'));
    expect(
      await within(panel).findByText('Saved: 璧山区专家服务活动-工作总结-2025-06-25.docx'),
    ).toBeInTheDocument();
    expect(saveFile.mock.calls[0]?.[0].filters).toEqual([{ name: 'Word document', extensions: ['docx'] }]);
  });

  it('opens from the native menu’s Export command', async () => {
    const trip = await seed();
    let listener: ((command: MenuCommand) => void) | undefined;
    setPlatformForTesting({
      ...createWebPlatform(),
      onMenuCommand: (l) => {
        listener = l;
        return () => {
          listener = undefined;
        };
      },
    });
    render(<ExportMenu tripId={trip.id} />);
    expect(screen.queryByRole('region', { name: '导出' })).toBeNull();
    act(() => listener?.('export'));
    expect(screen.getByRole('region', { name: '导出' })).toBeInTheDocument();
    cleanup();
    expect(listener).toBeUndefined();
  });

  it('closes on Escape, returning focus to the button', async () => {
    const trip = await seed();
    await openMenu(trip.id);
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('region', { name: '导出' })).toBeNull());
    expect(screen.getByRole('button', { name: /导出/ })).toHaveFocus();
  });
});
