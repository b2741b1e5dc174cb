// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { AgreementsPage } from '../../../renderer/features/agreements/AgreementsPage';
import { ReviewPage } from '../../../renderer/features/review/ReviewPage';
import { VisitFormPage } from '../../../renderer/features/visits/VisitFormPage';
import { VisitsPage } from '../../../renderer/features/visits/VisitsPage';
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
        <Route path="/trips/:tripId/review" element={<ReviewPage />} />
        <Route path="/trips/:tripId/visits" element={<VisitsPage />} />
        <Route path="/trips/:tripId/visits/:visitId" element={<VisitFormPage />} />
        <Route path="/trips/:tripId/agreements" element={<AgreementsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

const EXPERT_BANNER = '本次活动已定稿锁定，修改将被服务器拒绝';

describe('locking a trip', () => {
  it('the organiser locks after a confirmation that says what it means, and can unlock', async () => {
    const { trip } = await seedReviewTrip();
    await signInAs(db, 'organiser', '王组织');
    renderAt(`/trips/${trip.id}/review`);
    const control = await screen.findByTestId('lock-control');
    fireEvent.click(await within(control).findByRole('button', { name: '定稿并锁定' }));
    const dialog = within(control).getByRole('alertdialog', { name: '定稿并锁定' });
    expect(dialog).toHaveTextContent('专家在任何设备上对本次活动记录的修改都会被服务器拒绝');
    expect((await db.trips.get(trip.id))?.locked).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: '锁定' }));

    await waitFor(async () => expect((await db.trips.get(trip.id))?.locked).toBe(true));
    expect(await screen.findByTestId('lock-banner')).toHaveTextContent('组织者仍可修改');
    const outbox = await db.outbox.where('table').equals('trips').toArray();
    expect(outbox.at(-1)?.changes).toEqual({ locked: true });

    fireEvent.click(await within(control).findByRole('button', { name: '解除锁定' }));
    fireEvent.click(within(control).getByRole('alertdialog').querySelector('.btn--danger') as HTMLElement);
    await waitFor(async () => expect((await db.trips.get(trip.id))?.locked).toBe(false));
    await waitFor(() => expect(screen.queryByTestId('lock-banner')).not.toBeInTheDocument());
  });

  it('experts see the banner, a read-only visit form and no way to submit or reply', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24', 'has_issues');
    await updateRecord('trips', trip.id, { locked: true });
    await signInAs(db, 'expert', '陈绍成');
    renderAt(`/trips/${trip.id}/visits/${visit.id}`);

    expect(await screen.findByTestId('lock-banner')).toHaveTextContent(EXPERT_BANNER);
    expect(screen.getByLabelText('走访纪要')).toBeDisabled();
    expect(screen.getByLabelText('走访纪要')).toHaveValue('现场查看饮片炮制车间');
    expect(screen.getByLabelText('陈绍成')).toBeDisabled();
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存并重新提交' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '删除' })).not.toBeInTheDocument();
    const review = within(screen.getByTestId('review-panel'));
    expect(review.queryByRole('button', { name: '重新提交' })).not.toBeInTheDocument();
    expect(review.queryByRole('textbox')).not.toBeInTheDocument();
    expect(review.getByText('本次活动已定稿锁定，不能再提交或回复。')).toBeInTheDocument();

    // Ctrl+Enter saves nothing either.
    const before = await db.outbox.count();
    fireEvent.keyDown(screen.getByLabelText('走访纪要'), { key: 'Enter', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.outbox.count()).toBe(before);
  });

  it('the organiser keeps editing a locked trip', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24', 'submitted');
    await updateRecord('trips', trip.id, { locked: true });
    await signInAs(db, 'organiser');
    renderAt(`/trips/${trip.id}/visits/${visit.id}`);
    expect(await screen.findByTestId('lock-banner')).toHaveTextContent('组织者仍可修改');
    expect(screen.getByLabelText('走访纪要')).toBeEnabled();
    expect(screen.getByRole('button', { name: '保存' })).toBeEnabled();
    expect(within(screen.getByTestId('review-panel')).getByRole('button', { name: '通过' })).toBeEnabled();
  });

  it('expert lists of a locked trip: no "new" buttons, agreements open read-only', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24');
    const agreement = await createRecord('agreements', {
      tripId: trip.id,
      hostId: host.id,
      title: '中药饮片炮制工艺标准化技术服务合作协议',
      parties: ['四川大学', '重庆东嶅药业有限公司'],
    });
    await updateRecord('trips', trip.id, { locked: true });
    await signInAs(db, 'expert', '陈绍成');

    const visits = renderAt(`/trips/${trip.id}/visits`);
    expect(await screen.findByTestId('lock-banner')).toHaveTextContent(EXPERT_BANNER);
    expect(await screen.findByText('重庆东嶅药业有限公司')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '记录走访' })).not.toBeInTheDocument();
    visits.unmount();

    renderAt(`/trips/${trip.id}/agreements?open=${agreement.id}`);
    expect(await screen.findByTestId('lock-banner')).toHaveTextContent(EXPERT_BANNER);
    expect(screen.queryByRole('button', { name: '新增协议' })).not.toBeInTheDocument();
    const summary = await screen.findByTestId('agreement-summary');
    expect(summary).toHaveTextContent('四川大学、重庆东嶅药业有限公司');
    expect(screen.queryByLabelText(/协议名称/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存' })).not.toBeInTheDocument();
  });
});
