// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, updateRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import type { OutboxEntry } from '../../../renderer/db/types';
import { SyncPage } from '../../../renderer/features/sync/SyncPage';
import { acknowledge } from '../../../renderer/sync/push';
import { freshSyncTest, stubLayout } from './fixtures';

let db: AppDatabase;
let restoreLayout: () => void;
beforeEach(() => {
  db = freshSyncTest();
  restoreLayout = stubLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
});

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/sync']}>
      <Routes>
        <Route path="/sync" element={<SyncPage />} />
        <Route path="/trips/:tripId/problems" element={<p>问题页面</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

/** Records the server's refusal of every outbox entry, as a push would. */
async function refuseAll(refusal: {
  reason: 'validation' | 'permission';
  issues?: { path: string[]; message: string }[];
}) {
  const batch: OutboxEntry[] = await db.outbox.toArray();
  await acknowledge(
    db,
    batch,
    {
      applied: [],
      refused: batch.map((e) => ({
        mutationId: e.mutationId,
        reason: refusal.reason,
        message: 'refused by the server',
        ...(refusal.issues ? { issues: refusal.issues } : {}),
      })),
      serverTime: Date.now(),
    },
    new Date().toISOString(),
  );
}

async function seedProblem(title: string) {
  const trip = await createRecord('trips', {
    title: '专家团走进璧山',
    region: '璧山',
    startDate: '2025-06-23',
    endDate: '2025-06-25',
  });
  await db.outbox.clear();
  const visitId = '0197a000-0000-7000-8000-000000000001';
  return createRecord('problems', { tripId: trip.id, visitId, title });
}

const rows = () => screen.queryAllByTestId('vtable-row');

describe('refused changes', () => {
  it('lists a refusal with its record and reason, explains the fields, and retry re-queues it', async () => {
    const problem = await seedProblem('渗碳层深度不均');
    await refuseAll({ reason: 'validation', issues: [{ path: ['title'], message: 'v.required' }] });
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    const row = rows()[0] as HTMLElement;
    expect(row).toHaveTextContent('问题');
    expect(row).toHaveTextContent('渗碳层深度不均');
    expect(row).toHaveTextContent('记录不完整或有误');
    expect(row).toHaveTextContent('新建');

    fireEvent.click(row);
    const drawer = await screen.findByRole('dialog', { name: '更改详情' });
    expect(drawer).toHaveTextContent('标题：此项必填');
    expect(within(drawer).getByRole('link', { name: '打开记录去修改' })).toHaveAttribute(
      'href',
      `/trips/${problem.tripId}/problems?open=${problem.id}`,
    );

    // The user fixes the record meanwhile; the retry sends the current values.
    await updateRecord('problems', problem.id, { title: '渗碳层深度不均匀' });
    await db.outbox.clear();
    fireEvent.click(within(drawer).getByRole('button', { name: '重试' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('已重新排队，将随下次同步上传')).toBeInTheDocument();
    expect(await db.quarantine.count()).toBe(0);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ table: 'problems', recordId: problem.id });
    expect(entry?.changes).toMatchObject({ title: '渗碳层深度不均匀', _deleted: false });
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByText('没有被拒绝的更改')).toBeInTheDocument();
  });

  it('giving up a refused new record asks first, then removes it from this device', async () => {
    const problem = await seedProblem('病历书写不规范');
    await refuseAll({ reason: 'permission' });
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '更改详情' });
    expect(drawer).toHaveTextContent('请联系组织者开通后');
    fireEvent.click(within(drawer).getByRole('button', { name: '放弃此更改' }));
    const confirm = within(drawer).getByRole('alertdialog');
    expect(confirm).toHaveTextContent('这条记录从未上传成功，放弃后将从本机删除');
    expect(await db.quarantine.count()).toBe(1);
    fireEvent.click(within(confirm).getByRole('button', { name: '确定放弃' }));
    await waitFor(async () => expect(await db.quarantine.count()).toBe(0));
    expect(await db.problems.get(problem.id)).toBeUndefined();
  });

  it('filters by reason', async () => {
    await seedProblem('淬火变形超差');
    await refuseAll({ reason: 'permission' });
    renderPage();
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: 'validation' } });
    expect(rows()).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: 'permission' } });
    expect(rows()).toHaveLength(1);
  });
});
