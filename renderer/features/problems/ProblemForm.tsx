import { problemCategories, problemStatuses } from '../../../shared/enums';
import { EnumSelect, TextArea, TextField } from '../../components/form';
import { RecordFormFrame } from '../../components/RecordFormFrame';
import { useRecordForm } from '../../components/useRecordForm';
import { updateRecord } from '../../data/repository';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';

type Problem = Stored<'problems'>;
type ProblemValues = Pick<Problem, 'title' | 'description' | 'category' | 'field' | 'status'>;

const valuesOf = (p: Problem): ProblemValues => ({
  title: p.title,
  description: p.description,
  category: p.category,
  field: p.field,
  status: p.status,
});

/** Edit a diagnosed problem (problems are created on the visit form, where they were found). */
export function ProblemForm({
  problem,
  onSaved,
  onCancel,
  onDeleted,
}: {
  problem: Problem;
  onSaved: () => void;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const form = useRecordForm({
    draftKey: `problems.form:${problem.id}`,
    start: () => valuesOf(problem),
    write: (values) => updateRecord('problems', problem.id, values),
    onSaved,
    onCancel,
  });
  const { bind } = form;

  return (
    <RecordFormFrame
      form={form}
      label={t('problems.editTitle')}
      deletion={{ table: 'problems', id: problem.id, what: problem.title, onDeleted }}
    >
      <TextField className="span-all" label={t('common.title')} {...bind('title')} required autoFocus />
      <EnumSelect label={t('problems.category')} table={problemCategories} {...bind('category')} />
      <TextField label={t('common.field')} {...bind('field')} />
      <EnumSelect label={t('common.status')} table={problemStatuses} {...bind('status')} />
      <TextArea className="span-all" label={t('common.description')} {...bind('description')} rows={6} />
    </RecordFormFrame>
  );
}
