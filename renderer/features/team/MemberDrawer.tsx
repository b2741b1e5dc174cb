import { type FormEvent, useId, useState } from 'react';
import { memberRoles } from '../../../shared/enums';
import { EnumSelect, Field, FormError, useFormErrors } from '../../components/form';
import { Drawer } from '../../components/layout';
import { deleteRecord, updateRecord } from '../../data/repository';
import { useT } from '../../i18n/useT';
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
  const listId = useId();
  const [role, setRole] = useState<Role>(member.role);
  const [group, setGroup] = useState(member.group);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
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
            <Field label={t('team.member.group')} error={errors.group} hint={t('team.member.groupHint')}>
              {(id, describedBy) => (
                <>
                  <input
                    id={id}
                    value={group}
                    list={listId}
                    aria-describedby={describedBy}
                    onChange={(e) => {
                      setGroup(e.target.value);
                      setSaved(false);
                    }}
                  />
                  <datalist id={listId}>
                    {groups.map((g) => (
                      <option key={g} value={g} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
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
          {confirming ? (
            <div className="team-confirm" role="alertdialog" aria-label={t('team.member.remove')}>
              <strong>{t('team.member.removeConfirm', { name })}</strong>
              {visitCount > 0 ? <p>{t('team.member.removeVisits', { count: visitCount })}</p> : null}
              <div className="team-confirm__buttons">
                <button type="button" className="btn btn--danger" onClick={remove} autoFocus>
                  {t('team.member.removeYes')}
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(false)}>
                  {t('action.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
              {t('team.member.remove')}
            </button>
          )}
        </section>
      </div>
    </Drawer>
  );
}
