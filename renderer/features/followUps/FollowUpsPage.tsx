import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { followUpRelatedTypes, followUpStatuses } from '../../../shared/enums';
import { EnumSelect } from '../../components/form';
import { Badge, Drawer, EmptyState, FilterBar, PageHeader } from '../../components/layout';
import { UnsyncedMark } from '../../components/UnsyncedMark';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
import { Clip, todayIso } from '../hosts/formKit';
import { useOpenParam } from '../hosts/useOpenParam';
import { CadencePresets } from './CadencePresets';
import { FollowUpForm } from './FollowUpForm';
import {
  daysBetween,
  type FollowUpFilters,
  filterFollowUps,
  noFollowUpFilters,
  overdueDays,
} from './followUpLogic';
import { useRelated } from './useRelated';
import './followUps.css';

type FollowUp = Stored<'followUps'>;

const statusTone = {
  planned: 'info',
  in_progress: 'warn',
  done: 'good',
  cancelled: 'neutral',
} as const satisfies Record<keyof typeof followUpStatuses, Parameters<typeof Badge>[0]['tone']>;

/** Follow-up service after the trip (跟踪服务): who does what by when, overdue items first. */
export function FollowUpsPage() {
  const t = useT();
  const labelOf = useLabel();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const pending = usePendingIds();
  const [filters, setFilters] = useState<FollowUpFilters>(noFollowUpFilters);
  const [open, setOpen] = useOpenParam();
  const [flash, setFlash] = useState<string | null>(null);
  const followUps = useTripRecords('followUps', tripId);
  const all = followUps ?? [];
  const related = useRelated(
    tripId,
    all.filter((f) => f.relatedType === 'host').map((f) => f.relatedId),
  );
  const today = todayIso();
  const relatedText = (f: FollowUp) => related.describe(f.relatedType, f.relatedId)?.label ?? '';
  const rows = filterFollowUps(all, filters, today, relatedText);
  const overdueCount = all.filter((f) => overdueDays(f, today) > 0).length;
  const knownOwners = [...new Set(all.map((f) => f.owner).filter(Boolean))];
  const set = <K extends keyof FollowUpFilters>(key: K, value: FollowUpFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const filtered = filters.status !== '' || filters.overdueOnly || filters.text.trim() !== '';

  const columns: Column<FollowUp>[] = [
    {
      key: 'action',
      header: t('followUps.action'),
      width: '2fr',
      render: (f) => (
        <>
          <Clip text={f.action} />
          <UnsyncedMark pending={pending.has(f.id)} />
        </>
      ),
    },
    {
      key: 'related',
      header: t('followUps.related'),
      width: '1.8fr',
      render: (f) => {
        const target = related.describe(f.relatedType, f.relatedId);
        if (!f.relatedId) return <span className="muted">{t('followUps.noRelated')}</span>;
        return (
          <span className="followup-related">
            <Badge>{labelOf(followUpRelatedTypes, f.relatedType)}</Badge>
            {target ? (
              <Link
                className="row-link"
                to={related.link(f.relatedType, f.relatedId)}
                onClick={(e) => e.stopPropagation()}
              >
                {target.label}
              </Link>
            ) : (
              <span className="muted">{t('followUps.missingRecord')}</span>
            )}
          </span>
        );
      },
    },
    { key: 'owner', header: t('followUps.owner'), width: '1fr', render: (f) => f.owner || '—' },
    {
      key: 'due',
      header: t('followUps.dueDate'),
      width: '210px',
      render: (f) => <DueCell followUp={f} today={today} />,
    },
    {
      key: 'status',
      header: t('common.status'),
      width: '100px',
      render: (f) => <Badge tone={statusTone[f.status]}>{labelOf(followUpStatuses, f.status)}</Badge>,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;
  const editing = open && open !== 'new' && open !== 'cadence' ? all.find((f) => f.id === open) : undefined;
  const close = () => setOpen(null);

  return (
    <>
      <PageHeader
        title={t('nav.followUps')}
        subtitle={trip?.title ?? ''}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setOpen('cadence')}>
              {t('followUps.cadence.open')}
            </button>
            <button type="button" className="btn btn--primary" onClick={() => setOpen('new')}>
              {t('followUps.add')}
            </button>
          </>
        }
      />
      {flash ? (
        <div className="flash" role="status">
          {flash}
        </div>
      ) : null}
      <FilterBar>
        <EnumSelect
          label={t('common.status')}
          table={followUpStatuses}
          value={filters.status}
          onChange={(v) => set('status', v)}
          includeAll={t('filter.all')}
        />
        <div className="field">
          <label htmlFor="followup-text-filter">{t('followUps.textFilter')}</label>
          <input
            id="followup-text-filter"
            type="search"
            value={filters.text}
            placeholder={t('filter.text')}
            onChange={(e) => set('text', e.target.value)}
          />
        </div>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={filters.overdueOnly}
            onChange={(e) => set('overdueOnly', e.target.checked)}
          />
          {t('followUps.overdueOnly', { count: overdueCount })}
        </label>
        <label className="field field--check">
          <input
            type="checkbox"
            checked={filters.overdueFirst}
            onChange={(e) => set('overdueFirst', e.target.checked)}
          />
          {t('followUps.overdueFirst')}
        </label>
        {filtered ? (
          <button type="button" className="btn btn--ghost" onClick={() => setFilters(noFollowUpFilters)}>
            {t('action.clearFilters')}
          </button>
        ) : null}
      </FilterBar>
      <div className="list-note">
        {t('followUps.shown', { shown: rows.length, total: all.length, overdue: overdueCount })}
      </div>
      <VirtualTable
        label={t('nav.followUps')}
        rows={rows}
        columns={columns}
        rowKey={(f) => f.id}
        onOpen={(f) => setOpen(f.id)}
        rowClassName={(f) => (overdueDays(f, today) > 0 ? 'row--overdue' : '')}
        emptyText={
          followUps === undefined
            ? t('state.loading')
            : filtered
              ? t('followUps.noMatch')
              : t('followUps.empty')
        }
      />
      {open === 'new' || editing ? (
        <Drawer title={t(editing ? 'followUps.editTitle' : 'followUps.newTitle')} onClose={close}>
          <FollowUpForm
            key={open}
            tripId={tripId}
            initial={editing}
            options={related.options}
            knownOwners={knownOwners}
            onSaved={close}
            onCancel={close}
            onDeleted={close}
          />
        </Drawer>
      ) : null}
      {open === 'cadence' ? (
        <Drawer title={t('followUps.cadence.title')} onClose={close}>
          <CadencePresets
            tripId={tripId}
            options={related.options}
            knownOwners={knownOwners}
            onCancel={close}
            onDone={(count) => {
              setFlash(t('followUps.cadence.created', { count }));
              close();
            }}
          />
        </Drawer>
      ) : null}
    </>
  );
}

function DueCell({ followUp, today }: { followUp: FollowUp; today: string }) {
  const t = useT();
  const late = overdueDays(followUp, today);
  const open = followUp.status === 'planned' || followUp.status === 'in_progress';
  const ahead = daysBetween(today, followUp.dueDate);
  return (
    <span className="followup-due">
      {followUp.dueDate}
      {late > 0 ? (
        <Badge tone="bad">{t('followUps.overdue', { days: late })}</Badge>
      ) : open && ahead === 0 ? (
        <Badge tone="warn">{t('followUps.dueToday')}</Badge>
      ) : open && ahead <= 7 ? (
        <span className="muted">{t('followUps.dueIn', { days: ahead })}</span>
      ) : null}
    </span>
  );
}
