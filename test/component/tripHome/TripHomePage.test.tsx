// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, deleteRecord } from '../../../renderer/data/repository';
import { TripHomePage } from '../../../renderer/features/tripHome/TripHomePage';
import { useSettings } from '../../../renderer/state/settings';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, renderAt, seedTrip } from '../trips/fixtures';

stubLayoutInThisFile();
beforeEach(() => {
  freshDb();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A small trip written through the repository, as the screens would write it. */
async function seed() {
  const trip = await seedTrip({ startDate: '2025-06-23', endDate: '2025-06-25' });
  const hostA = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
  const hostB = await createRecord('hosts', { name: '中核鲲硼肿瘤核医学治疗技术研究所' });
  const [e1, e2, e3] = await Promise.all(
    ['陈绍成', '姜伯承', '杨磊'].map((name) => createRecord('experts', { name })),
  );
  if (!e1 || !e2 || !e3) throw new Error('experts not created');
  for (const e of [e1, e2, e3]) await createRecord('tripMembers', { tripId: trip.id, expertId: e.id });
  const need1 = await createRecord('needs', {
    tripId: trip.id,
    hostId: hostA.id,
    title: '中药饮片炮制工艺优化',
  });
  await createRecord('needs', { tripId: trip.id, hostId: hostB.id, title: '强流直线加速器研发' });
  const v1 = await createRecord('visits', {
    tripId: trip.id,
    hostId: hostA.id,
    needIds: [need1.id],
    date: '2025-06-23',
    expertIds: [e1.id, e2.id],
    activities: [
      { type: 'technical_guidance', count: 2 },
      { type: 'lecture', count: 1, topic: '中医与细胞治疗' },
    ],
    peopleTrained: 30,
    beneficiaries: 200,
    notes: '调研饮片生产流程',
  });
  const v2 = await createRecord('visits', {
    tripId: trip.id,
    hostId: hostB.id,
    date: '2025-06-24',
    expertIds: [e1.id],
    activities: [{ type: 'seminar', count: 3 }],
  });
  const problems = [
    { category: 'hard', status: 'solved' },
    { category: 'hard', status: 'advised' },
    { category: 'other', status: 'solved' },
    { category: 'other', status: 'solved' },
  ] as const;
  for (const [i, p] of problems.entries()) {
    await createRecord('problems', { tripId: trip.id, visitId: v1.id, title: `问题${i}`, ...p });
  }
  await createRecord('recommendations', {
    tripId: trip.id,
    visitId: v1.id,
    text: '优化炮制流程',
    adopted: true,
  });
  await createRecord('recommendations', { tripId: trip.id, visitId: v1.id, text: '引进人才' });
  const signed = await createRecord('agreements', {
    tripId: trip.id,
    hostId: hostA.id,
    title: '中药饮片技术合作协议',
    kind: 'cooperation',
    status: 'signed',
    signedDate: '2025-06-25',
    parties: ['重庆东嶅药业有限公司', '重庆第二师范学院'],
  });
  await createRecord('agreements', {
    tripId: trip.id,
    hostId: hostB.id,
    title: 'BNCT 装备联合研发意向',
    kind: 'consensus',
    status: 'negotiating',
  });
  await createRecord('followUps', { tripId: trip.id, action: '月度回访', dueDate: '2000-01-31' });
  await createRecord('followUps', {
    tripId: trip.id,
    action: '已完成的回访',
    dueDate: '2000-01-01',
    status: 'done',
  });
  return { trip, v1, v2, e3, hostA, signed };
}

const figure = (id: string) => screen.getByTestId(`figure-${id}`);

describe('TripHomePage', () => {
  it('shows the figures of the records in the report’s shape', async () => {
    const { trip } = await seed();
    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    expect(await screen.findByRole('heading', { name: trip.title })).toBeInTheDocument();
    await waitFor(() => expect(figure('visits')).toHaveTextContent('2'));
    const expected: Record<string, string> = {
      'hosts-served': '2',
      activities: '6',
      problems: '4',
      'problems-solved-hard': '1',
      'problems-solved-other': '2',
      recommendations: '2',
      'people-trained': '30',
      beneficiaries: '200',
      agreements: '1',
      'needs-covered': '1',
      'needs-total': '2',
      'experts-active': '2',
      members: '3',
      'activity-technical_guidance': '2',
      'activity-lecture': '1',
      'activity-seminar': '3',
      'activity-training': '0',
      'activity-surgery_guidance': '0',
      'agreement-cooperation': '1',
      'agreement-cooperation-total': '1',
      'agreement-consensus': '0',
      'agreement-consensus-total': '1',
    };
    for (const [id, value] of Object.entries(expected))
      expect(figure(id), id).toHaveTextContent(new RegExp(`^${value}$`));

    expect(screen.getByTestId('report-sentence')).toHaveTextContent(
      '3天时间里，2名专家深入2家服务单位开展走访2次，总计开展技术指导2次、学术讲座1场、座谈交流3次，' +
        '解决疑难杂症1个、其他大小问题2个，给出有效意见建议2条，直接培训指导30人次，惠及基层群众200人，签订合作协议1份。',
    );
    expect(screen.getByText('重庆市人力资源和社会保障局、四川省人力资源和社会保障厅')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '记录走访' })).toHaveAttribute(
      'href',
      `/trips/${trip.id}/visits/new`,
    );
    expect(screen.getByRole('link', { name: '编辑活动' })).toHaveAttribute('href', `/trips/${trip.id}/edit`);
  });

  it('updates the figures live when a record is added or deleted', async () => {
    const { trip, hostA, e3, signed } = await seed();
    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    await waitFor(() => expect(figure('visits')).toHaveTextContent('2'));

    await createRecord('visits', {
      tripId: trip.id,
      hostId: hostA.id,
      date: '2025-06-25',
      expertIds: [e3.id],
      activities: [{ type: 'training', count: 1 }],
      peopleTrained: 171,
      notes: '培训',
    });
    await waitFor(() => expect(figure('visits')).toHaveTextContent('3'));
    expect(figure('people-trained')).toHaveTextContent('201');
    expect(figure('activity-training')).toHaveTextContent('1');
    expect(figure('experts-active')).toHaveTextContent('3');
    // e3 has now visited, so the "member with no visit" item is gone.
    expect(screen.queryByTestId('attention-memberIdle')).not.toBeInTheDocument();

    // A deleted (tombstoned) record no longer counts.
    await deleteRecord('agreements', signed.id);
    await waitFor(() => expect(figure('agreements')).toHaveTextContent('0'));
    expect(figure('agreement-cooperation-total')).toHaveTextContent('0');
    expect(screen.getByTestId('report-sentence')).not.toHaveTextContent('签订');
  });

  it('lists what needs attention, each linked to where it is fixed', async () => {
    const { trip, v2 } = await seed();
    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    const panel = (await screen.findByRole('heading', { name: '需要关注' })).closest('section');
    if (!panel) throw new Error('no attention panel');
    await waitFor(() => expect(within(panel).getAllByTestId('vtable-row')).toHaveLength(5));
    const link = (name: string | RegExp) => within(panel).getByRole('link', { name });
    // Names of hosts and experts come from the directory, read after the trip's records.
    expect(await within(panel).findByRole('link', { name: '杨磊' })).toHaveAttribute(
      'href',
      `/trips/${trip.id}/team`,
    );
    expect(link('中核鲲硼肿瘤核医学治疗技术研究所 · 2025-06-24')).toHaveAttribute(
      'href',
      `/trips/${trip.id}/visits/${v2.id}`,
    );
    expect(link('强流直线加速器研发 · 中核鲲硼肿瘤核医学治疗技术研究所')).toHaveAttribute(
      'href',
      `/trips/${trip.id}/hosts`,
    );
    expect(link('BNCT 装备联合研发意向')).toHaveAttribute('href', `/trips/${trip.id}/agreements`);
    expect(link(/^月度回访（应于 2000-01-31 完成，已逾期 \d+ 天）$/)).toHaveAttribute(
      'href',
      `/trips/${trip.id}/follow-ups`,
    );

    fireEvent.click(screen.getByTestId('attention-followUpOverdue'));
    await waitFor(() => expect(within(panel).getAllByTestId('vtable-row')).toHaveLength(1));
    expect(within(panel).getByTestId('vtable-row')).toHaveTextContent('跟踪服务已逾期');
  });

  it('copies the summary, falls back to selecting it, and switches its language', async () => {
    const { trip } = await seed();
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    await waitFor(() => expect(figure('visits')).toHaveTextContent('2'));

    fireEvent.click(screen.getByRole('button', { name: '复制' }));
    expect(await screen.findByText('已复制到剪贴板')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(screen.getByTestId('report-sentence').textContent);

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByTestId('report-sentence')).toHaveTextContent(
      /^Over 3 days, 2 experts made 2 visits to 2 host units/,
    );
    // The note was about the Chinese text; it no longer applies.
    expect(screen.queryByText('已复制到剪贴板')).not.toBeInTheDocument();

    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: '复制' }));
    expect(await screen.findByText('无法自动复制，文字已选中，请按 Ctrl+C 复制')).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toContain('Over 3 days');
  });

  it('says all clear for an empty trip, and shows zeros', async () => {
    const trip = await seedTrip();
    useSettings.setState({ lang: 'en' });
    renderAt(`/trips/${trip.id}`, { '/trips/:tripId': <TripHomePage /> });
    expect(await screen.findByTestId('attention-none')).toHaveTextContent('All clear');
    expect(figure('visits')).toHaveTextContent('0');
    expect(figure('activity-outpatient')).toHaveTextContent('0');
    expect(screen.getByTestId('report-sentence')).toHaveTextContent('No visits have been recorded yet');
  });

  it('says so when the trip does not exist', async () => {
    renderAt('/trips/0190a0b0-0000-7000-8000-000000000000', { '/trips/:tripId': <TripHomePage /> });
    expect(await screen.findByText('找不到这个活动')).toBeInTheDocument();
  });
});
