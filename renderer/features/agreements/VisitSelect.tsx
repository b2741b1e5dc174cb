import { activityTypes } from '../../../shared/enums';
import { Field } from '../../components/form';
import { listSeparator } from '../../components/list';
import type { Stored } from '../../db/types';
import { useLabel, useT } from '../../i18n/useT';

/** Optional link to the visit where the agreement was reached: only this trip's visits to the chosen host. */
export function VisitSelect({
  visits,
  hostId,
  value,
  onChange,
  error,
}: {
  visits: readonly Stored<'visits'>[];
  hostId: string;
  value: string;
  onChange: (visitId: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const labelOf = useLabel();
  const options = visits.filter((v) => v.hostId === hostId).sort((a, b) => b.date.localeCompare(a.date));
  const hint = !hostId
    ? t('agreements.visitNeedsHost')
    : options.length === 0
      ? t('agreements.noVisits')
      : undefined;
  return (
    <Field label={t('common.visit')} error={error} hint={hint}>
      {(id, describedBy) => (
        <select
          id={id}
          value={value}
          disabled={!hostId || options.length === 0}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('agreements.noVisit')}</option>
          {options.map((v) => (
            <option key={v.id} value={v.id}>
              {v.date} · {v.activities.map((a) => labelOf(activityTypes, a.type)).join(listSeparator(t.lang))}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
