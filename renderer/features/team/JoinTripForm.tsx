import { type FormEvent, useState } from 'react';
import { memberRoles } from '../../../shared/enums';
import { EnumSelect, FormError, useFormErrors } from '../../components/form';
import { useLabel, useT } from '../../i18n/useT';
import { GroupField } from './GroupField';
import { AlreadyMemberError, addMemberToTrip, type Expert, type Member, type Role } from './teamLogic';

/** Adds one directory expert to the trip's team with a role and group; refuses a second membership. */
export function JoinTripForm({
  tripId,
  expert,
  membership,
  groups,
  onOpenMember,
}: {
  tripId: string;
  expert: Expert;
  membership: Member | undefined;
  groups: readonly string[];
  onOpenMember: (member: Member) => void;
}) {
  const t = useT();
  const label = useLabel();
  const [role, setRole] = useState<Role>('expert');
  const [group, setGroup] = useState('');
  const [joined, setJoined] = useState<Member | null>(null);
  const [already, setAlready] = useState<Member | null>(null);
  const { errors, formError, run } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A duplicate is an answer, not a failure: it is returned so `run` does not report it as a save error.
    const result = await run(async () => {
      try {
        return await addMemberToTrip(tripId, expert.id, role, group);
      } catch (error) {
        if (error instanceof AlreadyMemberError) return error;
        throw error;
      }
    });
    if (result instanceof AlreadyMemberError) setAlready(result.member);
    else if (result) setJoined(result);
  };

  if (joined) {
    return (
      <p className="team-note team-note--good" role="status">
        {t('team.join.done', { name: expert.name, role: label(memberRoles, joined.role) })}
      </p>
    );
  }
  const existing = membership ?? already;
  if (existing) {
    return (
      <div className="team-note" role="status">
        <p>{t('team.join.already', { name: expert.name, role: label(memberRoles, existing.role) })}</p>
        <button type="button" className="btn btn--small" onClick={() => onOpenMember(existing)}>
          {t('action.open')}
        </button>
      </div>
    );
  }
  return (
    <form className="form team-join" onSubmit={submit} noValidate aria-label={t('team.join.title')}>
      <div className="form-grid">
        <EnumSelect
          label={t('team.member.role')}
          table={memberRoles}
          value={role}
          onChange={setRole}
          error={errors.role}
        />
        <GroupField value={group} onChange={setGroup} groups={groups} error={errors.group} />
      </div>
      <FormError message={formError} />
      <div className="team-form-actions">
        <button type="submit" className="btn btn--primary">
          {t('team.join.button')}
        </button>
      </div>
    </form>
  );
}
