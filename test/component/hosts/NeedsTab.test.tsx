// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { HostsNeedsPage } from '../../../renderer/features/hosts/HostsNeedsPage';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, seedHost, seedTrip, seedVisit } from './fixtures';

let db: AppDatabase;
stubLayoutInThisFile();
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

const rows = () => screen.queryAllByTestId('vtable-row');
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent?.replace('●', ''));

function renderPage(tripId: string) {
  render(
    <MemoryRouter initialEntries={[`/trips/${tripId}/hosts`]}>
      <Routes>
        <Route path="/trips/:tripId/hosts" element={<HostsNeedsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('needs list', () => {
  it('adds a need for a host picked by search, with an expert of the team', async () => {
    const { trip, expert } = await seedTrip();
    const host = await seedHost('重庆金属材料热处理有限公司');
    renderPage(trip.id);
    fireEvent.click(await screen.findByRole('button', { name: '新增需求' }));
    const dialog = await screen.findByRole('dialog', { name: '新增需求' });
    const picker = await within(dialog).findByRole('combobox', { name: /服务单位/ });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: '热处理' } });
    const option = await within(dialog).findByRole('option', { name: /重庆金属材料热处理有限公司/ });
    fireEvent.mouseDown(option);
    fireEvent.change(within(dialog).getByLabelText(/需求名称/), { target: { value: '真空热处理变形控制' } });
    fireEvent.change(within(dialog).getByLabelText('领域'), { target: { value: '材料' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: '李工' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const [need] = await db.needs.toArray();
    expect(need).toMatchObject({
      tripId: trip.id,
      hostId: host.id,
      title: '真空热处理变形控制',
      expertIds: [expert.id],
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
    const first = rows()[0];
    if (!first) throw new Error('no row');
    expect(cells(first)).toEqual([
      '真空热处理变形控制',
      '重庆金属材料热处理有限公司',
      '企业技术需求',
      '材料',
      '李工',
      '待对接',
      '否',
    ]);
  });

  it('shows which needs a visit addressed and filters by kind and text', async () => {
    const { trip, expert } = await seedTrip();
    const host = await seedHost('璧山区人民医院', '');
    const a = await createRecord('needs', {
      tripId: trip.id,
      hostId: host.id,
      title: '胸痛中心建设',
      kind: 'talent',
    });
    await createRecord('needs', {
      tripId: trip.id,
      hostId: host.id,
      title: '智慧病房信息化',
      kind: 'technical',
    });
    const visit = await seedVisit(trip.id, host.id, expert.id, '2025-06-24');
    await updateRecord('visits', visit.id, { needIds: [a.id] });
    renderPage(trip.id);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const visited = rows().map((r) => [cells(r)[0], cells(r)[6]]);
    expect(visited).toEqual(
      expect.arrayContaining([
        ['胸痛中心建设', '是'],
        ['智慧病房信息化', '否'],
      ]),
    );
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: 'technical' } });
    await waitFor(() => expect(rows().map((r) => cells(r)[0])).toEqual(['智慧病房信息化']));
    fireEvent.change(screen.getByLabelText('类别'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('领域或关键词'), { target: { value: '胸痛' } });
    await waitFor(() => expect(rows().map((r) => cells(r)[0])).toEqual(['胸痛中心建设']));
  });
});
