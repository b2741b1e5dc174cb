import { useId, useMemo, useState } from 'react';
import { memberRoles } from '../../../shared/enums';
import { TextField } from '../../components/form';
import { EnumBadge, FilterBar, Panel } from '../../components/layout';
import { SegmentButton, Segmented } from '../../components/Segmented';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds } from '../../data/hooks';
import { useLabel, useT } from '../../i18n/useT';
import {
  compareMembers,
  type Expert,
  expertMatches,
  type Member,
  ROLE_ORDER,
  type Role,
  roleTone,
} from './teamLogic';

const NO_GROUP = '\u0000none';

/** The team: filter by role (with counts), group and text; click a row to change role or group. */
export function MembersSection({
  members,
  experts,
  visitCounts,
  onOpen,
}: {
  members: readonly Member[];
  experts: ReadonlyMap<string, Expert>;
  visitCounts: ReadonlyMap<string, number>;
  onOpen: (member: Member) => void;
}) {
  const t = useT();
  const label = useLabel();
  const pending = usePendingIds();
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [group, setGroup] = useState('');
  const groupFilterId = useId();

  const nameOf = (m: Member) => experts.get(m.expertId)?.name ?? '';
  const roleCounts = new Map<Role, number>();
  for (const m of members) roleCounts.set(m.role, (roleCounts.get(m.role) ?? 0) + 1);
  const groups = [...new Set(members.map((m) => m.group).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
  const hasUngrouped = members.some((m) => m.group === '');

  const rows = useMemo(
    () =>
      members
        .filter(
          (m) =>
            (role === '' || m.role === role) &&
            (group === '' || (group === NO_GROUP ? m.group === '' : m.group === group)) &&
            expertMatches(experts.get(m.expertId), text),
        )
        .sort((a, b) => compareMembers(a, b, (m) => experts.get(m.expertId)?.name ?? '')),
    [members, experts, role, group, text],
  );

  const columns: Column<Member>[] = [
    {
      key: 'name',
      header: t('team.col.name'),
      width: 'minmax(120px, 1.2fr)',
      render: (m) => (
        <span className="team-name">
          {nameOf(m) || t('tripHome.attention.unknownExpert')}
          <UnsyncedMark pending={pending.has(m.id)} />
        </span>
      ),
    },
    {
      key: 'title',
      header: t('team.col.title'),
      width: '1fr',
      render: (m) => experts.get(m.expertId)?.title ?? '',
    },
    {
      key: 'affiliation',
      header: t('team.col.affiliation'),
      width: '1.6fr',
      render: (m) => experts.get(m.expertId)?.affiliation ?? '',
    },
    {
      key: 'role',
      header: t('team.col.role'),
      width: '120px',
      render: (m) => <EnumBadge table={memberRoles} value={m.role} tones={roleTone} />,
    },
    { key: 'group', header: t('team.col.group'), width: '1fr', render: (m) => m.group },
    {
      key: 'visits',
      header: t('team.col.visits'),
      width: '64px',
      render: (m) => (
        <span className="num" data-testid="member-visits">
          {visitCounts.get(m.expertId) ?? 0}
        </span>
      ),
    },
  ];

  return (
    <Panel title={t('team.members.title')}>
      <Segmented label={t('team.members.byRole')} className="team-roles">
        <SegmentButton on={role === ''} onClick={() => setRole('')}>
          {t('filter.all')} <span className="num">{members.length}</span>
        </SegmentButton>
        {ROLE_ORDER.map((r) => (
          <SegmentButton
            key={r}
            on={role === r}
            testId={`role-count-${r}`}
            onClick={() => setRole(role === r ? '' : r)}
          >
            {label(memberRoles, r)} <span className="num">{roleCounts.get(r) ?? 0}</span>
          </SegmentButton>
        ))}
      </Segmented>
      <FilterBar>
        <TextField
          label={t('team.filter.find')}
          value={text}
          onChange={setText}
          placeholder={t('team.filter.text')}
        />
        <div className="field">
          <label htmlFor={groupFilterId}>{t('team.filter.group')}</label>
          <select id={groupFilterId} value={group} onChange={(e) => setGroup(e.target.value)}>
            <option value="">{t('filter.all')}</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
            {hasUngrouped ? <option value={NO_GROUP}>{t('team.filter.noGroup')}</option> : null}
          </select>
        </div>
      </FilterBar>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(m) => m.id}
        onOpen={onOpen}
        label={t('team.members.label')}
        emptyText={members.length === 0 ? t('team.members.empty') : t('team.members.noMatch')}
        height="380px"
      />
    </Panel>
  );
}
