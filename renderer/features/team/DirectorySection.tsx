import { useMemo, useState } from 'react';
import { memberRoles } from '../../../shared/enums';
import { TextField } from '../../components/form';
import { Badge, FilterBar, Panel } from '../../components/layout';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds } from '../../data/hooks';
import { useLabel, useT } from '../../i18n/useT';
import { type Expert, expertMatches, type Member } from './teamLogic';

/** The shared expert directory, searchable and virtualised (it outgrows any one trip). */
export function DirectorySection({
  experts,
  memberByExpert,
  onOpen,
  onNew,
}: {
  experts: readonly Expert[];
  memberByExpert: ReadonlyMap<string, Member>;
  onOpen: (expert: Expert) => void;
  onNew: () => void;
}) {
  const t = useT();
  const label = useLabel();
  const pending = usePendingIds();
  const [query, setQuery] = useState('');

  const rows = useMemo(
    () =>
      experts
        .filter((e) => expertMatches(e, query))
        .sort(
          (a, b) =>
            a.name.localeCompare(b.name, 'zh-CN') || a.affiliation.localeCompare(b.affiliation, 'zh-CN'),
        ),
    [experts, query],
  );

  const columns: Column<Expert>[] = [
    {
      key: 'name',
      header: t('team.col.name'),
      width: 'minmax(110px, 1fr)',
      render: (e) => (
        <span className="team-name">
          {e.name}
          <UnsyncedMark pending={pending.has(e.id)} />
        </span>
      ),
    },
    { key: 'title', header: t('team.col.title'), width: '1fr', render: (e) => e.title },
    { key: 'affiliation', header: t('team.col.affiliation'), width: '1.6fr', render: (e) => e.affiliation },
    { key: 'fields', header: t('team.col.fields'), width: '1.4fr', render: (e) => e.fields.join('、') },
    {
      key: 'membership',
      header: t('team.col.membership'),
      width: '190px',
      render: (e) => {
        const member = memberByExpert.get(e.id);
        if (member) {
          return (
            <Badge tone="good">
              {t('team.directory.isMember')} · {label(memberRoles, member.role)}
            </Badge>
          );
        }
        return (
          <button
            type="button"
            className="btn btn--small"
            aria-label={`${t('team.directory.join')} ${e.name}`}
            onClick={(event) => {
              // The row itself also opens the drawer; one open is enough.
              event.stopPropagation();
              onOpen(e);
            }}
          >
            {t('team.directory.join')}
          </button>
        );
      },
    },
  ];

  return (
    <Panel
      title={t('team.directory.title')}
      actions={
        <button type="button" className="btn btn--primary" onClick={onNew}>
          {t('team.directory.add')}
        </button>
      }
    >
      <p className="muted team-hint">{t('team.directory.hint')}</p>
      <FilterBar>
        <TextField
          label={t('team.filter.find')}
          value={query}
          onChange={setQuery}
          placeholder={t('team.filter.text')}
        />
        <span className="muted filter-bar__count">{t('team.directory.count', { count: rows.length })}</span>
      </FilterBar>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(e) => e.id}
        onOpen={onOpen}
        label={t('team.directory.label')}
        emptyText={experts.length === 0 ? t('team.directory.empty') : t('team.directory.noMatch')}
        height="420px"
      />
    </Panel>
  );
}
