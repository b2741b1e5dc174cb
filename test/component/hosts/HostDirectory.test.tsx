// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostPicker } from '../../../renderer/features/hosts/HostPicker';
import { HostsNeedsPage } from '../../../renderer/features/hosts/HostsNeedsPage';
import { stubLayoutInThisFile } from '../layoutStub';
import { code, freshDb, seedHost, seedTrip, seedVisit } from './fixtures';

stubLayoutInThisFile();

beforeEach(() => {
  freshDb();
});
afterEach(cleanup);

// The first cell holds the name and, for records not yet uploaded, the "未同步" dot.
const rowNames = () =>
  screen
    .queryAllByTestId('vtable-row')
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent?.replace('●', ''));

function renderPage(tripId: string, search = '?tab=directory') {
  render(
    <MemoryRouter initialEntries={[`/trips/${tripId}/hosts${search}`]}>
      <Routes>
        <Route path="/trips/:tripId/hosts" element={<HostsNeedsPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('host directory', () => {
  it('finds a host by part of its Chinese name, by credit code, and counts the trip’s visits', async () => {
    const { trip, expert } = await seedTrip();
    const metal = await seedHost('重庆金属材料热处理有限公司', code('91500227MA5U7AB3X'));
    await seedHost('璧山区人民医院');
    await seedHost('重庆青山工业有限责任公司', code('91500227202855436'));
    await seedVisit(trip.id, metal.id, expert.id, '2025-06-23');
    await seedVisit(trip.id, metal.id, expert.id, '2025-06-24');
    renderPage(trip.id);

    // Empty query: the directory by name.
    await waitFor(() => expect(rowNames()).toHaveLength(3));

    const search = screen.getByLabelText('搜索单位');
    fireEvent.change(search, { target: { value: '热处理' } });
    await waitFor(() => expect(rowNames()).toEqual(['重庆金属材料热处理有限公司']));
    const row = screen.getAllByTestId('vtable-row')[0];
    expect(row && within(row).getAllByRole('cell')[5]).toHaveTextContent('2');
    expect(row && within(row).getByLabelText('未同步')).toBeInTheDocument();

    // "处理热" is made of the same characters but is not in any name.
    fireEvent.change(search, { target: { value: '处理热' } });
    await waitFor(() => expect(screen.getByText('没有找到匹配的单位')).toBeInTheDocument());

    fireEvent.change(search, { target: { value: code('91500227202855436').toLowerCase() } });
    await waitFor(() => expect(rowNames()).toEqual(['重庆青山工业有限责任公司']));
  });

  it('opens a host from the list and saves an edit in the drawer', async () => {
    const { trip } = await seedTrip();
    const host = await seedHost('璧山区中医院');
    renderPage(trip.id);
    await waitFor(() => expect(rowNames()).toEqual(['璧山区中医院']));
    const firstRow = screen.getAllByTestId('vtable-row')[0];
    if (!firstRow) throw new Error('no row');
    fireEvent.click(firstRow);
    const dialog = await screen.findByRole('dialog', { name: '编辑服务单位' });
    fireEvent.change(await within(dialog).findByLabelText('所属行业'), { target: { value: '医疗卫生' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByText('医疗卫生')).toBeInTheDocument());
    expect(host.industry).toBe('制造业');
  });
});

function PickerHarness() {
  const [hostId, setHostId] = useState('');
  return (
    <>
      <HostPicker label="服务单位" value={hostId} onChange={setHostId} />
      <output data-testid="chosen">{hostId}</output>
    </>
  );
}

describe('HostPicker', () => {
  it('searches as you type and picks with the arrow keys and Enter', async () => {
    await seedHost('重庆金属材料热处理有限公司');
    const second = await seedHost('璧山热处理技术服务中心');
    await seedHost('璧山区人民医院');
    render(<PickerHarness />);
    const box = screen.getByRole('combobox', { name: '服务单位' });
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '热处理' } });
    const options = await screen.findAllByRole('option');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(options.map((o) => o.textContent).join()).not.toContain('医院');
    const names = screen.getAllByRole('option').map((o) => o.textContent ?? '');
    const secondIndex = names.findIndex((n) => n.startsWith('璧山热处理'));
    for (let i = 0; i < secondIndex; i++) fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('chosen')).toHaveTextContent(second.id));
    await waitFor(() => expect(box).toHaveValue('璧山热处理技术服务中心'));
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });
});
