// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import { AppDatabase, setDb } from '../../../renderer/db/database';
import { VisitFormPage } from '../../../renderer/features/visits/VisitFormPage';
import { useSettings } from '../../../renderer/state/settings';
import { newId } from '../../../shared/ids';

let db: AppDatabase;
let tripId: string;
let expertName: string;

beforeEach(async () => {
  db = new AppDatabase(`visit-form-${newId()}`);
  setDb(db);
  useSettings.setState({ lang: 'zh-CN' });
  const trip = await createRecord('trips', {
    title: '走进璧山',
    region: '璧山',
    startDate: '2025-06-23',
    endDate: '2025-06-25',
  });
  tripId = trip.id;
  expertName = '陈绍成';
  const expert = await createRecord('experts', { name: expertName, title: '二级教授' });
  await createRecord('tripMembers', { tripId, expertId: expert.id, role: 'expert', group: '生物医药' });
});
afterEach(() => cleanup());

function renderForm() {
  return render(
    <MemoryRouter initialEntries={[`/trips/${tripId}/visits/new`]}>
      <Routes>
        <Route path="/trips/:tripId/visits/new" element={<VisitFormPage />} />
        <Route path="/trips/:tripId/visits" element={<div>visit list</div>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('visit form', () => {
  it('shows what is missing next to each field and saves nothing', async () => {
    renderForm();
    await screen.findByText('基本信息');
    // an activity with zero sessions
    const count = screen.getByLabelText('次数/场数');
    fireEvent.change(count, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请至少选择一位在场专家')).toBeInTheDocument();
    expect(screen.getByText('至少为 1')).toBeInTheDocument();
    expect(screen.getByText('请先修正标红的项目')).toBeInTheDocument();
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(3); // only the seeded records
  });

  it('a problem without a title is flagged on its own row', async () => {
    renderForm();
    await screen.findByText('基本信息');
    fireEvent.click(screen.getByRole('button', { name: '+ 添加问题' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const row = await screen.findByTestId('problem-row');
    expect(await within(row).findByText('此项必填')).toBeInTheDocument();
  });

  it('a half-filled visit survives unmount and remount (draft autosave)', async () => {
    const first = renderForm();
    await screen.findByText('基本信息');
    fireEvent.change(screen.getByLabelText('走访纪要'), { target: { value: '饮片炮制流程需优化' } });
    fireEvent.click(await screen.findByLabelText(expertName));
    first.unmount();
    await waitFor(async () => expect(await db.drafts.count()).toBe(1));

    renderForm();
    expect(await screen.findByText('已恢复上次未保存的草稿')).toBeInTheDocument();
    expect(screen.getByLabelText('走访纪要')).toHaveValue('饮片炮制流程需优化');
    expect(await screen.findByLabelText(expertName)).toBeChecked();

    // discarding the draft clears the form and the stored draft
    fireEvent.click(screen.getByRole('button', { name: '放弃草稿' }));
    await waitFor(() => expect(screen.getByLabelText('走访纪要')).toHaveValue(''));
    expect(await db.drafts.count()).toBe(0);
  });

  it('switches to English and back without losing input', async () => {
    renderForm();
    await screen.findByText('基本信息');
    fireEvent.change(screen.getByLabelText('走访纪要'), { target: { value: 'BNCT 加速器' } });
    act(() => useSettings.getState().setLang('en'));
    expect(await screen.findByText('Basics')).toBeInTheDocument();
    expect(screen.getByLabelText('Notes')).toHaveValue('BNCT 加速器');
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose at least one expert who was present')).toBeInTheDocument();
    act(() => useSettings.getState().setLang('zh-CN'));
    expect(await screen.findByText('请至少选择一位在场专家')).toBeInTheDocument();
  });
});
