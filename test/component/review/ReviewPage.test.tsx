// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { ReviewPage } from '../../../renderer/features/review/ReviewPage';
import { freshDb } from '../hosts/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';
import { seedReviewTrip, seedReviewVisit, signInAs } from './fixtures';

stubLayoutInThisFile();
let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

/** Shows where a link or a keypress took the app. */
function Where() {
  const location = useLocation();
  return <div data-testid="where">{`${location.pathname}${location.search}`}</div>;
}

function renderReview(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/trips/:tripId/review" element={<ReviewPage />} />
        <Route path="*" element={<div>elsewhere</div>} />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

const where = () => screen.getByTestId('where').textContent ?? '';
const selectedTitle = () =>
  screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')?.textContent ?? '';

async function seedQueue() {
  const { trip, expert } = await seedReviewTrip();
  const names = ['璧山区人民医院', '重庆金属材料热处理有限公司', '璧山区中医院', '重庆青山工业有限责任公司'];
  const visits = [];
  for (const [i, name] of names.entries()) {
    const host = await createRecord('hosts', { name });
    visits.push(await seedReviewVisit(trip.id, host.id, expert.id, `2025-06-2${3 + (i % 3)}`, 'submitted'));
  }
  const approvedHost = await createRecord('hosts', { name: '璧山高新区管委会' });
  await seedReviewVisit(trip.id, approvedHost.id, expert.id, '2025-06-23', 'approved');
  await createRecord('agreements', {
    tripId: trip.id,
    hostId: approvedHost.id,
    title: '专家智力服务基地共建协议',
    reviewState: 'submitted',
    signedDate: '2025-06-25',
    status: 'signed',
    parties: ['璧山区人社局'],
  });
  return { trip, visits };
}

describe('the review page', () => {
  it('counts records per state and queues the submitted ones, visits and agreements', async () => {
    const { trip } = await seedQueue();
    renderReview(`/trips/${trip.id}/review`);
    expect(await screen.findByRole('heading', { name: '核对与审核' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('review-count-submitted')).toHaveTextContent('5'));
    expect(screen.getByTestId('review-count-approved')).toHaveTextContent('1');
    expect(screen.getAllByRole('option')).toHaveLength(5);
    expect(screen.getByText('专家智力服务基地共建协议')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /^协议$/ }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('queue-state-approved'));
    expect(await screen.findByText('没有符合筛选条件的记录')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    fireEvent.click(screen.getByTestId('queue-state-all'));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(6));
    expect(where()).toContain('state=all');
  });

  it('j/k and the arrows move through the queue; a decision moves on to the next record', async () => {
    const { trip, visits } = await seedQueue();
    await signInAs(db, 'organiser', '王组织');
    renderReview(`/trips/${trip.id}/review?kind=visits`);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(4));
    // Oldest first: 06-23, 06-24, 06-25, then 06-23's second visit sorts by name.
    fireEvent.keyDown(window, { key: 'j' });
    await waitFor(() => expect(selectedTitle()).toContain('璧山区人民医院'));
    const side = await screen.findByTestId('review-side');
    expect(within(side).getByRole('heading', { name: '璧山区人民医院' })).toBeInTheDocument();
    expect(await within(side).findByText('现场查看饮片炮制车间')).toBeInTheDocument();

    fireEvent.keyDown(window, { key: 'ArrowDown' });
    await waitFor(() => expect(selectedTitle()).not.toContain('璧山区人民医院'));
    const second = selectedTitle();
    fireEvent.keyDown(window, { key: 'k' });
    await waitFor(() => expect(selectedTitle()).toContain('璧山区人民医院'));
    // Typing in the comment box does not move the queue.
    const box = await within(screen.getByTestId('review-side')).findByLabelText('审核意见');
    fireEvent.keyDown(box, { key: 'j' });
    expect(selectedTitle()).toContain('璧山区人民医院');

    // Approving takes the record out of "submitted": the next one is selected by itself.
    fireEvent.click(within(screen.getByTestId('review-side')).getByRole('button', { name: '通过' }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    await waitFor(() => expect(selectedTitle()).toBe(second));
    expect((await db.visits.get(visits[0]?.id ?? ''))?.reviewState).toBe('approved');
    const thread = await db.comments.toArray();
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ reviewState: 'approved', authorName: '王组织' });
  });

  it('the completeness tab groups what is missing, each item opening its record', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const empty = await createRecord('visits', {
      tripId: trip.id,
      hostId: host.id,
      date: '2025-06-24',
      expertIds: [expert.id],
      activities: [{ type: 'site_research', count: 1 }],
    });
    const agreement = await createRecord('agreements', {
      tripId: trip.id,
      hostId: host.id,
      title: '人才合作协议',
    });
    const idle = await createRecord('experts', { name: '丁显平' });
    await createRecord('tripMembers', { tripId: trip.id, expertId: idle.id });
    renderReview(`/trips/${trip.id}/review?tab=completeness`);

    const visitsGroup = await screen.findByTestId('completeness-visitEmpty');
    expect(screen.getByRole('heading', { name: '走访未记录问题、建议或纪要（1）' })).toBeInTheDocument();
    const visitLink = await within(visitsGroup).findByRole('link', { name: '重庆东嶅药业有限公司' });
    expect(visitLink).toHaveAttribute('href', `/trips/${trip.id}/visits/${empty.id}`);
    const agreementLink = within(screen.getByTestId('completeness-agreementNoParties')).getByRole('link', {
      name: '人才合作协议',
    });
    expect(agreementLink).toHaveAttribute('href', `/trips/${trip.id}/agreements?open=${agreement.id}`);
    expect(
      await within(screen.getByTestId('completeness-memberIdle')).findByText('丁显平'),
    ).toBeInTheDocument();

    fireEvent.click(agreementLink);
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    expect(where()).toBe(`/trips/${trip.id}/agreements?open=${agreement.id}`);
  });

  it('switches tabs by the address and the arrow keys', async () => {
    const { trip } = await seedReviewTrip();
    renderReview(`/trips/${trip.id}/review?tab=completeness`);
    const tab = await screen.findByRole('tab', { name: '完整性检查' });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(tab, { key: 'ArrowLeft' });
    await waitFor(() => expect(where()).toContain('tab=duplicates'));
    fireEvent.click(screen.getByRole('tab', { name: '审核' }));
    await waitFor(() => expect(where()).toBe(`/trips/${trip.id}/review`));
    expect(await screen.findByText(/没有等待审核的记录/)).toBeInTheDocument();
  });
});
