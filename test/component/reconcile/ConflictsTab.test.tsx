// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { ConflictsTab } from '../../../renderer/features/reconcile/ConflictsTab';
import { useSettings } from '../../../renderer/state/settings';
import { freshDb, pullConflicts, seedTrip, seedVisit, stampAt } from '../../unit/reconcile/fixtures';
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
      <ConflictsTab tripId={tripId} />
    </MemoryRouter>,
  );
}

const rows = () => screen.queryAllByTestId('vtable-row');
const WHEN = Date.UTC(2025, 5, 23, 6, 30);

async function world() {
  const { trip, li, wang } = await seedTrip(db);
  const host = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' }, db);
  const elsewhere = await createRecord('hosts', { name: '眉山市某某饲料有限公司' }, db);
  const visit = await seedVisit(db, trip.id, host.id, [li.id], { peopleTrained: 30, notes: '查房' });
  return { trip, li, wang, host, elsewhere, visit };
}

describe('ConflictsTab', () => {
  it('says so when there is nothing to resolve', async () => {
    const { trip } = await world();
    renderTab(trip.id);
    expect(await screen.findByText('没有需要处理的冲突')).toBeInTheDocument();
  });

  it('lists the trip’s conflicts and those of its directory records, in words', async () => {
    const w = await world();
    await pullConflicts(db, [
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'expertIds',
        currentValue: [w.li.id],
        // As the server records it: the stamp of the value the record holds.
        currentStamp: w.visit._stamps.expertIds,
        otherValue: [w.li.id, w.wang.id],
        currentBy: '李工',
        otherBy: '王教授',
      },
      {
        tripId: '',
        table: 'hosts',
        recordId: w.host.id,
        field: 'kind',
        currentValue: 'hospital',
        otherValue: 'enterprise',
      },
      // A directory record this trip never names belongs to other trips' reviews.
      {
        tripId: '',
        table: 'hosts',
        recordId: w.elsewhere.id,
        field: 'name',
        currentValue: 'x',
        otherValue: 'y',
      },
    ]);
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const visitRow = rows().find((r) => r.textContent?.includes('在场专家')) as HTMLElement;
    expect(visitRow).toHaveTextContent('走访记录');
    expect(visitRow).toHaveTextContent('璧山区人民医院 · 2025-06-23');
    expect(visitRow).toHaveTextContent('李工');
    expect(visitRow).toHaveTextContent('李工、王教授');
    const hostRow = rows().find((r) => r.textContent?.includes('单位类型')) as HTMLElement;
    expect(hostRow).toHaveTextContent('医院');
    expect(hostRow).toHaveTextContent('企业');
    expect(screen.getByRole('button', { name: '待处理（2）' })).toHaveAttribute('aria-pressed', 'true');

    // A list that differs by one name says which.
    fireEvent.click(visitRow);
    const drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    expect(within(drawer).getByRole('region', { name: '另一值' })).toHaveTextContent('比当前值多：王教授');
    expect(within(drawer).getByRole('region', { name: '当前值' })).toHaveTextContent('李工 · ');
    // Experts are edited by choosing among the team, not typed.
    fireEvent.click(within(drawer).getByRole('button', { name: '编辑' }));
    const chips = await within(drawer).findByRole('group', { name: '新的在场专家' });
    await waitFor(() => expect(within(chips).getAllByRole('checkbox')).toHaveLength(2));
    fireEvent.click(within(chips).getByRole('checkbox', { name: '王教授' }));
    fireEvent.click(within(drawer).getByRole('button', { name: '保存新值' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.visits.get(w.visit.id))?.expertIds).toEqual([w.li.id, w.wang.id]);
  });

  it('use the other value: writes it, the conflict leaves the list and shows under resolved with who did it', async () => {
    const w = await world();
    await pullConflicts(db, [
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'peopleTrained',
        currentValue: 30,
        currentStamp: stampAt(WHEN),
        currentBy: '李工',
        otherValue: 45,
        otherStamp: stampAt(WHEN - 3_600_000),
        otherBy: '王教授',
      },
    ]);
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    expect(drawer).toHaveTextContent('有冲突的内容项：培训指导人次');
    expect(within(drawer).getByRole('link', { name: '打开记录' })).toHaveAttribute(
      'href',
      `/trips/${w.trip.id}/visits/${w.visit.id}`,
    );
    const other = within(drawer).getByRole('region', { name: '另一值' });
    expect(other).toHaveTextContent('45');
    expect(other).toHaveTextContent('王教授 · ');
    expect(other).toHaveTextContent(
      new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(WHEN - 3_600_000),
    );

    fireEvent.click(within(drawer).getByRole('button', { name: '改用另一值' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('已处理：璧山区人民医院 · 2025-06-23 的培训指导人次')).toBeInTheDocument();
    expect((await db.visits.get(w.visit.id))?.peopleTrained).toBe(45);
    expect(await screen.findByText('没有需要处理的冲突')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '已解决（1）' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('改用了另一值 · 张组织');
  });

  it('edit: a fitting field, validated with the record’s schema, the message next to the field', async () => {
    const w = await world();
    const [conflict] = await pullConflicts(db, [
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'peopleTrained',
        currentValue: 30,
        otherValue: 45,
      },
    ]);
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    fireEvent.click(within(drawer).getByRole('button', { name: '编辑' }));
    const input = within(drawer).getByLabelText('新的培训指导人次');
    expect(input).toHaveAttribute('type', 'number');
    fireEvent.change(input, { target: { value: '-5' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存新值' }));
    expect(await within(drawer).findByText('不能为负数')).toBeInTheDocument();
    expect((await db.visits.get(w.visit.id))?.peopleTrained).toBe(30);

    fireEvent.change(input, { target: { value: '38' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存新值' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.visits.get(w.visit.id))?.peopleTrained).toBe(38);
    expect((await db.conflicts.get(conflict?.id ?? ''))?.resolution).toBe('edited');
  });

  it('groups several rounds on one field: one row, every losing value to choose from', async () => {
    const w = await world();
    const [, older] = await pullConflicts(db, [
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'notes',
        currentValue: '查房',
        otherValue: '讲课',
        otherStamp: stampAt(WHEN),
      },
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'notes',
        currentValue: '讲课',
        otherValue: '义诊',
        otherStamp: stampAt(WHEN - 1000),
      },
    ]);
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('另有 1 个值');
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    const others = within(drawer).getAllByRole('region', { name: '另一值' });
    expect(others.map((o) => o.querySelector('.reconcile-version__value')?.textContent)).toEqual([
      '讲课',
      '义诊',
    ]);
    fireEvent.click(within(others[1] as HTMLElement).getByRole('button', { name: '改用此值' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await db.visits.get(w.visit.id))?.notes).toBe('义诊');
    expect((await db.conflicts.get(older?.id ?? ''))?.resolution).toBe('kept_other');
    expect(await db.conflicts.where('resolution').equals('open').count()).toBe(0);
  });

  it('an expert sees the conflicts but is offered no action (the server would refuse it)', async () => {
    const w = await world();
    await db.meta.put({
      key: 'sync.user',
      value: { id: 'u2', username: 'li', displayName: '李工', role: 'expert' },
    });
    await pullConflicts(db, [
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'notes',
        currentValue: '查房',
        otherValue: '讲课',
      },
    ]);
    renderTab(w.trip.id);
    expect(
      await screen.findByText('处理冲突需要组织者账号；你可以查看，但不能在这里修改。'),
    ).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    expect(within(drawer).getByRole('region', { name: '另一值' })).toHaveTextContent('讲课');
    expect(
      within(drawer)
        .queryAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['×']);
  });

  it('keep current on a deleted record still closes it; Escape closes the drawer', async () => {
    const w = await world();
    await pullConflicts(db, [
      {
        tripId: w.trip.id,
        table: 'visits',
        recordId: w.visit.id,
        field: 'notes',
        currentValue: '查房',
        otherValue: '讲课',
      },
    ]);
    const { deleteRecord } = await import('../../../renderer/data/repository');
    await deleteRecord('visits', w.visit.id, db);
    renderTab(w.trip.id);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0] as HTMLElement);
    let drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    expect(drawer).toHaveTextContent('这条记录已被删除或不在本机');
    expect(within(drawer).queryByRole('button', { name: '改用另一值' })).toBeNull();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(rows()[0] as HTMLElement);
    drawer = await screen.findByRole('dialog', { name: '处理冲突' });
    fireEvent.click(within(drawer).getByRole('button', { name: '保留当前值' }));
    expect(await screen.findByText('没有需要处理的冲突')).toBeInTheDocument();
  });
});
