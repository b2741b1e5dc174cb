import { newId } from '../../../shared/ids';
import { Field, type FieldErrors, TextArea } from '../../components/form';
import { useT } from '../../i18n/useT';
import type { ProblemRow, RecommendationRow } from './visitDraft';

export function RecommendationsEditor({
  rows,
  problems,
  onChange,
  errors,
}: {
  rows: RecommendationRow[];
  problems: ProblemRow[];
  onChange: (rows: RecommendationRow[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<RecommendationRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="rows">
      {rows.length === 0 ? <div className="muted">{t('visits.rec.none')}</div> : null}
      {rows.map((row, index) => (
        <div className="row-editor row-editor--rec" key={row.id} data-testid="recommendation-row">
          <TextArea
            className="row-editor__wide"
            label={`${t('visits.rec.text')} ${index + 1}`}
            value={row.text}
            rows={2}
            onChange={(text) => update(index, { text })}
            error={errors[`recommendations.${index}.text`]}
          />
          <Field label={t('visits.rec.problem')}>
            {(id) => (
              <select
                id={id}
                value={row.problemId}
                onChange={(e) => update(index, { problemId: e.target.value })}
              >
                <option value="">{t('visits.rec.noProblem')}</option>
                {problems.map((p, i) => (
                  <option key={p.id} value={p.id}>
                    {p.title || `${t('visits.problem.title')} ${i + 1}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={row.adopted}
              onChange={(e) => update(index, { adopted: e.target.checked })}
            />
            {t('visits.rec.adopted')}
          </label>
          <button
            type="button"
            className="btn btn--ghost btn--small row-editor__remove"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {t('action.remove')}
          </button>
        </div>
      ))}
      <div>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => onChange([...rows, { id: newId(), text: '', adopted: false, problemId: '' }])}
        >
          {t('visits.addRecommendation')}
        </button>
      </div>
    </div>
  );
}
