// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { todayIso } from '../../../renderer/data/today';
import type { AppDatabase } from '../../../renderer/db/database';
import { FollowUpsPage } from '../../../renderer/features/followUps/FollowUpsPage';
import { addDays } from '../../../renderer/features/followUps/followUpLogic';
import { freshDb, seedHost, seedTrip, seedVisit } from '../hosts/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';

let db: AppDatabase;
stubLayoutInThisFile();
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

const rows = () => screen.queryAllByTestId('vtable-row');

function renderPage(tripId: string) {
  render(
    <MemoryRouter initialEntries={[`/trips/${tripId}/follow-ups`]}>
      <Routes>
        <Route path="/trips/:tripId/follow-ups" element={<FollowUpsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('follow-ups list', () => {
  it('marks an overdue follow-up, puts it first, and links the related visit', async () => {
    const { trip, expert } = await seedTrip();
    const host = await seedHost('重庆金属材料热处理有限公司');
    const visit = await seedVisit(trip.id, host.id, expert.id, '2025-06-24');
    const today = todayIso();
    await createRecord('followUps', {
      tripId: trip.id,
      action: '回访热处理工艺改进效果',
      dueDate: addDays(today, 20),
      relatedType: 'visit',
      relatedId: '',
    });
    await createRecord('followUps', {
      tripId: trip.id,
      action: '组织线上技术沙龙',
      dueDate: addDays(today, -5),
      relatedType: 'visit',
      relatedId: visit.id,
      owner: '李工',
    });
    await createRecord('followUps', {
      tripId: trip.id,
      action: '提交走访报告',
      dueDate: addDays(today, -30),
      status: 'done',
    });
    renderPage(trip.id);
    await waitFor(() => expect(rows()).toHaveLength(3));

    const [first, second, third] = rows();
    expect(first).toHaveTextContent('组织线上技术沙龙');
    expect(first).toHaveClass('row--overdue');
    expect(within(first as HTMLElement).getByText('已逾期 5 天')).toBeInTheDocument();
    // The related visit is named once the host names have loaded (their own live query).
    const link = await waitFor(() =>
      within(rows()[0] as HTMLElement).getByRole('link', {
        name: '2025-06-24 · 重庆金属材料热处理有限公司',
      }),
    );
    expect(link).toHaveAttribute('href', `/trips/${trip.id}/visits/${visit.id}`);
    // Done long ago is not overdue; it goes after the open items.
    expect(second).toHaveTextContent('回访热处理工艺改进效果');
    expect(second).not.toHaveClass('row--overdue');
    expect(third).toHaveTextContent('提交走访报告');
    expect(third).not.toHaveClass('row--overdue');
    expect(screen.getAllByText(/已逾期 \d+ 天/)).toHaveLength(1);

    fireEvent.click(screen.getByLabelText('只看已逾期（1）'));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('creates the 1346 cadence in one go', async () => {
    const { trip } = await seedTrip();
    renderPage(trip.id);
    fireEvent.click(await screen.findByRole('button', { name: '按 1346 节奏生成' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '每年成果转化' }));
    fireEvent.change(within(dialog).getByLabelText('负责人'), { target: { value: '李工' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '创建 4 项跟踪任务' }));
    expect(await screen.findByText('已创建 4 项跟踪任务')).toBeInTheDocument();
    const saved = (await db.followUps.toArray()).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    expect(saved.map((f) => f.action)).toEqual(['每周沙龙', '每月组团走访', '每季度会诊', '每半年联合攻关']);
    expect(saved[0]).toMatchObject({ owner: '李工', status: 'planned', dueDate: addDays(todayIso(), 7) });
    await waitFor(() => expect(rows()).toHaveLength(4));
  });
});
