// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../../renderer/data/repository';
import type { AppDatabase } from '../../../renderer/db/database';
import { TeamPage } from '../../../renderer/features/team/TeamPage';
import { AlreadyMemberError, addMemberToTrip } from '../../../renderer/features/team/teamLogic';
import { stubLayoutInThisFile } from '../layoutStub';
import { freshDb, renderAt, seedTrip } from '../trips/fixtures';

stubLayoutInThisFile();
let db: AppDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(cleanup);

const renderTeam = (tripId: string) =>
  renderAt(`/trips/${tripId}/team`, { '/trips/:tripId/team': <TeamPage /> });

/** The panel under a heading, so the team list and the directory list can be told apart. */
async function section(name: string) {
  const heading = await screen.findByRole('heading', { name });
  const panel = heading.closest('section');
  if (!panel) throw new Error(`no section ${name}`);
  return panel;
}
const rows = (panel: HTMLElement) => within(panel).queryAllByTestId('vtable-row');

describe('TeamPage', () => {
  it('adds a new expert to the directory, then to the trip with a role and group', async () => {
    const trip = await seedTrip();
    renderTeam(trip.id);
    const directory = await section('专家库');
    expect(await within(directory).findByText('专家库还是空的，先新增一位专家')).toBeInTheDocument();

    fireEvent.click(within(directory).getByRole('button', { name: '新增专家' }));
    const drawer = await screen.findByRole('dialog', { name: '新增专家' });
    // The form appears once any saved draft has been read.
    fireEvent.change(await within(drawer).findByLabelText(/^姓名/), { target: { value: '丁显平' } });
    fireEvent.change(within(drawer).getByLabelText('职称'), { target: { value: '院士' } });
    fireEvent.change(within(drawer).getByLabelText('工作单位'), { target: { value: '四川大学华西医院' } });
    fireEvent.change(within(drawer).getByLabelText('专业领域'), {
      target: { value: '细胞治疗、医学遗传学' },
    });
    fireEvent.change(within(drawer).getByLabelText('电子邮箱'), { target: { value: 'ding@' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存到专家库' }));
    expect(await within(drawer).findByText('邮箱格式不正确')).toBeInTheDocument();
    expect(await db.experts.count()).toBe(0);

    fireEvent.change(within(drawer).getByLabelText('电子邮箱'), { target: { value: 'ding@scu.edu.cn' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存到专家库' }));
    const expertDrawer = await screen.findByRole('dialog', { name: '专家：丁显平' });
    expect(
      within(expertDrawer).getByText('已保存到专家库。现在可以把该专家加入本活动。'),
    ).toBeInTheDocument();
    const [expert] = await db.experts.toArray();
    expect(expert).toMatchObject({
      name: '丁显平',
      fields: ['细胞治疗', '医学遗传学'],
      email: 'ding@scu.edu.cn',
    });

    fireEvent.change(within(expertDrawer).getByLabelText('在本活动中的角色'), {
      target: { value: 'chief_expert' },
    });
    fireEvent.change(within(expertDrawer).getByLabelText('分组（项目组）'), {
      target: { value: '健康管理组' },
    });
    fireEvent.click(within(expertDrawer).getByRole('button', { name: '加入专家团' }));
    expect(await within(expertDrawer).findByText('丁显平 已作为首席专家加入专家团')).toBeInTheDocument();
    const members = await db.tripMembers.toArray();
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({
      tripId: trip.id,
      expertId: expert?.id,
      role: 'chief_expert',
      group: '健康管理组',
    });

    // Escape closes the drawer; the team now lists the expert with the role.
    fireEvent.keyDown(within(expertDrawer).getByLabelText(/^姓名/), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const team = await section('本活动专家团');
    await waitFor(() => expect(rows(team)).toHaveLength(1));
    expect(rows(team)[0]).toHaveTextContent('丁显平');
    expect(rows(team)[0]).toHaveTextContent('首席专家');
    expect(rows(team)[0]).toHaveTextContent('健康管理组');
    expect(screen.getByTestId('role-count-chief_expert')).toHaveTextContent('首席专家 1');
    expect(screen.getByTestId('role-count-expert')).toHaveTextContent('项目专家 0');
    await waitFor(() => expect(rows(directory)[0]).toHaveTextContent('已在团中 · 首席专家'));
  });

  it('prevents adding an expert who is already on the team, with a clear message', async () => {
    const trip = await seedTrip();
    const expert = await createRecord('experts', { name: '陈绍成', affiliation: '重庆第二师范学院' });
    await createRecord('tripMembers', { tripId: trip.id, expertId: expert.id, role: 'group_leader' });

    // The store is checked at write time too, so a stale screen or a second tab cannot add a duplicate.
    await expect(addMemberToTrip(trip.id, expert.id, 'expert', '')).rejects.toBeInstanceOf(
      AlreadyMemberError,
    );
    expect(await db.tripMembers.count()).toBe(1);

    renderTeam(trip.id);
    const directory = await section('专家库');
    await waitFor(() => expect(rows(directory)).toHaveLength(1));
    fireEvent.click(rows(directory)[0] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '专家：陈绍成' });
    expect(
      within(drawer).getByText(/陈绍成 已经是本活动的成员（角色：项目组长），无需重复添加/),
    ).toBeInTheDocument();
    expect(within(drawer).queryByRole('button', { name: '加入专家团' })).not.toBeInTheDocument();
  });

  it('changes a member’s role and group, shows their visits, and removes them after confirmation', async () => {
    const trip = await seedTrip();
    const host = await createRecord('hosts', { name: '重庆东嶅药业有限公司' });
    const chen = await createRecord('experts', { name: '陈绍成', title: '二级教授' });
    const jiang = await createRecord('experts', { name: '姜伯承' });
    const member = await createRecord('tripMembers', { tripId: trip.id, expertId: chen.id });
    await createRecord('tripMembers', { tripId: trip.id, expertId: jiang.id, group: '智能制造组' });
    for (const date of ['2025-06-23', '2025-06-24']) {
      await createRecord('visits', {
        tripId: trip.id,
        hostId: host.id,
        date,
        expertIds: [chen.id],
        activities: [{ type: 'technical_guidance', count: 1 }],
      });
    }

    renderTeam(trip.id);
    const team = await section('本活动专家团');
    await waitFor(() => expect(rows(team)).toHaveLength(2));
    // Grouped members first, then by name.
    expect(rows(team)[0]).toHaveTextContent('姜伯承');
    await waitFor(() =>
      expect(within(rows(team)[1] as HTMLElement).getByTestId('member-visits')).toHaveTextContent('2'),
    );

    fireEvent.click(rows(team)[1] as HTMLElement);
    const drawer = await screen.findByRole('dialog', { name: '团队成员：陈绍成' });
    expect(within(drawer).getByTestId('member-visit-count')).toHaveTextContent('本活动已参加走访 2 次');
    fireEvent.change(within(drawer).getByLabelText('在本活动中的角色'), {
      target: { value: 'group_leader' },
    });
    fireEvent.change(within(drawer).getByLabelText('分组（项目组）'), { target: { value: '生物制药组' } });
    fireEvent.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('已保存')).toBeInTheDocument();
    expect(await db.tripMembers.get(member.id)).toMatchObject({ role: 'group_leader', group: '生物制药组' });

    // Filter by group.
    fireEvent.change(within(team).getByLabelText('分组'), { target: { value: '智能制造组' } });
    await waitFor(() => expect(rows(team)).toHaveLength(1));
    expect(rows(team)[0]).toHaveTextContent('姜伯承');

    fireEvent.click(within(drawer).getByRole('button', { name: '从专家团移除…' }));
    const confirm = within(drawer).getByRole('alertdialog');
    expect(confirm).toHaveTextContent('该专家已参加 2 次走访；这些走访记录会保留其姓名。');
    fireEvent.click(within(confirm).getByRole('button', { name: '确认移除' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await db.tripMembers.get(member.id))?._deleted).toBe(1);
    expect(await db.experts.get(chen.id)).toMatchObject({ _deleted: 0 });
  });

  it('searches the directory by name, affiliation and field', async () => {
    const trip = await seedTrip();
    await createRecord('experts', { name: '陈绍成', affiliation: '重庆第二师范学院', fields: ['中药饮片'] });
    await createRecord('experts', { name: '姜伯承', affiliation: '重庆大学', fields: ['加速器物理'] });
    await createRecord('experts', { name: '杨磊', affiliation: '重庆大学', fields: ['核技术'] });
    renderTeam(trip.id);
    const directory = await section('专家库');
    await waitFor(() => expect(rows(directory)).toHaveLength(3));
    const search = within(directory).getByLabelText('查找');

    fireEvent.change(search, { target: { value: '重庆大学' } });
    await waitFor(() => expect(rows(directory)).toHaveLength(2));
    fireEvent.change(search, { target: { value: '重庆大学 核技术' } });
    await waitFor(() => expect(rows(directory)).toHaveLength(1));
    expect(rows(directory)[0]).toHaveTextContent('杨磊');
    fireEvent.change(search, { target: { value: '中药' } });
    await waitFor(() => expect(rows(directory)[0]).toHaveTextContent('陈绍成'));
    fireEvent.change(search, { target: { value: '没有' } });
    expect(await within(directory).findByText('没有找到符合条件的专家')).toBeInTheDocument();
  });
});
