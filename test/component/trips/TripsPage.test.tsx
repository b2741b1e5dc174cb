// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { loadDemoTrip } from '../../../renderer/features/demo/loadDemoTrip';
import { TripFormPage } from '../../../renderer/features/trips/TripFormPage';
import { TripsPage } from '../../../renderer/features/trips/TripsPage';
import { useSettings } from '../../../renderer/state/settings';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, renderAt, seedTrip } from './fixtures';

// The demo loader is another feature's (and has its own tests); here only its use matters.
vi.mock('../../../renderer/features/demo/loadDemoTrip', () => ({ loadDemoTrip: vi.fn() }));
const demo = vi.mocked(loadDemoTrip);

stubLayoutInThisFile();

beforeEach(() => {
  freshDb();
  demo.mockReset();
});
afterEach(cleanup);

const routes = {
  '/trips': <TripsPage />,
  '/trips/new': <TripFormPage />,
  '/trips/:tripId': <div>trip home</div>,
};

const rowTexts = () => screen.queryAllByTestId('vtable-row').map((row) => row.textContent ?? '');

describe('TripsPage', () => {
  it('invites to create a trip or load the demo when there is none', async () => {
    demo.mockResolvedValue('0190a0b0-0000-7000-8000-00000000abcd');
    renderAt('/trips', routes);
    expect(await screen.findByText('还没有任何活动')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '新建活动' })).toHaveAttribute('href', '/trips/new');

    fireEvent.click(screen.getByRole('button', { name: '加载演示活动' }));
    expect(await screen.findByText('trip home')).toBeInTheDocument();
    expect(demo).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/trips/0190a0b0-0000-7000-8000-00000000abcd');
    expect(useSettings.getState().currentTripId).toBe('0190a0b0-0000-7000-8000-00000000abcd');
  });

  it('shows why the demo could not be loaded, and stays put', async () => {
    demo.mockRejectedValue(new Error('磁盘已满'));
    renderAt('/trips', routes);
    fireEvent.click(await screen.findByRole('button', { name: '加载演示活动' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('演示活动加载失败：磁盘已满');
    expect(screen.getByRole('button', { name: '加载演示活动' })).toBeEnabled();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/trips$/);
  });

  it('shows a trip created with the form in the list', async () => {
    renderAt('/trips/new', {
      ...routes,
      '/trips/:tripId': <a href="#list">home</a>,
    });
    fireEvent.change(await screen.findByLabelText(/^活动名称/), { target: { value: '专家团走进青神' } });
    fireEvent.change(screen.getByLabelText(/^地区/), { target: { value: '眉山市青神县' } });
    fireEvent.change(screen.getByLabelText(/^开始日期/), { target: { value: '2023-09-20' } });
    fireEvent.change(screen.getByLabelText(/^结束日期/), { target: { value: '2023-09-21' } });
    fireEvent.click(screen.getByRole('button', { name: '创建活动' }));
    await screen.findByText('home');
    cleanup();

    renderAt('/trips', routes);
    await waitFor(() => expect(rowTexts()).toHaveLength(1));
    expect(rowTexts()[0]).toContain('专家团走进青神');
    expect(rowTexts()[0]).toContain('眉山市青神县');
    expect(rowTexts()[0]).toContain('2023-09-20 至 2023-09-21');
    expect(rowTexts()[0]).toContain('筹备中');
    // With trips listed, the demo stays available in the header.
    expect(screen.getByRole('button', { name: '加载演示活动' })).toBeInTheDocument();
  });

  it('lists the newest trip first, with visit and member counts, and filters by status and text', async () => {
    const older = await seedTrip({
      title: '走进眉山',
      region: '眉山市',
      startDate: '2023-09-20',
      endDate: '2023-09-21',
      status: 'completed',
    });
    await seedTrip({
      title: '走进璧山',
      region: '璧山区',
      startDate: '2025-06-23',
      endDate: '2025-06-25',
      status: 'active',
    });
    await seedTrip({
      title: '走进长治',
      region: '长治市',
      startDate: '2022-04-01',
      endDate: '2022-04-02',
      status: 'archived',
      organisers: ['山西省委人才办'],
    });
    const host = await createRecord('hosts', { name: '四川顺应动力电池材料有限公司' });
    const expert = await createRecord('experts', { name: '张教授' });
    await createRecord('tripMembers', { tripId: older.id, expertId: expert.id });
    for (const date of ['2023-09-20', '2023-09-21']) {
      await createRecord('visits', {
        tripId: older.id,
        hostId: host.id,
        date,
        expertIds: [expert.id],
        activities: [{ type: 'technical_guidance', count: 1 }],
      });
    }

    renderAt('/trips', routes);
    await waitFor(() => expect(rowTexts()).toHaveLength(3));
    expect(rowTexts().map((r) => r.slice(0, 4))).toEqual(['走进璧山', '走进眉山', '走进长治']);
    await waitFor(() => expect(rowTexts()[1]).toMatch(/已完成21$/));

    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'archived' } });
    await waitFor(() => expect(rowTexts()).toHaveLength(1));
    expect(rowTexts()[0]).toContain('走进长治');
    expect(screen.getByText('共 1 个活动')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    fireEvent.change(screen.getByLabelText('查找'), { target: { value: '人才办' } });
    await waitFor(() => expect(rowTexts()).toEqual([expect.stringContaining('走进长治')]));

    fireEvent.change(screen.getByLabelText('查找'), { target: { value: '没有这个' } });
    expect(await screen.findByText('没有符合筛选条件的活动')).toBeInTheDocument();
  });

  it('opens a trip from the list and makes it the current trip', async () => {
    const trip = await seedTrip();
    renderAt('/trips', routes);
    await waitFor(() => expect(rowTexts()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('vtable-row'));
    expect(await screen.findByText('trip home')).toBeInTheDocument();
    expect(useSettings.getState().currentTripId).toBe(trip.id);
  });
});
