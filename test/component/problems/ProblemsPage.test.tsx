// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { ProblemsPage } from '../../../renderer/features/problems/ProblemsPage';
import { freshDb, seedHost, seedTrip, seedVisit } from '../hosts/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';

let db: AppDatabase;
stubLayoutInThisFile();
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

const titles = () =>
  screen
    .queryAllByTestId('vtable-row')
    .map((r) => within(r).getAllByRole('cell')[0]?.textContent?.replace('●', ''));

function renderPage(tripId: string) {
  render(
    <MemoryRouter initialEntries={[`/trips/${tripId}/problems`]}>
      <Routes>
        <Route path="/trips/:tripId/problems" element={<ProblemsPage />} />
        <Route path="/trips/:tripId/visits" element={<p>visit log</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

async function seedProblems() {
  const { trip, expert } = await seedTrip();
  const factory = await seedHost('重庆金属材料热处理有限公司');
  const hospital = await seedHost('璧山区人民医院');
  const v1 = await seedVisit(trip.id, factory.id, expert.id, '2025-06-23');
  const v2 = await seedVisit(trip.id, hospital.id, expert.id, '2025-06-24');
  const base = { tripId: trip.id };
  await createRecord('problems', {
    ...base,
    visitId: v1.id,
    title: '渗碳层深度不均',
    category: 'hard',
    status: 'solved',
  });
  await createRecord('problems', { ...base, visitId: v1.id, title: '淬火变形超差', category: 'hard' });
  await createRecord('problems', {
    ...base,
    visitId: v2.id,
    title: '病历书写不规范',
    category: 'other',
    status: 'solved',
  });
  return { trip, v1, v2 };
}

describe('problems list', () => {
  it('counts hard and other problems and filters by category', async () => {
    const { trip, v2 } = await seedProblems();
    renderPage(trip.id);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const figures = Array.from(document.querySelectorAll('.figure')).map((f) => f.textContent);
    expect(figures).toEqual(['2疑难杂症/技术难题', '1其他问题', '2 / 3已解决 / 问题总数']);

    fireEvent.change(screen.getByLabelText('问题类别'), { target: { value: 'other' } });
    await waitFor(() => expect(titles()).toEqual(['病历书写不规范']));
    const row = screen.getByTestId('vtable-row');
    // The host comes from the visit; the date links to it.
    await waitFor(() => expect(row).toHaveTextContent('璧山区人民医院'));
    expect(within(row).getByRole('link', { name: '2025-06-24' })).toHaveAttribute(
      'href',
      `/trips/${trip.id}/visits/${v2.id}`,
    );

    fireEvent.change(screen.getByLabelText('问题类别'), { target: { value: 'hard' } });
    await waitFor(() => expect(titles().sort()).toEqual(['淬火变形超差', '渗碳层深度不均']));
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'solved' } });
    await waitFor(() => expect(titles()).toEqual(['渗碳层深度不均']));
  });

  it('edits and deletes a problem from the drawer', async () => {
    const { trip } = await seedProblems();
    renderPage(trip.id);
    await waitFor(() => expect(titles()).toHaveLength(3));
    const target = screen.getAllByTestId('vtable-row').find((r) => r.textContent?.includes('淬火变形超差'));
    if (!target) throw new Error('row missing');
    fireEvent.click(target);
    const dialog = await screen.findByRole('dialog', { name: '编辑问题' });
    fireEvent.change(await within(dialog).findByLabelText('状态'), { target: { value: 'advised' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const edited = (await db.problems.toArray()).find((p) => p.title === '淬火变形超差');
    expect(edited?.status).toBe('advised');

    const again = screen.getAllByTestId('vtable-row').find((r) => r.textContent?.includes('淬火变形超差'));
    if (!again) throw new Error('row missing');
    fireEvent.click(again);
    const drawer = await screen.findByRole('dialog', { name: '编辑问题' });
    fireEvent.click(await within(drawer).findByRole('button', { name: '删除' }));
    expect(within(drawer).getByText('确定删除“淬火变形超差”？')).toBeInTheDocument();
    fireEvent.click(within(drawer).getAllByRole('button', { name: '删除' })[0] as HTMLElement);
    await waitFor(() => expect(titles()).toHaveLength(2));
    expect((await db.problems.get(edited?.id ?? ''))?._deleted).toBe(1);
  });

  it('says where problems are recorded when there are none', async () => {
    const { trip } = await seedTrip();
    renderPage(trip.id);
    expect(await screen.findByText('本次活动还没有登记问题')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '前往走访记录' }));
    expect(await screen.findByText('visit log')).toBeInTheDocument();
  });
});
