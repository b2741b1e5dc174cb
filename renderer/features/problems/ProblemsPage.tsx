import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { problemCategories, problemStatuses } from '../../../shared/enums';
import { EnumSelect } from '../../components/form';
import { Badge, Drawer, EmptyState, FilterBar, PageHeader } from '../../components/layout';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { byId, usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { Clip } from '../hosts/formKit';
import { useOpenParam } from '../hosts/useOpenParam';
import { useRecordMap } from '../hosts/useRecordMap';
import { ProblemForm } from './ProblemForm';
import {
  filterProblems,
  noProblemFilters,
  type ProblemFilters,
  problemHostId,
  summariseProblems,
} from './problemFilters';

type Problem = Stored<'problems'>;
const collator = new Intl.Collator('zh-CN');

const statusTone = {
  identified: 'warn',
  advised: 'info',
  solved: 'good',
  follow_up: 'bad',
} as const satisfies Record<keyof typeof problemStatuses, Parameters<typeof Badge>[0]['tone']>;

/** Every problem diagnosed during the trip, with the figures the report needs. */
export function ProblemsPage() {
  const t = useT();
  const labelOf = useLabel();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const pending = usePendingIds();
  const [filters, setFilters] = useState<ProblemFilters>(noProblemFilters);
  const [open, setOpen] = useOpenParam();
  const problems = useTripRecords('problems', tripId);
  const visitRows = useTripRecords('visits', tripId);
  const visits = byId(visitRows);
  const hostIdOf = (p: Problem) => problemHostId(p, visits);
  const hosts = useRecordMap('hosts', (problems ?? []).map(hostIdOf));
  const hostName = (id: string) => hosts.get(id)?.name ?? '';
  const all = problems ?? [];
  const summary = summariseProblems(all);
  const rows = filterProblems(all, filters, visits, hostName).sort(
    (a, b) =>
      (visits.get(b.visitId)?.date ?? '').localeCompare(visits.get(a.visitId)?.date ?? '') ||
      collator.compare(hostName(hostIdOf(a)), hostName(hostIdOf(b))) ||
      collator.compare(a.title, b.title),
  );
  const hostOptions = [...new Set(all.map(hostIdOf).filter(Boolean))]
    .map((id) => ({ id, name: hostName(id) || t('hosts.unknownHost') }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const filtered = JSON.stringify(filters) !== JSON.stringify(noProblemFilters);
  const set = <K extends keyof ProblemFilters>(key: K, value: ProblemFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const columns: Column<Problem>[] = [
    {
      key: 'title',
      header: t('common.title'),
      width: '2.2fr',
      render: (p) => (
        <>
          <Clip text={p.title} />
          <UnsyncedMark pending={pending.has(p.id)} />
        </>
      ),
    },
    {
      key: 'host',
      header: t('common.host'),
      width: '1.5fr',
      render: (p) => <Clip text={hostName(hostIdOf(p)) || '—'} />,
    },
    {
      key: 'visit',
      header: t('problems.visitDate'),
      width: '120px',
      render: (p) => {
        const visit = visits.get(p.visitId);
        if (!visit) return <span className="muted">—</span>;
        return (
          // The row opens the problem; the link opens the visit instead.
          <Link
            className="row-link"
            to={`/trips/${tripId}/visits/${visit.id}`}
            onClick={(e) => e.stopPropagation()}
          >
            {visit.date}
          </Link>
        );
      },
    },
    {
      key: 'category',
      header: t('problems.category'),
      width: '150px',
      render: (p) => (
        <Badge tone={p.category === 'hard' ? 'bad' : 'neutral'}>
          {labelOf(problemCategories, p.category)}
        </Badge>
      ),
    },
    { key: 'field', header: t('common.field'), width: '1fr', render: (p) => p.field },
    {
      key: 'status',
      header: t('common.status'),
      width: '120px',
      render: (p) => <Badge tone={statusTone[p.status]}>{labelOf(problemStatuses, p.status)}</Badge>,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;
  const editing = open ? all.find((p) => p.id === open) : undefined;

  return (
    <>
      <PageHeader title={t('nav.problems')} subtitle={trip?.title ?? ''} />
      <div className="figures">
        <Figure value={summary.hard} label={labelOf(problemCategories, 'hard')} />
        <Figure value={summary.other} label={labelOf(problemCategories, 'other')} />
        <Figure value={`${summary.solved} / ${summary.total}`} label={t('problems.solvedOfTotal')} />
      </div>
      {problems !== undefined && all.length === 0 ? (
        <EmptyState title={t('problems.empty.title')}>
          <p>{t('problems.empty.body')}</p>
          <Link className="btn btn--primary" to={`/trips/${tripId}/visits`}>
            {t('problems.empty.toVisits')}
          </Link>
        </EmptyState>
      ) : (
        <>
          <FilterBar>
            <EnumSelect
              label={t('problems.category')}
              table={problemCategories}
              value={filters.category}
              onChange={(v) => set('category', v)}
              includeAll={t('filter.all')}
            />
            <EnumSelect
              label={t('common.status')}
              table={problemStatuses}
              value={filters.status}
              onChange={(v) => set('status', v)}
              includeAll={t('filter.all')}
            />
            <div className="field">
              <label htmlFor="problem-host-filter">{t('common.host')}</label>
              <select
                id="problem-host-filter"
                value={filters.hostId}
                onChange={(e) => set('hostId', e.target.value)}
              >
                <option value="">{t('filter.all')}</option>
                {hostOptions.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="problem-text-filter">{t('problems.textFilter')}</label>
              <input
                id="problem-text-filter"
                type="search"
                value={filters.text}
                placeholder={t('filter.text')}
                onChange={(e) => set('text', e.target.value)}
              />
            </div>
            {filtered ? (
              <button type="button" className="btn btn--ghost" onClick={() => setFilters(noProblemFilters)}>
                {t('action.clearFilters')}
              </button>
            ) : null}
          </FilterBar>
          <div className="list-note">{t('problems.shown', { shown: rows.length, total: all.length })}</div>
          <VirtualTable
            label={t('nav.problems')}
            rows={rows}
            columns={columns}
            rowKey={(p) => p.id}
            onOpen={(p) => setOpen(p.id)}
            emptyText={problems === undefined ? t('state.loading') : t('problems.noMatch')}
          />
        </>
      )}
      {editing ? (
        <Drawer title={t('problems.editTitle')} onClose={() => setOpen(null)}>
          <ProblemForm
            key={editing.id}
            problem={editing}
            onSaved={() => setOpen(null)}
            onCancel={() => setOpen(null)}
            onDeleted={() => setOpen(null)}
          />
        </Drawer>
      ) : null}
    </>
  );
}

function Figure({ value, label }: { value: number | string; label: string }) {
  return (
    <div className="figure">
      <div className="figure__value">{value}</div>
      <div className="figure__label">{label}</div>
    </div>
  );
}
