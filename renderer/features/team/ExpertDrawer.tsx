import { Drawer } from '../../components/layout';
import { useT } from '../../i18n/useT';
import { ExpertForm } from './ExpertForm';
import { JoinTripForm } from './JoinTripForm';
import type { Expert, Member } from './teamLogic';

/**
 * One directory expert: joining this trip comes first (that is why people open it from the team
 * screen), the expert's details below. A new expert is created here and can be added right after.
 */
export function ExpertDrawer({
  tripId,
  expertId,
  expert,
  experts,
  membership,
  groups,
  justCreated,
  onCreated,
  onOpenMember,
  onClose,
}: {
  tripId: string;
  expertId: string | null;
  expert: Expert | undefined;
  experts: readonly Expert[];
  membership: Member | undefined;
  groups: readonly string[];
  justCreated: boolean;
  onCreated: (id: string) => void;
  onOpenMember: (member: Member) => void;
  onClose: () => void;
}) {
  const t = useT();
  const title = expert ? t('team.expert.editTitle', { name: expert.name }) : t('team.expert.newTitle');

  return (
    <Drawer title={title} onClose={onClose}>
      {expertId && !expert ? (
        <p className="muted">{t('state.loading')}</p>
      ) : (
        <div className="team-drawer">
          {expert ? (
            <section className="team-drawer__section" aria-label={t('team.join.title')}>
              <h3>{t('team.join.title')}</h3>
              {justCreated ? <p className="team-note team-note--good">{t('team.expert.created')}</p> : null}
              <JoinTripForm
                tripId={tripId}
                expert={expert}
                membership={membership}
                groups={groups}
                onOpenMember={onOpenMember}
              />
            </section>
          ) : null}
          <section className="team-drawer__section" aria-label={t('team.member.expertDetails')}>
            {expert ? <h3>{t('team.member.expertDetails')}</h3> : null}
            <ExpertForm
              expert={expert}
              experts={experts}
              onSaved={(saved, created) => {
                if (created) onCreated(saved.id);
              }}
            />
          </section>
        </div>
      )}
    </Drawer>
  );
}
