// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { DuplicatesTab } from '../../../renderer/features/reconcile/DuplicatesTab';
import { readNotDuplicates } from '../../../renderer/reconcile/duplicates';
import { useSettings } from '../../../renderer/state/settings';
import { CODE, freshDb, seedTrip, seedVisit } from '../../unit/reconcile/fixtures';
import { stubLayoutInThisFile } from '../layoutStub';
import { signInAs } from '../review/fixtures';

stubLayoutInThisFile();

let db: AppDatabase;
beforeEach(async () => {
  db = freshDb();
  useSettings.setState({ lang: 'zh-CN' });
  await signInAs(db, 'organiser', '张组织');
});
afterEach(cleanup);

function renderTab(tripId: string) {
  render(
    <MemoryRouter>
      <DuplicatesTab tripId={tripId} />
    </MemoryRouter>,
  );
}

const rows = () => screen.queryAllByTestId('vtable-row');

async function hostWorld() {
  const { trip, li, wang } = await seedTrip(db);
  const formal = await createRecord(
    'hosts',
    { name: '重庆金泰热处理有限公司', creditCode: CODE, contactName: '陈主任' },
    db,
  );
  const informal = await createRecord('hosts', { name: '金泰热处理公司', address: '璧山区青杠街道' }, db);
  const visit = await seedVisit(db, trip.id, informal.id, [li.id]);
  await createRecord('needs', { tripId: trip.id, hostId: informal.id, title: '渗碳层深度不均' }, db);
  return { trip, li, wang, formal, informal, visit };
}

describe('DuplicatesTab', () => {
  it('says so when there are no duplicates', async () => {
    const { trip } = await seedTrip(db);
    renderTab(trip.id);
    expect(await screen.findByText('没有发现疑似重复的记录')).toBeInTheDocument();
  });

  it('shows a host group side by side and merges after a confirmation that says what moves', async () => {
    const w = await hostWorld();
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('服务单位');
    expect(rows()[0]).toHaveTextContent('名称相同或相近');
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '合并服务单位' });
    const table = within(drawer).getByRole('table');
    expect(table).toHaveTextContent('重庆金泰热处理有限公司');
    expect(table).toHaveTextContent('金泰热处理公司');
    expect(table).toHaveTextContent('走访 1 次、需求 1 条');
    // The one with the credit code stays by default.
    expect(within(drawer).getByRole('radio', { name: '保留“重庆金泰热处理有限公司”' })).toBeChecked();

    fireEvent.change(within(drawer).getByLabelText('合并原因（可选）'), {
      target: { value: '同一企业的简称' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: '合并…' }));
    const confirm = within(drawer).getByRole('alertdialog', { name: '确认合并' });
    expect(confirm).toHaveTextContent('将“金泰热处理公司”合并到“重庆金泰热处理有限公司”？');
    expect(confirm).toHaveTextContent(
      '“金泰热处理公司”的走访 1 次、需求 1 条将改为指向“重庆金泰热处理有限公司”',
    );
    expect(confirm).toHaveTextContent('“重庆金泰热处理有限公司”将补充：地址');
    fireEvent.click(within(confirm).getByRole('button', { name: '确认合并' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('已将 1 条记录合并到“重庆金泰热处理有限公司”')).toBeInTheDocument();
    expect(await screen.findByText('没有发现疑似重复的记录')).toBeInTheDocument();
    expect((await db.visits.get(w.visit.id))?.hostId).toBe(w.formal.id);
    expect((await db.hosts.get(w.informal.id))?._deleted).toBe(1);
    expect((await db.hosts.get(w.formal.id))?.address).toBe('璧山区青杠街道');
    const [trail] = await db.merges.toArray();
    expect(trail).toMatchObject({
      fromId: w.informal.id,
      intoId: w.formal.id,
      mergedBy: '张组织',
      reason: '同一企业的简称',
    });
  });

  it('the organiser can choose the other record to stay', async () => {
    const w = await hostWorld();
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '合并服务单位' });
    fireEvent.click(within(drawer).getByRole('radio', { name: '保留“金泰热处理公司”' }));
    fireEvent.click(within(drawer).getByRole('button', { name: '合并…' }));
    const confirm = within(drawer).getByRole('alertdialog', { name: '确认合并' });
    expect(confirm).toHaveTextContent('没有其他记录指向“重庆金泰热处理有限公司”');
    expect(confirm).toHaveTextContent('统一社会信用代码');
    fireEvent.click(within(confirm).getByRole('button', { name: '确认合并' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.hosts.get(w.formal.id))?._deleted).toBe(1);
    expect((await db.hosts.get(w.informal.id))?.creditCode).toBe(CODE);
  });

  it('“not duplicates” dismisses the group on this device', async () => {
    const w = await hostWorld();
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '合并服务单位' });
    fireEvent.click(within(drawer).getByRole('button', { name: '不是重复' }));
    expect(await screen.findByText('已标记为不是重复，本机不再提示这一组。')).toBeInTheDocument();
    expect(await screen.findByText('没有发现疑似重复的记录')).toBeInTheDocument();
    expect((await readNotDuplicates(db)).size).toBe(1);
    expect(await db.outbox.where('table').equals('merges').count()).toBe(0);
  });

  it('merges a visit entered twice: experts united, the survivor’s figures kept', async () => {
    const { trip, li, wang } = await seedTrip(db);
    const host = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' }, db);
    const first = await seedVisit(db, trip.id, host.id, [li.id], { peopleTrained: 40, notes: '查房' });
    const second = await seedVisit(db, trip.id, host.id, [li.id, wang.id], {
      peopleTrained: 35,
      notes: '手术指导',
    });
    await createRecord(
      'problems',
      { tripId: trip.id, visitId: second.id, hostId: host.id, title: '术后感染率偏高' },
      db,
    );
    renderTab(trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('同一单位、同一天、有相同专家');
    fireEvent.click(screen.getByRole('button', { name: '走访记录（1）' }));
    expect(rows()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '服务单位（0）' }));
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('这一类没有疑似重复')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '走访记录（1）' }));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '合并走访记录' });
    expect(within(drawer).getByRole('table')).toHaveTextContent('问题 1 个');
    // More references: the second visit (it has a problem) stays by default.
    fireEvent.click(within(drawer).getByRole('button', { name: '合并…' }));
    const confirm = within(drawer).getByRole('alertdialog', { name: '确认合并' });
    expect(confirm).toHaveTextContent('的活动内容和人次保持不变');
    fireEvent.click(within(confirm).getByRole('button', { name: '确认合并' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const kept = await db.visits.get(second.id);
    expect(kept?.peopleTrained).toBe(35);
    expect(kept?.notes).toBe('手术指导\n\n查房');
    expect((await db.visits.get(first.id))?._deleted).toBe(1);
  });
});
