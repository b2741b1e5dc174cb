// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '../../../renderer/features/report/ReportPage';
import { PlatformError, setPlatformForTesting } from '../../../renderer/platform';
import { createWebPlatform } from '../../../renderer/platform/webPlatform';
import { useSettings } from '../../../renderer/state/settings';
import { freshDb, renderAt } from '../trips/fixtures';
import { seedReportTrip } from './fixtures';

beforeEach(() => {
  freshDb();
});
afterEach(() => {
  cleanup();
  setPlatformForTesting(undefined);
});

const figure = (id: string) => screen.getByTestId(`report-figure-${id}`);

async function openReport() {
  const seeded = await seedReportTrip();
  renderAt(`/trips/${seeded.trip.id}/report`, { '/trips/:tripId/report': <ReportPage /> });
  await screen.findByRole('heading', { level: 1, name: seeded.trip.title });
  return seeded;
}

describe('ReportPage', () => {
  it('shows the figures in the province’s order, without the rejected visit', async () => {
    await openReport();
    const expected: Record<string, string> = {
      'activity-technical_guidance': '2', // the rejected visit's 4 are left out
      'activity-lecture': '1',
      'activity-seminar': '3',
      'hard-solved': '1',
      'other-solved': '2',
      recommendations: '2',
      'people-trained': '30',
      beneficiaries: '200',
      'agreement-cooperation': '1',
      'agreement-expert_appointment': '1',
      'agreement-consensus': '0',
      'experts-appointed': '2',
      'hosts-served': '2',
      'needs-covered': '1',
      'needs-total': '2',
      'experts-active': '3',
      members: '3', // the liaison is on the team, not one of its experts
      fields: '3',
    };
    for (const [id, value] of Object.entries(expected))
      expect(figure(id), id).toHaveTextContent(new RegExp(`^${value}$`));
    // The province's order: activities first, then problems, advice, people, agreements, then the rest.
    const order = screen
      .getAllByTestId(/^report-figure-/)
      .map((el) => el.dataset.testid?.replace('report-figure-', ''))
      .filter((id) => id && !['needs-total', 'members'].includes(id));
    expect(order).toEqual([
      'activity-technical_guidance',
      'activity-lecture',
      'activity-seminar',
      'hard-solved',
      'other-solved',
      'recommendations',
      'people-trained',
      'beneficiaries',
      'agreement-cooperation',
      'agreement-expert_appointment',
      'agreement-consensus',
      'experts-appointed',
      'hosts-served',
      'needs-covered',
      'experts-active',
      'fields',
    ]);
    expect(screen.getByText('技术指导（次）')).toBeInTheDocument();
    expect(screen.getByTestId('report-excluded')).toHaveTextContent(
      '已退回的 1 次走访及其记录的问题和建议未计入本总结。已退回的 1 份协议未计入本总结。 查看审核',
    );
    expect(screen.queryByText('重复录入的合作协议')).toBeNull();
    expect(screen.getByTestId('report-sentence')).toHaveTextContent(
      /技术指导2次、学术讲座1场、座谈交流3次，解决疑难杂症1个、其他大小问题2个/,
    );
    expect(screen.getByText('重庆市人力资源和社会保障局、四川省人力资源和社会保障厅')).toBeInTheDocument();
  });

  it('draws labelled, described charts of activities and agreements', async () => {
    await openReport();
    const activities = screen.getByRole('img', { name: /^各类活动场次/ });
    expect(activities).toHaveAccessibleName(/技术指导：2；专题讲座：1；座谈交流：3/);
    expect(within(activities).getByTestId('chart-value-activity-seminar')).toHaveTextContent('3');
    const agreements = screen.getByRole('img', { name: /^已签订协议（按类别）/ });
    expect(within(agreements).getByTestId('chart-value-agreement-cooperation')).toHaveTextContent('1');
    expect(within(agreements).getByTestId('chart-value-agreement-consensus')).toHaveTextContent('0');
  });

  it('lists the team by group, the hosts (foldable), the agreements and the open follow-ups', async () => {
    await openReport();
    // The liaison is on the team but not one of its experts.
    expect(screen.getByText('专家团共 4 人，其中专家 3 名，分 3 个小组开展服务。')).toBeInTheDocument();
    const groups = screen.getAllByTestId('report-group');
    expect(groups.map((g) => within(g).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '核医学组',
      '中医药组',
      '未分组',
    ]);
    const tcm = groups[1] as HTMLElement;
    expect(within(tcm).getByText(/^走访 1 次（1 家单位）/)).toBeInTheDocument();
    expect(within(tcm).getByRole('rowheader', { name: '陈绍成' })).toBeInTheDocument();
    expect(within(tcm).getByText('首席专家')).toBeInTheDocument();

    const hosts = screen.getAllByTestId('report-host') as HTMLDetailsElement[];
    // The rejected visit's host has nothing else in the report, so it is not listed.
    expect(hosts.map((h) => h.querySelector('.report-host__name')?.textContent)).toEqual([
      '1. 重庆东嶅药业有限公司',
      '2. 中核鲲硼肿瘤核医学治疗技术研究所',
    ]);
    expect(hosts.every((h) => h.open)).toBe(true);
    expect(within(hosts[0] as HTMLElement).getByText('饮片问题1')).toBeInTheDocument();
    expect(within(hosts[0] as HTMLElement).getByText('（已采纳）')).toBeInTheDocument();
    expect(screen.queryByText('不应计入的问题')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '全部收起' }));
    await waitFor(() => expect(hosts.some((h) => h.open)).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '全部展开' }));
    await waitFor(() => expect(hosts.every((h) => h.open)).toBe(true));

    const agreements = screen.getByTestId('report-agreements');
    expect(within(agreements).getAllByRole('row')).toHaveLength(4);
    expect(
      within(agreements).getByText('签约方：重庆东嶅药业有限公司、重庆第二师范学院'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('report-appointed')).toHaveTextContent(
      '受聘为特聘专家的 2 名专家：陈绍成、姜伯承',
    );

    const followUps = screen.getByTestId('report-follow-ups');
    const rows = within(followUps).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '月度回访',
      '年度成果转化',
    ]);
    expect(rows[0]).toHaveTextContent(/已逾期 \d+ 天/);
    expect(rows[1]).not.toHaveTextContent('已逾期');
    expect(screen.getByText('共 2 项跟踪服务尚未完成，其中 1 项已逾期。')).toBeInTheDocument();
  });

  it('prints through the platform with the same file name as the other exports, and explains a failure', async () => {
    const printRoute = vi.fn(async (_route: string) => undefined);
    setPlatformForTesting(createWebPlatform({ printRoute }));
    const { trip } = await openReport();
    fireEvent.click(screen.getByRole('button', { name: '打印 / 导出 PDF' }));
    await waitFor(() => expect(printRoute).toHaveBeenCalledWith(`/trips/${trip.id}/report/print`));

    const printReportPdf = vi.fn(async () => {
      throw new PlatformError('[report-timeout] too slow', 'report-timeout');
    });
    setPlatformForTesting({ ...createWebPlatform(), printReportPdf });
    // The button is disabled while the first print finishes; a click then would be ignored.
    const button = screen.getByRole('button', { name: '打印 / 导出 PDF' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(await screen.findByText(/生成 PDF 超时/)).toBeInTheDocument();
    expect(printReportPdf).toHaveBeenCalledWith(trip.id, '璧山区专家服务活动-工作总结-2025-06-25.pdf');

    setPlatformForTesting({
      ...createWebPlatform(),
      printReportPdf: async () => ({ saved: true, path: '/home/u/Documents/璧山.pdf' }),
    });
    fireEvent.click(screen.getByRole('button', { name: '打印 / 导出 PDF' }));
    expect(await screen.findByText('已保存：/home/u/Documents/璧山.pdf')).toBeInTheDocument();
  });

  it('reads in English, with zero figures for an empty trip', async () => {
    const { seedTrip } = await import('../trips/fixtures');
    const trip = await seedTrip({ title: 'Empty trip' });
    useSettings.setState({ lang: 'en' });
    renderAt(`/trips/${trip.id}/report`, { '/trips/:tripId/report': <ReportPage /> });
    await screen.findByRole('heading', { level: 1, name: 'Empty trip' });
    expect(figure('activity-technical_guidance')).toHaveTextContent('0');
    expect(figure('agreements')).toHaveTextContent('0');
    expect(screen.getByText('No agreements have been recorded.')).toBeInTheDocument();
    expect(screen.getByText('No follow-ups are open.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says so when the trip is not on this device', async () => {
    renderAt('/trips/0190a0b0-0000-7000-8000-000000000000/report', {
      '/trips/:tripId/report': <ReportPage />,
    });
    expect(await screen.findByText('找不到这个活动')).toBeInTheDocument();
  });
});
