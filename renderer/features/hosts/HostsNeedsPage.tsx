import { useParams, useSearchParams } from 'react-router';
import { EmptyState, PageHeader } from '../../components/layout';
import { type TabSpec, Tabs } from '../../components/Tabs';
import { useRecord } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { HostDirectory } from './HostDirectory';
import { NeedsTab } from './NeedsTab';
import './hosts.css';

const TABS = [
  { id: 'needs', label: 'hosts.tab.needs' },
  { id: 'directory', label: 'hosts.tab.directory' },
] as const satisfies readonly TabSpec<string>[];
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

  if (trip === null) return <EmptyState title={t('state.notFound')} />;

  return (
    <>
      <PageHeader title={t('nav.hosts')} subtitle={trip?.title ?? ''} />
      <Tabs name="hosts" label={t('nav.hosts')} tabs={TABS} selected={tab} onSelect={select}>
        {tab === 'needs' ? <NeedsTab tripId={tripId} /> : <HostDirectory tripId={tripId} />}
      </Tabs>
    </>
  );
}
