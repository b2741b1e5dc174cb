import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { followUpRelatedTypes, followUpStatuses } from '../../../shared/enums';
import {
  CheckFilter,
  ClearFiltersButton,
  EnumFilter,
  TextFilter,
  useFilters,
} from '../../components/filters';
import {
  Badge,
  type BadgeTone,
  Drawer,
  EmptyState,
  EnumBadge,
  FilterBar,
  PageHeader,
} from '../../components/layout';
import { ListCount, TitleCell } from '../../components/list';
import { useRecordDrawer } from '../../components/useOpenParam';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { usePendingIds, useRecord, useTripRecords } from '../../data/hooks';
import { todayIso } from '../../data/today';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';
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

/** "Overdue first" orders the list; it filters nothing out, so it does not count as filtering. */
const isFiltered = (f: FollowUpFilters) => f.status !== '' || f.overdueOnly || f.text.trim() !== '';

const statusTone = {
  planned: 'info',
  in_progress: 'warn',
  done: 'good',
  cancelled: 'neutral',
} as const satisfies Record<keyof typeof followUpStatuses, BadgeTone>;

/** Follow-up service after the trip (跟踪服务): who does what by when, overdue items first. */
export function FollowUpsPage() {
  const t = useT();
  const labelOf = useLabel();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const pending = usePendingIds();
  const { filters, set, bind, clear, filtered } = useFilters(noFollowUpFilters, isFiltered);
  const [flash, setFlash] = useState<string | null>(null);
  const followUps = useTripRecords('followUps', tripId);
  const { open, setOpen, close, editing } = useRecordDrawer(followUps, ['cadence']);
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

  const columns: Column<FollowUp>[] = [
    {
      key: 'action',
      header: t('followUps.action'),
      width: '2fr',
      render: (f) => <TitleCell text={f.action} pending={pending.has(f.id)} />,
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
      render: (f) => <EnumBadge table={followUpStatuses} value={f.status} tones={statusTone} />,
    },
  ];

  if (trip === null) return <EmptyState title={t('state.notFound')} />;

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
        <EnumFilter label={t('common.status')} table={followUpStatuses} {...bind('status')} />
        <TextFilter id="followup-text-filter" label={t('followUps.textFilter')} {...bind('text')} />
        <CheckFilter
          label={t('followUps.overdueOnly', { count: overdueCount })}
          checked={filters.overdueOnly}
          onChange={(v) => set('overdueOnly', v)}
        />
        <CheckFilter
          label={t('followUps.overdueFirst')}
          checked={filters.overdueFirst}
          onChange={(v) => set('overdueFirst', v)}
        />
        <ClearFiltersButton show={filtered} onClear={clear} />
      </FilterBar>
      <ListCount>
        {t('followUps.shown', { shown: rows.length, total: all.length, overdue: overdueCount })}
      </ListCount>
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
