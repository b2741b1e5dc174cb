// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTripBackup } from '../../../renderer/backup/exportBackup';
import type { AppDatabase } from '../../../renderer/db/database';
import { TripsPage } from '../../../renderer/features/trips/TripsPage';
import { useSettings } from '../../../renderer/state/settings';
import { serializeBackup } from '../../../shared/backup/format';
import { type BuiltTrip, buildTrip, newDevice, snapshot } from '../../unit/backup/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, renderAt } from '../trips/fixtures';

stubLayoutInThisFile();

let device: AppDatabase;
let other: AppDatabase;
let built: BuiltTrip;
let text: string;

beforeEach(async () => {
  device = freshDb();
  // The backup comes from another device, as when a laptop is replaced.
  other = newDevice();
  built = await buildTrip(other);
  text = serializeBackup(await createTripBackup(other, built.trip.id, '2025-06-26T12:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  other.close();
});

const routes = {
  '/trips': <TripsPage />,
  '/trips/:tripId': <div>trip home</div>,
};

const fileOf = (content: string, name = '璧山专家行-备份.json') =>
  new File([content], name, { type: 'application/json' });

function pick(file: File) {
  fireEvent.change(screen.getByTestId('backup-file-input'), { target: { files: [file] } });
}

describe('importing a trip from a backup on the trips page', () => {
  it('previews the file, imports it on confirmation, reports the counts and links to the trip', async () => {
    renderAt('/trips', routes);
    expect(await screen.findByRole('button', { name: '从备份导入…' })).toBeInTheDocument();
    pick(fileOf(text));

    const drawer = await screen.findByRole('dialog', { name: '从备份导入活动' });
    await within(drawer).findByText(built.trip.title);
    expect(within(drawer).getByText('重庆市璧山区')).toBeInTheDocument();
    expect(within(drawer).getByText('2025-06-23 至 2025-06-25')).toBeInTheDocument();
    expect(within(drawer).getByText('璧山专家行-备份.json')).toBeInTheDocument();
    // Midday UTC is 26 June in every time zone a test machine plausibly has.
    expect(within(drawer).getByText('导出时间').nextElementSibling).toHaveTextContent(/^2025年6月26日/);
    const visits = within(drawer).getByRole('row', { name: /走访记录/ });
    expect(visits).toHaveTextContent('2 条');
    expect(within(drawer).getByRole('row', { name: /问题/ })).toHaveTextContent('2 条（含已删除 1 条）');
    expect(within(drawer).getByText('共 19 条记录')).toBeInTheDocument();
    expect(within(drawer).getByText(/本机还没有这个活动/)).toBeInTheDocument();
    expect(within(drawer).getByText('导入后预计：新增 19 条，更新 0 条，未变化 0 条。')).toBeInTheDocument();
    // Nothing is written before the user confirms.
    expect(await device.trips.count()).toBe(0);

    fireEvent.click(within(drawer).getByRole('button', { name: '导入' }));
    expect(await within(drawer).findByText('已导入：新增 19 条，更新 0 条，未变化 0 条')).toBeInTheDocument();
    expect(within(drawer).getByRole('row', { name: /走访记录/ })).toHaveTextContent(/2\s*0\s*0/);
    expect((await device.trips.get(built.trip.id))?.title).toBe(built.trip.title);

    fireEvent.click(within(drawer).getByRole('link', { name: '打开活动' }));
    expect(await screen.findByText('trip home')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/trips/${built.trip.id}`);
    expect(useSettings.getState().currentTripId).toBe(built.trip.id);
  });

  it('says a second import of the same file changed nothing', async () => {
    renderAt('/trips', routes);
    await screen.findByRole('button', { name: '从备份导入…' });
    pick(fileOf(text));
    fireEvent.click(await screen.findByRole('button', { name: '导入' }));
    await screen.findByText(/已导入：新增 19 条/);
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The list now shows the trip, with the import button in the header.
    pick(fileOf(text));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText(/本机已有这个活动/)).toBeInTheDocument();
    expect(within(drawer).getByText('导入后预计：新增 0 条，更新 0 条，未变化 19 条。')).toBeInTheDocument();
    fireEvent.click(within(drawer).getByRole('button', { name: '导入' }));
    expect(await within(drawer).findByText('已导入：新增 0 条，更新 0 条，未变化 19 条')).toBeInTheDocument();
    expect(within(drawer).getByText('本机已有这个备份的全部内容，没有任何改动。')).toBeInTheDocument();
  });

  it('refuses a damaged file with a clear message, changes nothing, and lets the user pick another', async () => {
    renderAt('/trips', routes);
    await screen.findByRole('button', { name: '从备份导入…' });
    const before = await snapshot(device);
    pick(fileOf(text.replace('主轴温升过快', '主轴温度过快')));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法导入');
    expect(alert).toHaveTextContent('文件已损坏或被改动');
    expect(screen.getByText('本机数据没有任何改动。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '导入' })).not.toBeInTheDocument();
    expect(await snapshot(device)).toEqual(before);

    // Choosing another file from the refusal goes straight to its preview.
    pick(fileOf(text, '原始备份.json'));
    expect(await screen.findByText('原始备份.json')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入' })).toBeEnabled();
  });

  it('says a foreign file is not a backup, in English too', async () => {
    useSettings.setState({ lang: 'en' });
    renderAt('/trips', routes);
    await screen.findByRole('button', { name: 'Import from backup…' });
    pick(fileOf('{"visits": []}', 'notes.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This is not a backup file of an expert service trip',
    );
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await device.trips.count()).toBe(0);
  });

  it('cancel in the preview writes nothing; a file dropped on the page opens the same preview', async () => {
    renderAt('/trips', routes);
    await screen.findByRole('button', { name: '从备份导入…' });
    const area = document.querySelector('.backup-area') as HTMLElement;
    const file = fileOf(text);
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(area, { dataTransfer });
    expect(await screen.findByText('松开鼠标，从这个备份导入')).toBeInTheDocument();
    fireEvent.drop(area, { dataTransfer });
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText(built.trip.title);
    expect(screen.queryByText('松开鼠标，从这个备份导入')).not.toBeInTheDocument();

    fireEvent.click(within(drawer).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await device.trips.count()).toBe(0);
    expect(await device.outbox.count()).toBe(0);
  });
});
