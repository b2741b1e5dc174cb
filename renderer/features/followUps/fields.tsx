import { followUpRelatedTypes } from '../../../shared/enums';
import { EnumSelect, Field } from '../../components/form';
import { useT } from '../../i18n/useT';
import { useTripTeam } from '../hosts/useTripExperts';
import type { RelatedOption, RelatedType } from './useRelated';

/** "About what": a record type, then one of the trip's records of that type (or none). */
export function RelatedFields({
  type,
  id,
  options,
  onChange,
  errors,
}: {
  type: RelatedType;
  id: string;
  options: (type: RelatedType) => RelatedOption[];
  onChange: (type: RelatedType, id: string) => void;
  errors: { type?: string | undefined; id?: string | undefined };
}) {
  const t = useT();
  const list = options(type);
  // A record no longer in the list (deleted, or not synced here yet) stays selectable, not silently dropped.
  const missing = id !== '' && !list.some((o) => o.id === id);
  return (
    <>
      <EnumSelect
        label={t('followUps.relatedType')}
        table={followUpRelatedTypes}
        value={type}
        onChange={(next) => onChange(next, '')}
        error={errors.type}
      />
      <Field
        label={t('followUps.related')}
        error={errors.id}
        hint={list.length === 0 ? t('followUps.noRecordsOfType') : undefined}
      >
        {(fieldId, describedBy) => (
          <select
            id={fieldId}
            value={id}
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(type, e.target.value)}
          >
            <option value="">{t('followUps.noRelated')}</option>
            {missing ? <option value={id}>{t('followUps.missingRecord')}</option> : null}
            {list.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/** Free text, with the trip's experts (and owners used before) offered as suggestions. */
export function OwnerField({
  tripId,
  value,
  onChange,
  error,
  known = [],
}: {
  tripId: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  known?: readonly string[];
}) {
  const t = useT();
  const team = useTripTeam(tripId) ?? [];
  const names = [...new Set([...team.map((m) => m.expert.name), ...known].filter(Boolean))];
  return (
    <Field label={t('followUps.owner')} error={error} hint={t('followUps.ownerHint')}>
      {(id, describedBy) => (
        <>
          <input
            id={id}
            list={`${id}-names`}
            value={value}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          <datalist id={`${id}-names`}>
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
