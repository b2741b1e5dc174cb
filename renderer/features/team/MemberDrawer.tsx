import { type FormEvent, useState } from 'react';
import { memberRoles } from '../../../shared/enums';
import { ConfirmDeletePanel } from '../../components/ConfirmDelete';
import { EnumSelect, FormError, useFormErrors } from '../../components/form';
import { Drawer } from '../../components/layout';
import { deleteRecord, updateRecord } from '../../data/repository';
import { useT } from '../../i18n/useT';
import { GroupField } from './GroupField';
import type { Expert, Member, Role } from './teamLogic';

/** Change a member's role or group, or take them off the team (with a confirmation). */
export function MemberDrawer({
  member,
  expert,
  groups,
  visitCount,
  onClose,
  onEditExpert,
}: {
  member: Member;
  expert: Expert | undefined;
  groups: readonly string[];
  visitCount: number;
  onClose: () => void;
  onEditExpert: () => void;
}) {
  const t = useT();
  const [role, setRole] = useState<Role>(member.role);
  const [group, setGroup] = useState(member.group);
  const [saved, setSaved] = useState(false);
  const { errors, formError, setFormError, run } = useFormErrors();
  const name = expert?.name ?? t('tripHome.attention.unknownExpert');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(() => updateRecord('tripMembers', member.id, { role, group }));
    if (result) setSaved(true);
  };

  const remove = async () => {
    try {
      await deleteRecord('tripMembers', member.id);
      onClose();
    } catch (error) {
      setFormError(
        t('error.unexpected', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <Drawer title={t('team.member.edit', { name })} onClose={onClose}>
      <div className="team-drawer">
        <section className="team-drawer__section">
          <p className="team-member-info">
            {[expert?.title, expert?.affiliation].filter(Boolean).join(' · ')}
            <br />
            <span className="muted" data-testid="member-visit-count">
              {t('team.member.visits', { count: visitCount })}
            </span>
          </p>
          <button type="button" className="btn btn--small" onClick={onEditExpert}>
            {t('team.member.editExpert')}
          </button>
        </section>
        <form
          className="form team-drawer__section"
          onSubmit={submit}
          noValidate
          aria-label={t('team.member.edit', { name })}
        >
          <div className="form-grid">
            <EnumSelect
              label={t('team.member.role')}
              table={memberRoles}
              value={role}
              onChange={(r) => {
                setRole(r);
                setSaved(false);
              }}
              error={errors.role}
            />
            <GroupField
              value={group}
              onChange={(g) => {
                setGroup(g);
                setSaved(false);
              }}
              groups={groups}
              error={errors.group}
            />
          </div>
          <FormError message={formError} />
          <div className="team-form-actions">
            {saved ? (
              <span className="team-saved" role="status">
                {t('team.member.saved')}
              </span>
            ) : null}
            <button type="submit" className="btn btn--primary">
              {t('action.save')}
            </button>
          </div>
        </form>
        <section className="team-drawer__section team-danger">
          <ConfirmDeletePanel
            trigger={t('team.member.remove')}
            label={t('team.member.remove')}
            question={t('team.member.removeConfirm', { name })}
            details={visitCount > 0 ? <p>{t('team.member.removeVisits', { count: visitCount })}</p> : null}
            confirm={t('team.member.removeYes')}
            onConfirm={remove}
          />
        </section>
      </div>
    </Drawer>
  );
}
