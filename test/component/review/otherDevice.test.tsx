// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getClock } from '../../../renderer/data/clock';
import { createRecord } from '../../../renderer/data/repository';
import { AppDatabase } from '../../../renderer/db/database';
import { VisitFormPage } from '../../../renderer/features/visits/VisitFormPage';
import { setReviewState } from '../../../renderer/review/setReviewState';
import { applyPulledPage } from '../../../renderer/sync/applyPull';
import { rowToState } from '../../../renderer/sync/localRows';
import { newId } from '../../../shared/ids';
import type { RecordTable } from '../../../shared/schemas';
import type { PullResponse } from '../../../shared/sync/protocol';
import { freshDb } from '../hosts/fixtures';
import { seedReviewTrip, seedReviewVisit, signInAs } from './fixtures';

/**
 * The expert's device shows the organiser's feedback once it has synced: comments are ordinary synced
 * records, so nothing beyond the thread's live query is needed. Tested with records written the way
 * another device writes them: by the repository on the same database, and as a pulled page of rows a
 * second device really wrote.
 */
let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

let seq = 0;
/** The rows of `from` as the server would send them to another device. */
async function pageOf(
  from: AppDatabase,
  scope: string,
  refs: [RecordTable, string][],
): Promise<PullResponse> {
  const changes = [];
  for (const [table, id] of refs) {
    const row = await from.records(table).get(id);
    if (!row) throw new Error(`no ${table} ${id}`);
    const { data, stamps } = rowToState(row as never);
    changes.push({ seq: ++seq, table, recordId: id, scope, data, stamps });
  }
  return {
    changes,
    cursors: { [scope]: seq },
    scopes: [scope, 'directory'],
    hasMore: false,
    serverTime: Date.now(),
  };
}

function renderVisit(tripId: string, visitId: string) {
  render(
    <MemoryRouter initialEntries={[`/trips/${tripId}/visits/${visitId}`]}>
      <Routes>
        <Route path="/trips/:tripId/visits/:visitId" element={<VisitFormPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('feedback written on another device', () => {
  it('a comment created on the same database appears in the open thread', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24', 'submitted');
    await signInAs(db, 'expert', '陈绍成');
    renderVisit(trip.id, visit.id);
    const review = within(await screen.findByTestId('review-panel'));
    expect(review.getByText('还没有审核意见')).toBeInTheDocument();

    await createRecord('comments', {
      tripId: trip.id,
      recordTable: 'visits',
      recordId: visit.id,
      body: '照片请补充车间现场',
      authorName: '王组织',
    });
    const comment = await review.findByTestId('review-comment');
    expect(comment).toHaveTextContent('王组织');
    expect(comment).toHaveTextContent('照片请补充车间现场');
    expect(comment).not.toHaveTextContent('标记为');
  });

  it('the organiser’s decision pulled from the server shows as state, author and comment', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24', 'submitted');
    await signInAs(db, 'expert', '陈绍成');
    // The expert's device has uploaded its records (the server acknowledged them).
    await db.outbox.clear();

    // The organiser's device has the trip's records, and decides there.
    const organiserDb = new AppDatabase(`organiser-${newId()}`);
    await applyPulledPage(
      organiserDb,
      await pageOf(db, trip.id, [
        ['trips', trip.id],
        ['visits', visit.id],
      ]),
      await getClock(organiserDb),
    );
    await signInAs(organiserDb, 'organiser', '王组织');
    const decision = await setReviewState(
      'visits',
      visit.id,
      'has_issues',
      '缺少问题和建议，请补充',
      organiserDb,
    );

    renderVisit(trip.id, visit.id);
    const review = within(await screen.findByTestId('review-panel'));
    expect(review.getByText('已提交')).toBeInTheDocument();
    expect(review.queryByRole('button', { name: '重新提交' })).not.toBeInTheDocument();

    // The expert's device pulls what the organiser pushed.
    await applyPulledPage(
      db,
      await pageOf(organiserDb, trip.id, [
        ['visits', visit.id],
        ['comments', decision.id],
      ]),
      await getClock(db),
    );
    const comment = await review.findByTestId('review-comment');
    expect(comment).toHaveTextContent('王组织');
    expect(comment).toHaveTextContent('标记为');
    expect(comment).toHaveTextContent('待修改');
    expect(comment).toHaveTextContent('缺少问题和建议，请补充');
    expect(review.getByRole('note')).toHaveTextContent('组织者要求修改这条记录');
    expect(await screen.findByRole('button', { name: '保存并重新提交' })).toBeInTheDocument();
    // Pulled records are not queued for upload again.
    expect(await db.outbox.count()).toBe(0);
  });

  it('Ctrl+Enter in the comment box sends a reply and does not save the visit form', async () => {
    const { trip, expert, host } = await seedReviewTrip();
    const visit = await seedReviewVisit(trip.id, host.id, expert.id, '2025-06-24', 'has_issues');
    await signInAs(db, 'expert', '陈绍成');
    renderVisit(trip.id, visit.id);
    const review = within(await screen.findByTestId('review-panel'));
    const box = review.getByLabelText('回复或说明');
    fireEvent.change(box, { target: { value: '问题已在纪要中补充' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    expect(await review.findByText('问题已在纪要中补充')).toBeInTheDocument();
    await waitFor(() => expect(box).toHaveValue(''));
    const stored = await db.visits.get(visit.id);
    expect(stored?.reviewState).toBe('has_issues');
    // The form was not saved (no navigation, no new visit write).
    expect(await db.outbox.where('table').equals('visits').count()).toBe(1);
  });
});
