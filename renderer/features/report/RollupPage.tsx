import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Rollup, RollupFilter } from '../../../shared/report';
import { ClearFiltersButton, useFilters } from '../../components/filters';
import { EmptyState, FilterBar, PageHeader, Panel } from '../../components/layout';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { useAllRecords } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { useRollup } from '../../report/useRollup';
import { formatDateRange } from '../trips/format';
import { FigureCards } from './ReportFigures';
import { rollupCards, rollupSentence } from './rollupFigures';
import './report.css';

const NO_FILTER: RollupFilter = { from: '', to: '', region: '' };
type TripRow = Rollup['trips'][number];

function Filters({
  filters,
  set,
  regions,
  rangeError,
}: {
  filters: RollupFilter;
  set: <K extends keyof RollupFilter>(key: K, value: string) => void;
  regions: readonly string[];
  rangeError: boolean;
}) {
  const t = useT();
  return (
    <>
      <div className="field">
        <label htmlFor="rollup-from">{t('report.rollup.from')}</label>
        <input
          id="rollup-from"
          className="report-rollup__input"
          type="date"
          value={filters.from}
          onChange={(e) => set('from', e.target.value)}
        />
      </div>
      <div className={`field ${rangeError ? 'field--error' : ''}`}>
        <label htmlFor="rollup-to">{t('report.rollup.to')}</label>
        <input
          id="rollup-to"
          className="report-rollup__input"
          type="date"
          value={filters.to}
          aria-invalid={rangeError}
          aria-describedby={rangeError ? 'rollup-range-error' : undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="rollup-region">{t('report.rollup.region')}</label>
        <input
          id="rollup-region"
          className="report-rollup__input"
          type="search"
          list="rollup-regions"
          value={filters.region}
          placeholder={t('report.rollup.regionPlaceholder')}
          onChange={(e) => set('region', e.target.value)}
        />
        <datalist id="rollup-regions">
          {regions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
    </>
  );
}

function TripsTable({ trips }: { trips: readonly TripRow[] }) {
  const t = useT();
  const navigate = useNavigate();
  const columns: Column<TripRow>[] = [
    {
      key: 'title',
      header: t('report.rollup.col.trip'),
      width: 'minmax(240px, 3fr)',
      render: (row) => (
        <Link to={`/trips/${row.id}/report`} className="row-link" onClick={(e) => e.stopPropagation()}>
          {row.title}
        </Link>
      ),
    },
    { key: 'region', header: t('report.rollup.col.region'), width: '1.2fr', render: (row) => row.region },
    {
      key: 'dates',
      header: t('report.rollup.col.dates'),
      width: 'minmax(200px, 1.4fr)',
      render: (row) => formatDateRange(t, row.startDate, row.endDate),
    },
    {
      key: 'visits',
      header: t('report.rollup.col.visits'),
      width: '90px',
      render: (row) => <span className="num">{row.visits}</span>,
    },
    {
      key: 'experts',
      header: t('report.rollup.col.experts'),
      width: '90px',
      render: (row) => <span className="num">{row.experts}</span>,
    },
  ];
  return (
    <VirtualTable
      rows={trips}
      columns={columns}
      rowKey={(row) => row.id}
      onOpen={(row) => navigate(`/trips/${row.id}/report`)}
      label={t('report.rollup.tripsTitle')}
      emptyText={t('report.rollup.empty')}
      height="420px"
    />
  );
}

/** Totals across trips, in the style of the province's multi-year reports, with the trips they add up. */
export function RollupPage() {
  const t = useT();
  const { filters, set, clear, filtered } = useFilters<RollupFilter>(NO_FILTER);
  const rangeError = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const rollup = useRollup(rangeError ? NO_FILTER : filters);
  const trips = useAllRecords('trips');
  const regions = useMemo(
    () =>
      [...new Set((trips ?? []).map((trip) => trip.region).filter(Boolean))].sort((a, b) =>
        a.localeCompare(b, 'zh-Hans-CN'),
      ),
    [trips],
  );

  return (
    <>
      <PageHeader title={t('report.rollup.title')} subtitle={t('report.rollup.subtitle')} />
      <FilterBar>
        <Filters filters={filters} set={set} regions={regions} rangeError={rangeError} />
        <ClearFiltersButton show={filtered} onClear={clear} />
      </FilterBar>
      {rangeError ? (
        <p className="field__error" id="rollup-range-error" role="alert">
          {t('report.rollup.rangeError')}
        </p>
      ) : rollup === undefined ? (
        <p className="muted">{t('state.loading')}</p>
      ) : rollup.trips.length === 0 ? (
        <EmptyState title={filtered ? t('report.rollup.noMatch') : t('report.rollup.noTrips')}>
          {filtered ? (
            <button type="button" className="btn" onClick={clear}>
              {t('action.clearFilters')}
            </button>
          ) : (
            <Link to="/trips" className="btn">
              {t('report.rollup.toTrips')}
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="report-rollup__sentence" data-testid="rollup-sentence">
            {rollupSentence(rollup, t)}
          </p>
          <FigureCards cards={rollupCards(rollup, t)} label={t('report.rollup.figuresTitle')} />
          <Panel title={t('report.rollup.tripsTitle')}>
            <TripsTable trips={rollup.trips} />
          </Panel>
        </>
      )}
    </>
  );
}
