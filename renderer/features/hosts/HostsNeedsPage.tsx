import type { KeyboardEvent } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { MessageKey } from '../../../shared/i18n';
import { EmptyState, PageHeader } from '../../components/layout';
import { useRecord } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { HostDirectory } from './HostDirectory';
import { NeedsTab } from './NeedsTab';
import './hosts.css';

const TABS = [
  { id: 'needs', label: 'hosts.tab.needs' },
  { id: 'directory', label: 'hosts.tab.directory' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type TabId = (typeof TABS)[number]['id'];

/** Hosts & needs: the trip's needs list, and the host directory shared by all trips. */
export function HostsNeedsPage() {
  const t = useT();
  const { tripId = '' } = useParams();
  const trip = useRecord('trips', tripId);
  const [params, setParams] = useSearchParams();
  const tab: TabId = params.get('tab') === 'directory' ? 'directory' : 'needs';

  // Switching tabs closes any open drawer: `open` ids belong to one tab's records.
  const select = (next: TabId) => setParams(next === 'needs' ? {} : { tab: next });
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = TABS.findIndex((x) => x.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) {
      select(next.id);
      document.getElementById(`hosts-tab-${next.id}`)?.focus();
    }
  };

  if (trip === null) return <EmptyState title={t('state.notFound')} />;

  return (
    <>
      <PageHeader title={t('nav.hosts')} subtitle={trip?.title ?? ''} />
      <div className="tabs" role="tablist" aria-label={t('nav.hosts')} onKeyDown={onTabKey}>
        {TABS.map((x) => (
          <button
            key={x.id}
            id={`hosts-tab-${x.id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab === x.id}
            aria-controls={`hosts-panel-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            onClick={() => select(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div
        id={`hosts-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`hosts-tab-${tab}`}
        className="tab-panel"
      >
        {tab === 'needs' ? <NeedsTab tripId={tripId} /> : <HostDirectory tripId={tripId} />}
      </div>
    </>
  );
}
