import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/layout';
import { byId, useAllRecords, useRecord, useTripRecords } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { TripNotFound } from '../trips/TripNotFound';
import { DirectorySection } from './DirectorySection';
import { ExpertDrawer } from './ExpertDrawer';
import { MemberDrawer } from './MemberDrawer';
import { MembersSection } from './MembersSection';
import './team.css';
import { visitsPerExpert } from './teamLogic';

type DrawerState =
  | { type: 'member'; memberId: string }
  | { type: 'expert'; expertId: string | null; created?: boolean };

/** The trip's team (roles, groups, visits) above the shared expert directory it is drawn from. */
export function TeamPage() {
  const { tripId } = useParams();
  const t = useT();
  const trip = useRecord('trips', tripId);
  const members = useTripRecords('tripMembers', tripId);
  const visits = useTripRecords('visits', tripId);
  const experts = useAllRecords('experts');
  const [drawer, setDrawer] = useState<DrawerState | null>(null);

  const expertsById = useMemo(() => byId(experts), [experts]);
  const visitCounts = useMemo(() => visitsPerExpert(visits ?? []), [visits]);
  const memberByExpert = useMemo(() => new Map((members ?? []).map((m) => [m.expertId, m])), [members]);

  if (trip === undefined) return <p className="muted">{t('state.loading')}</p>;
  if (trip === null || !tripId) {
    return <TripNotFound />;
  }
  if (!members || !experts) return <p className="muted">{t('state.loading')}</p>;

  const member = drawer?.type === 'member' ? members.find((m) => m.id === drawer.memberId) : undefined;
  const groups = [...new Set(members.map((m) => m.group).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );

  return (
    <>
      <PageHeader
        title={t('team.title')}
        subtitle={t('team.subtitle', { trip: trip.title, count: members.length })}
      />
      <MembersSection
        members={members}
        experts={expertsById}
        visitCounts={visitCounts}
        onOpen={(m) => setDrawer({ type: 'member', memberId: m.id })}
      />
      <DirectorySection
        experts={experts}
        memberByExpert={memberByExpert}
        onOpen={(e) => setDrawer({ type: 'expert', expertId: e.id })}
        onNew={() => setDrawer({ type: 'expert', expertId: null })}
      />
      {drawer?.type === 'member' && member ? (
        <MemberDrawer
          member={member}
          expert={expertsById.get(member.expertId)}
          groups={groups}
          visitCount={visitCounts.get(member.expertId) ?? 0}
          onClose={() => setDrawer(null)}
          onEditExpert={() => setDrawer({ type: 'expert', expertId: member.expertId })}
        />
      ) : null}
      {drawer?.type === 'expert' ? (
        <ExpertDrawer
          key={drawer.expertId ?? 'new'}
          tripId={tripId}
          expertId={drawer.expertId}
          expert={drawer.expertId ? expertsById.get(drawer.expertId) : undefined}
          experts={experts}
          membership={drawer.expertId ? memberByExpert.get(drawer.expertId) : undefined}
          groups={groups}
          justCreated={drawer.created ?? false}
          onCreated={(id) => setDrawer({ type: 'expert', expertId: id, created: true })}
          onOpenMember={(m) => setDrawer({ type: 'member', memberId: m.id })}
          onClose={() => setDrawer(null)}
        />
      ) : null}
    </>
  );
}
