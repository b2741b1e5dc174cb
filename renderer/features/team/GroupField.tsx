import { useId } from 'react';
import { Field } from '../../components/form';
import { useT } from '../../i18n/useT';

/** A member's group (分组): free text, with the trip's groups so far offered as suggestions. */
export function GroupField({
  value,
  onChange,
  groups,
  error,
}: {
  value: string;
  onChange: (group: string) => void;
  groups: readonly string[];
  error?: string | undefined;
}) {
  const t = useT();
  const listId = useId();
  return (
    <Field label={t('team.member.group')} error={error} hint={t('team.member.groupHint')}>
      {(id, describedBy) => (
        <>
          <input
            id={id}
            value={value}
            list={listId}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={listId}>
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
