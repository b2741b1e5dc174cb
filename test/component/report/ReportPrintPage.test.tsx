// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportPrintPage } from '../../../renderer/features/report/ReportPrintPage';
import { freshDb, renderAt } from '../trips/fixtures';
import { seedReportTrip } from './fixtures';

beforeEach(() => {
  freshDb();
  document.title = '专家行';
});
afterEach(() => {
  cleanup();
});

const routes = { '/trips/:tripId/report/print': <ReportPrintPage /> };

describe('ReportPrintPage', () => {
  it('lays the whole report out for A4 and says when it is ready', async () => {
    const { trip } = await seedReportTrip();
    const view = renderAt(`/trips/${trip.id}/report/print`, routes);
    expect(document.body.dataset.reportReady).toBeUndefined();
    await waitFor(() => expect(document.body.dataset.reportReady).toBe('1'));
    // By the time it says ready, the report is on the page.
    expect(screen.getByRole('heading', { level: 1, name: trip.title })).toBeInTheDocument();
    expect(screen.getByTestId('report-figure-activity-technical_guidance')).toHaveTextContent('2');
    expect(screen.getByTestId('report-sentence')).toHaveTextContent(/^3天时间里，3名专家深入2家服务单位/);
    expect(document.title).toBe(trip.title);
    expect(view.container.querySelector('style')?.textContent).toMatch(/@page \{ size: A4; margin: \d+mm/);

    // On paper nothing folds: every host is a plain section, open.
    expect(view.container.querySelector('details')).toBeNull();
    const hosts = screen.getAllByTestId('report-host');
    expect(hosts).toHaveLength(2);
    expect(within(hosts[0] as HTMLElement).getByText('饮片问题1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '全部收起' })).not.toBeInTheDocument();
    // The team, hosts and agreements each start a page.
    expect(view.container.querySelectorAll('.report-section--break')).toHaveLength(3);

    // The way back and the print button are there for a person who opened the page by itself.
    expect(screen.getByRole('link', { name: '← 返回工作总结' })).toHaveAttribute(
      'href',
      `/trips/${trip.id}/report`,
    );

    view.unmount();
    expect(document.body.dataset.reportReady).toBeUndefined();
    expect(document.title).toBe('专家行');
  });

  it('tells the PDF maker when the trip is not on this device', async () => {
    renderAt('/trips/0190a0b0-0000-7000-8000-000000000000/report/print', routes);
    await waitFor(() => expect(document.body.dataset.reportReady).toBe('missing'));
    expect(screen.getByText('找不到这个活动')).toBeInTheDocument();
  });
});
