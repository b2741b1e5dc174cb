import { Link, useParams } from 'react-router';
import { problemCategories, problemStatuses } from '../../../shared/enums';
import {
  ClearFiltersButton,
  EnumFilter,
  SelectFilter,
  TextFilter,
  useFilters,
} from '../../components/filters';
import {
  Badge,
  type BadgeTone,
  Drawer,
  EmptyState,
  EnumBadge,
  Figure,
  FilterBar,
  PageHeader,
} from '../../components/layout';
import { Clip, ListCount, TitleCell } from '../../components/list';
import { useRecordDrawer } from '../../components/useOpenParam';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { byId, usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import { referenceOptions } from '../../data/listFilters';
import { useRecordMap } from '../../data/useRecordMap';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { ProblemForm } from './ProblemForm';
import { filterProblems, noProblemFilters, problemHostId, summariseProblems } from './problemFilters';

type Problem = Stored<'problems'>;
const collator = new Intl.Collator('zh-CN');

const statusTone = {
  identified: 'warn',
  advised: 'info',
  solved: 'good',
  follow_up: 'bad',
} as const satisfies Record<keyof typeof problemStatuses, BadgeTone>;

/** Every problem diagnosed during the trip, with the figures the report needs. */
export function ProblemsPage() {
  const t = useT();
  const labelOf = useLabel();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const pending = usePendingIds();
  const { filters, bind, clear, filtered } = useFilters(noProblemFilters);
  const problems = useTripRecords('problems', tripId);
  const { setOpen, close, editing } = useRecordDrawer(problems);
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
  const hostOptions = referenceOptions(all.map(hostIdOf), hostName, t('hosts.unknownHost'));

  const columns: Column<Problem>[] = [
    {
      key: 'title',
      header: t('common.title'),
      width: '2.2fr',
      render: (p) => <TitleCell text={p.title} pending={pending.has(p.id)} />,
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
      render: (p) => <EnumBadge table={problemStatuses} value={p.status} tones={statusTone} />,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;

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
            <EnumFilter label={t('problems.category')} table={problemCategories} {...bind('category')} />
            <EnumFilter label={t('common.status')} table={problemStatuses} {...bind('status')} />
            <SelectFilter
              id="problem-host-filter"
              label={t('common.host')}
              {...bind('hostId')}
              options={hostOptions}
            />
            <TextFilter id="problem-text-filter" label={t('problems.textFilter')} {...bind('text')} />
            <ClearFiltersButton show={filtered} onClear={clear} />
          </FilterBar>
          <ListCount>{t('problems.shown', { shown: rows.length, total: all.length })}</ListCount>
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
        <Drawer title={t('problems.editTitle')} onClose={close}>
          <ProblemForm
            key={editing.id}
            problem={editing}
            onSaved={close}
            onCancel={close}
            onDeleted={close}
          />
        </Drawer>
      ) : null}
    </>
  );
}
