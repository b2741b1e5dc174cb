// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { RollupPage } from '../../../renderer/features/report/RollupPage';
import { useSettings } from '../../../renderer/state/settings';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, renderAt, seedTrip } from '../trips/fixtures';

stubLayoutInThisFile();
beforeEach(() => {
  freshDb();
});
afterEach(() => {
  cleanup();
});

/** A trip with one visit by `experts` experts (each from its own institution) to one host. */
async function tripWith(
  over: { title: string; region: string; startDate: string; endDate: string },
  n: number,
) {
  const trip = await seedTrip(over);
  const host = await createRecord('hosts', { name: `${over.region}某企业` });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = await createRecord('experts', {
      name: `${over.title}专家${i}`,
      affiliation: `${over.title}单位${i}`,
    });
    await createRecord('tripMembers', { tripId: trip.id, expertId: e.id });
    ids.push(e.id);
  }
  const visit = await createRecord('visits', {
    tripId: trip.id,
    hostId: host.id,
    date: over.startDate,
    expertIds: ids,
    activities: [
      { type: 'lecture', count: 2 },
      { type: 'outpatient', count: 10 },
    ],
    peopleTrained: 100,
  });
  await createRecord('problems', {
    tripId: trip.id,
    visitId: visit.id,
    title: '难题',
    category: 'hard',
    status: 'solved',
  });
  return trip;
}

async function seedTwo() {
  const bishan = await tripWith(
    { title: '走进璧山', region: '重庆市璧山区', startDate: '2025-06-23', endDate: '2025-06-25' },
    3,
  );
  const meishan = await tripWith(
    { title: '走进眉山', region: '四川省眉山市', startDate: '2023-05-10', endDate: '2023-05-11' },
    2,
  );
  return { bishan, meishan };
}

const figure = (id: string) => screen.getByTestId(`report-figure-${id}`);
const open = () => renderAt('/rollup', { '/rollup': <RollupPage /> });

describe('RollupPage', () => {
  it('adds up every trip by default, in the words of the multi-year reports', async () => {
    const { bishan } = await seedTwo();
    open();
    await waitFor(() => expect(figure('trips')).toHaveTextContent('2'));
    expect(figure('experts')).toHaveTextContent('5');
    expect(figure('hosts-served')).toHaveTextContent('2');
    expect(figure('talks')).toHaveTextContent('4');
    expect(figure('outpatient')).toHaveTextContent('20');
    expect(figure('people-trained')).toHaveTextContent('200');
    expect(screen.getByText('来自 5 家单位')).toBeInTheDocument();
    expect(screen.getByTestId('rollup-sentence')).toHaveTextContent(
      '2次活动中，5名专家来自5家单位，服务2家单位，开展讲座与交流4场次，解决问题2个（其中疑难杂症2个），' +
        '开展门诊20次，直接培训指导200人次。',
    );
    expect(screen.getAllByTestId('vtable-row')).toHaveLength(2);
    expect(screen.getByRole('link', { name: '走进璧山' })).toHaveAttribute(
      'href',
      `/trips/${bishan.id}/report`,
    );
  });

  it('filters by region and by dates, and explains a reversed range', async () => {
    await seedTwo();
    open();
    await waitFor(() => expect(figure('trips')).toHaveTextContent('2'));

    fireEvent.change(screen.getByLabelText('地区'), { target: { value: '眉山' } });
    await waitFor(() => expect(figure('trips')).toHaveTextContent('1'));
    expect(figure('experts')).toHaveTextContent('2');
    expect(screen.getByRole('link', { name: '走进眉山' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '走进璧山' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    fireEvent.change(screen.getByLabelText('活动日期从'), { target: { value: '2025-01-01' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: '走进眉山' })).not.toBeInTheDocument());
    expect(figure('experts')).toHaveTextContent('3');

    fireEvent.change(screen.getByLabelText('至'), { target: { value: '2024-01-01' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('开始日期晚于结束日期');
    expect(screen.getByLabelText('至')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('report-figure-trips')).not.toBeInTheDocument();
  });

  it('says when nothing matches, with a way to clear the filters', async () => {
    await seedTwo();
    open();
    await waitFor(() => expect(figure('trips')).toHaveTextContent('2'));
    fireEvent.change(screen.getByLabelText('地区'), { target: { value: '西藏' } });
    expect(await screen.findByText('没有符合条件的活动')).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole('button', { name: '清除筛选' })[0] as HTMLElement);
    await waitFor(() => expect(figure('trips')).toHaveTextContent('2'));
  });

  it('has an empty state before any trip, and English with singular forms', async () => {
    const view = open();
    expect(await screen.findByText('还没有活动可以汇总')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '前往活动列表' })).toHaveAttribute('href', '/trips');
    view.unmount();

    await tripWith({ title: 'Solo', region: 'Bishan', startDate: '2025-06-23', endDate: '2025-06-23' }, 1);
    useSettings.setState({ lang: 'en' });
    open();
    expect(await screen.findByTestId('rollup-sentence')).toHaveTextContent(
      /^In 1 trip, 1 expert from 1 institution served 1 host unit, held 2 lectures and exchanges, solved 1 problem \(1 of them hard\)/,
    );
  });
});
