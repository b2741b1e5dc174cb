// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { AgreementsPage } from '../../../renderer/features/agreements/AgreementsPage';
import { VisitFormPage } from '../../../renderer/features/visits/VisitFormPage';
import { VisitsPage } from '../../../renderer/features/visits/VisitsPage';
import { setReviewState } from '../../../renderer/review/setReviewState';
import { freshDb } from '../hosts/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';
import { seedReviewTrip, seedReviewVisit, signInAs } from './fixtures';

stubLayoutInThisFile();
let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/trips/:tripId/visits" element={<VisitsPage />} />
        <Route path="/trips/:tripId/visits/:visitId" element={<VisitFormPage />} />
        <Route path="/trips/:tripId/agreements" element={<AgreementsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const panel = () => screen.findByTestId('review-panel');

describe('reviewing a visit', () => {
  it('the expert submits, the organiser asks for changes with a comment, the list filter finds it', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24');

    // The expert, on their device, finishes the visit and submits it with what they just typed.
    await signInAs(db, 'expert', '陈绍成');
    const expertView = renderAt(`/trips/${trip.id}/visits/${visit.id}`);
    const review = within(await panel());
    expect(review.getByText('草稿')).toBeInTheDocument();
    expect(review.queryByRole('button', { name: '通过' })).not.toBeInTheDocument();
    // In the form, submitting goes with saving (the panel's own button would leave the edit unsaved).
    expect(review.queryByRole('button', { name: '提交审核' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('走访纪要'), {
      target: { value: '饮片炮制温度不稳，已给出控温方案' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存并提交审核' }));
    await waitFor(async () =>
      expect(await db.visits.get(visit.id)).toMatchObject({
        reviewState: 'submitted',
        notes: '饮片炮制温度不稳，已给出控温方案',
      }),
    );
    expect(await db.comments.toArray()).toMatchObject([{ reviewState: 'submitted', authorName: '陈绍成' }]);
    expertView.unmount();

    // The organiser: "needs changes" without saying what is refused, then with a comment.
    await signInAs(db, 'organiser', '王组织');
    renderAt(`/trips/${trip.id}/visits/${visit.id}`);
    const organiser = within(await panel());
    fireEvent.click(await organiser.findByRole('button', { name: '待修改' }));
    expect(await organiser.findByRole('alert')).toHaveTextContent('请先在上面写明需要修改或退回的原因');
    expect((await db.visits.get(visit.id))?.reviewState).toBe('submitted');
    fireEvent.change(organiser.getByLabelText('审核意见'), {
      target: { value: '请补充发现的问题和解决结果' },
    });
    fireEvent.click(organiser.getByRole('button', { name: '待修改' }));
    await waitFor(() => expect(organiser.getAllByTestId('review-comment')).toHaveLength(2));
    expect(organiser.getAllByTestId('review-comment')[0]).toHaveTextContent('陈绍成');
    const last = organiser.getAllByTestId('review-comment')[1] as HTMLElement;
    expect(last).toHaveTextContent('王组织');
    expect(last).toHaveTextContent('标记为');
    expect(last).toHaveTextContent('待修改');
    expect(last).toHaveTextContent('请补充发现的问题和解决结果');
    expect(organiser.getByLabelText('审核意见')).toHaveValue('');
    cleanup();

    // The visit list, filtered by review state, finds it.
    renderAt(`/trips/${trip.id}/visits`);
    await screen.findByText('重庆东嶅药业有限公司');
    fireEvent.change(screen.getByLabelText('审核'), { target: { value: 'approved' } });
    await waitFor(() => expect(screen.queryByText('重庆东嶅药业有限公司')).not.toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('审核'), { target: { value: 'has_issues' } });
    expect(await screen.findByText('重庆东嶅药业有限公司')).toBeInTheDocument();
  });

  it('the expert sees what needs changes at a glance, fixes it and resubmits in one step', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const other = await createRecord('hosts', { name: '璧山区人民医院' });
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24', 'submitted');
    await seedReviewVisit(trip.id, other.id, expert.id, '2025-06-25', 'approved');
    await signInAs(db, 'organiser', '王组织');
    await setReviewState('visits', visit.id, 'has_issues', '缺少问题描述', db);
    await signInAs(db, 'expert', '陈绍成');

    renderAt(`/trips/${trip.id}/visits`);
    const notice = await screen.findByTestId('review-issues-notice');
    expect(notice).toHaveTextContent('有 1 条记录被要求修改');
    expect(await screen.findByText('璧山区人民医院')).toBeInTheDocument();
    fireEvent.click(within(notice).getByRole('button', { name: '只看待修改' }));
    await waitFor(() => expect(screen.queryByText('璧山区人民医院')).not.toBeInTheDocument());
    expect(screen.getByText('重庆东嶅药业有限公司')).toBeInTheDocument();
    cleanup();

    renderAt(`/trips/${trip.id}/visits/${visit.id}`);
    const review = within(await panel());
    expect(review.getByRole('note')).toHaveTextContent('组织者要求修改这条记录');
    expect(review.getByText('缺少问题描述')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('走访纪要'), {
      target: { value: '补充：炮制温度不稳，已给出控温方案' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存并重新提交' }));
    await waitFor(async () =>
      expect(await db.visits.get(visit.id)).toMatchObject({
        reviewState: 'submitted',
        notes: '补充：炮制温度不稳，已给出控温方案',
      }),
    );
  });

  it('an agreement has the same thread in its drawer, and a review column and filter in its list', async () => {
    const { trip, host } = await seedReviewTrip();
    const agreement = await createRecord('agreements', {
      tripId: trip.id,
      hostId: host.id,
      title: '中药饮片炮制工艺标准化技术服务合作协议',
      reviewState: 'submitted',
    });
    await signInAs(db, null);
    renderAt(`/trips/${trip.id}/agreements?open=${agreement.id}`);
    const review = within(await panel());
    fireEvent.change(review.getByLabelText('审核意见'), { target: { value: '请补充签约各方' } });
    fireEvent.click(review.getByRole('button', { name: '退回' }));
    await waitFor(async () => expect((await db.agreements.get(agreement.id))?.reviewState).toBe('rejected'));
    // Not signed in: the comment is this device's.
    expect((await review.findAllByTestId('review-comment'))[0]).toHaveTextContent('本机');
    fireEvent.keyDown(window, { key: 'Escape' });

    await waitFor(() => expect(screen.queryByTestId('review-panel')).not.toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('审核'), { target: { value: 'approved' } });
    expect(await screen.findByText('没有符合筛选条件的协议')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('审核'), { target: { value: 'rejected' } });
    expect(await screen.findByText('中药饮片炮制工艺标准化技术服务合作协议')).toBeInTheDocument();
  });

  it('in the agreement drawer the expert submits from the panel', async () => {
    const { trip, host } = await seedReviewTrip();
    const agreement = await createRecord('agreements', {
      tripId: trip.id,
      hostId: host.id,
      title: '人才合作协议',
    });
    await signInAs(db, 'expert', '陈绍成');
    renderAt(`/trips/${trip.id}/agreements?open=${agreement.id}`);
    const review = within(await panel());
    fireEvent.click(await review.findByRole('button', { name: '提交审核' }));
    await waitFor(async () => expect((await db.agreements.get(agreement.id))?.reviewState).toBe('submitted'));
    expect(await review.findByTestId('review-comment')).toHaveTextContent('陈绍成');
    expect(review.queryByRole('button', { name: '提交审核' })).not.toBeInTheDocument();
  });
});
