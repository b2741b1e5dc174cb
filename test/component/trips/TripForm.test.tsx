// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../renderer/db/database';
import { TripFormPage } from '../../../renderer/features/trips/TripFormPage';
import { useSettings } from '../../../renderer/state/settings';
import { freshDb, renderAt, seedTrip } from './fixtures';

let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

const HOME = <div>trip home</div>;
const routes = {
  '/trips': <div>trips list</div>,
  '/trips/new': <TripFormPage />,
  '/trips/:tripId': HOME,
  '/trips/:tripId/edit': <TripFormPage />,
};

async function fill(label: RegExp, value: string) {
  fireEvent.change(await screen.findByLabelText(label), { target: { value } });
}

describe('TripFormPage: new trip', () => {
  it('says which required fields are missing, next to each field, and saves nothing', async () => {
    renderAt('/trips/new', routes);
    fireEvent.click(await screen.findByRole('button', { name: '创建活动' }));
    expect(await screen.findByText('请先修正标红的项目')).toBeInTheDocument();
    expect(screen.getByLabelText(/^活动名称/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^地区/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^开始日期/)).toHaveAccessibleDescription('此项必填');
    expect(screen.getByLabelText(/^活动名称/)).toHaveAccessibleDescription('此项必填');
    expect(await db.trips.count()).toBe(0);
  });

  it('refuses an end date before the start date and keeps everything typed', async () => {
    renderAt('/trips/new', routes);
    await fill(/^活动名称/, '专家行走进眉山');
    await fill(/^地区/, '眉山市');
    await fill(/^开始日期/, '2023-09-21');
    await fill(/^结束日期/, '2023-09-20');
    fireEvent.click(screen.getByRole('button', { name: '创建活动' }));
    expect(await screen.findByText('结束日期不能早于开始日期')).toBeInTheDocument();
    expect(screen.getByLabelText(/^结束日期/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^活动名称/)).toHaveValue('专家行走进眉山');
    expect(screen.getByLabelText(/^开始日期/)).not.toHaveAttribute('aria-invalid');
    expect(await db.trips.count()).toBe(0);

    await fill(/^结束日期/, '2023-09-22');
    fireEvent.click(screen.getByRole('button', { name: '创建活动' }));
    expect(await screen.findByText('trip home')).toBeInTheDocument();
    expect(await db.trips.count()).toBe(1);
  });

  it('creates the trip with its lists, makes it current and opens its home', async () => {
    renderAt('/trips/new', routes);
    await fill(/^活动名称/, '2023年“智兴天府专家行”走进眉山');
    await fill(/^地区/, '四川省眉山市');
    await fill(/^开始日期/, '2023-09-20');
    await fill(/^结束日期/, '2023-09-21');
    await fill(/^主办单位/, '四川省人力资源和社会保障厅、眉山市人民政府');
    await fill(/^承办单位/, '四川省专家服务中心,眉山市人力资源和社会保障局');
    await fill(/^重点领域/, '新能源新材料、电子信息');
    fireEvent.change(screen.getByLabelText(/^活动状态/), { target: { value: 'active' } });
    // Ctrl+Enter saves from anywhere in the form.
    fireEvent.keyDown(screen.getByLabelText(/^活动简介/), { key: 'Enter', ctrlKey: true });

    expect(await screen.findByText('trip home')).toBeInTheDocument();
    const [trip] = await db.trips.toArray();
    expect(trip).toMatchObject({
      title: '2023年“智兴天府专家行”走进眉山',
      region: '四川省眉山市',
      startDate: '2023-09-20',
      endDate: '2023-09-21',
      organisers: ['四川省人力资源和社会保障厅', '眉山市人民政府'],
      coOrganisers: ['四川省专家服务中心', '眉山市人力资源和社会保障局'],
      focusFields: ['新能源新材料', '电子信息'],
      status: 'active',
    });
    expect(screen.getByTestId('location')).toHaveTextContent(`/trips/${trip?.id}`);
    expect(useSettings.getState().currentTripId).toBe(trip?.id);
    // The draft is gone once saved.
    expect(await db.drafts.count()).toBe(0);
  });

  it('restores half-typed input after the page is left and reopened', async () => {
    const first = renderAt('/trips/new', routes);
    await fill(/^活动名称/, '未完成的活动');
    first.unmount();
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));

    renderAt('/trips/new', routes);
    expect(await screen.findByText('已恢复上次未保存的填写内容')).toBeInTheDocument();
    expect(screen.getByLabelText(/^活动名称/)).toHaveValue('未完成的活动');

    fireEvent.click(screen.getByRole('button', { name: '放弃草稿' }));
    await waitFor(() => expect(screen.getByLabelText(/^活动名称/)).toHaveValue(''));
    expect(screen.queryByText('已恢复上次未保存的填写内容')).not.toBeInTheDocument();

    // A discarded draft stays discarded: reopening the form starts empty, without the note.
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await db.drafts.count()).toBe(0);
    renderAt('/trips/new', routes);
    expect(await screen.findByLabelText(/^活动名称/)).toHaveValue('');
    expect(screen.queryByText('已恢复上次未保存的填写内容')).not.toBeInTheDocument();
  });
});

describe('TripFormPage: edit and delete', () => {
  it('edits an existing trip', async () => {
    const trip = await seedTrip();
    renderAt(`/trips/${trip.id}/edit`, routes);
    expect(await screen.findByLabelText(/^活动名称/)).toHaveValue(trip.title);
    expect(screen.getByLabelText(/^主办单位/)).toHaveValue(
      '重庆市人力资源和社会保障局、四川省人力资源和社会保障厅',
    );
    await fill(/^地区/, '重庆市璧山区(含高新区)');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('trip home')).toBeInTheDocument();
    expect((await db.trips.get(trip.id))?.region).toBe('重庆市璧山区(含高新区)');
  });

  it('deletes a trip only after confirmation, as a tombstone, and forgets it as the current trip', async () => {
    const trip = await seedTrip();
    useSettings.setState({ currentTripId: trip.id });
    renderAt(`/trips/${trip.id}/edit`, routes);
    fireEvent.click(await screen.findByRole('button', { name: '删除此活动…' }));
    expect(await screen.findByText(/确定删除“2025年成渝地区双城经济圈专家团“走进璧山””/)).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect((await db.trips.get(trip.id))?._deleted).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: '删除此活动…' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认删除' }));
    expect(await screen.findByText('trips list')).toBeInTheDocument();
    expect((await db.trips.get(trip.id))?._deleted).toBe(1);
    expect(useSettings.getState().currentTripId).toBeNull();
  });

  it('says so when the trip does not exist', async () => {
    renderAt('/trips/0190a0b0-0000-7000-8000-000000000000/edit', routes);
    expect(await screen.findByText('找不到这个活动')).toBeInTheDocument();
  });
});
