import { problemCategories, problemStatuses } from '../../../shared/enums';
import { newId } from '../../../shared/ids';
import { EnumSelect, type FieldErrors, TextArea, TextField } from '../../components/form';
import { useT } from '../../i18n/useT';
import type { ProblemRow } from './visitDraft';

export function ProblemsEditor({
  rows,
  onChange,
  errors,
}: {
  rows: ProblemRow[];
  onChange: (rows: ProblemRow[]) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<ProblemRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () =>
    onChange([
      ...rows,
      { id: newId(), title: '', description: '', category: 'other', status: 'advised', field: '' },
    ]);
  return (
    <div className="rows">
      {rows.length === 0 ? <div className="muted">{t('visits.problem.none')}</div> : null}
      {rows.map((row, index) => (
        <div className="row-editor row-editor--problem" key={row.id} data-testid="problem-row">
          <TextField
            className="row-editor__wide"
            label={`${t('visits.problem.title')} ${index + 1}`}
            value={row.title}
            onChange={(title) => update(index, { title })}
            error={errors[`problems.${index}.title`]}
            required
          />
          <EnumSelect
            label={t('visits.problem.category')}
            table={problemCategories}
            value={row.category}
            onChange={(category) => update(index, { category })}
          />
          <EnumSelect
            label={t('visits.problem.status')}
            table={problemStatuses}
            value={row.status}
            onChange={(status) => update(index, { status })}
          />
          <button
            type="button"
            className="btn btn--ghost btn--small row-editor__remove"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            {t('action.remove')}
          </button>
          <TextArea
            className="row-editor__full"
            label={t('visits.problem.description')}
            value={row.description}
            rows={2}
            onChange={(description) => update(index, { description })}
            error={errors[`problems.${index}.description`]}
          />
        </div>
      ))}
      <div>
        <button type="button" className="btn btn--small" onClick={add}>
          {t('visits.addProblem')}
        </button>
      </div>
    </div>
  );
}
