import { activityTypes } from '../../../shared/enums';
import { EnumSelect, type FieldErrors, NumberField, TextField } from '../../components/form';
import { useT } from '../../i18n/useT';
import type { ActivityTypeKey } from './types';
import { type ActivityRow, emptyActivity } from './visitDraft';

/** The activities of one visit: type, number of sessions and an optional topic, one row each. */
export function ActivitiesEditor({
  rows,
  onChange,
  errors,
}: {
  rows: ActivityRow[];
  onChange: (rows: ActivityRow[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<ActivityRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="rows">
      {rows.map((row, index) => (
        <div className="row-editor row-editor--activity" key={row.key} data-testid="activity-row">
          <EnumSelect
            label={t('visits.field.activityType')}
            table={activityTypes}
            includeAll={row.type === '' ? t('common.choose') : undefined}
            value={row.type}
            onChange={(type: ActivityTypeKey) => update(index, { type })}
            error={errors[`activities.${index}.type`]}
          />
          <NumberField
            label={t('visits.field.count')}
            value={row.count}
            min={1}
            onChange={(count) => update(index, { count })}
            error={errors[`activities.${index}.count`]}
          />
          <TextField
            label={t('visits.field.topic')}
            value={row.topic}
            onChange={(topic) => update(index, { topic })}
            error={errors[`activities.${index}.topic`]}
          />
          <button
            type="button"
            className="btn btn--ghost btn--small row-editor__remove"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={`${t('action.remove')} ${index + 1}`}
          >
            {t('action.remove')}
          </button>
        </div>
      ))}
      {errors.activities ? (
        <div className="field__error" role="alert">
          {errors.activities}
        </div>
      ) : null}
      <div>
        <button type="button" className="btn btn--small" onClick={() => onChange([...rows, emptyActivity()])}>
          {t('visits.addActivity')}
        </button>
      </div>
    </div>
  );
}
