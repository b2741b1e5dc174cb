import { useState } from 'react';
import { FormError, useFormErrors } from '../../components/form';
import { submitKeys } from '../../components/submitKeys';
import { createRecord } from '../../data/repository';
import { todayIso } from '../../data/today';
import { useT } from '../../i18n/useT';
import { OwnerField, RelatedFields } from './fields';
import { CADENCE, type CadenceKey } from './followUpLogic';
import type { RelatedOption, RelatedType } from './useRelated';

/**
 * One click for the "1346" cadence: creates one follow-up per chosen step, due one period from today,
 * all about the same record and owner. Each is an ordinary follow-up afterwards (edit, reschedule…).
 */
export function CadencePresets({
  tripId,
  options,
  knownOwners,
  onDone,
  onCancel,
}: {
  tripId: string;
  options: (type: RelatedType) => RelatedOption[];
  knownOwners: readonly string[];
  onDone: (created: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const today = todayIso();
  const [chosen, setChosen] = useState<Set<CadenceKey>>(() => new Set(CADENCE.map((c) => c.key)));
  const [relatedType, setRelatedType] = useState<RelatedType>('host');
  const [relatedId, setRelatedId] = useState('');
  const [owner, setOwner] = useState('');
  const [saving, setSaving] = useState(false);
  const { errors, formError, run } = useFormErrors();
  const steps = CADENCE.filter((c) => chosen.has(c.key));

  const create = async () => {
    if (saving || steps.length === 0) return;
    setSaving(true);
    const done = await run(async () => {
      for (const step of steps) {
        await createRecord('followUps', {
          tripId,
          relatedType,
          relatedId,
          action: t(step.action),
          owner,
          dueDate: step.due(today),
          status: 'planned',
        });
      }
      return steps.length;
    });
    setSaving(false);
    if (done) onDone(done);
  };

  return (
    <fieldset
      className="form form--plain"
      aria-label={t('followUps.cadence.title')}
      onKeyDown={submitKeys(() => void create())}
    >
      <p className="muted">{t('followUps.cadence.intro')}</p>
      <fieldset className="field">
        <legend>{t('followUps.cadence.steps')}</legend>
        <ul className="cadence-list">
          {CADENCE.map((step) => (
            <li key={step.key}>
              <label>
                <input
                  type="checkbox"
                  autoFocus={step.key === CADENCE[0].key}
                  checked={chosen.has(step.key)}
                  onChange={(e) =>
                    setChosen((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(step.key);
                      else next.delete(step.key);
                      return next;
                    })
                  }
                />
                <span>{t(step.action)}</span>
              </label>
              <span className="muted">{t('followUps.cadence.due', { date: step.due(today) })}</span>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-grid">
        <RelatedFields
          type={relatedType}
          id={relatedId}
          options={options}
          onChange={(type, id) => {
            setRelatedType(type);
            setRelatedId(id);
          }}
          errors={{ type: errors.relatedType, id: errors.relatedId }}
        />
        <OwnerField
          tripId={tripId}
          value={owner}
          onChange={setOwner}
          error={errors.owner}
          known={knownOwners}
        />
      </div>
      <FormError message={formError} />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('action.cancel')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={saving || steps.length === 0}
          onClick={() => void create()}
        >
          {t('followUps.cadence.create', { count: steps.length })}
        </button>
      </div>
    </fieldset>
  );
}
