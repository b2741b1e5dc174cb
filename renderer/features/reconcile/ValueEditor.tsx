import { useState } from 'react';
import {
  ChipPicker,
  EnumSelect,
  type FieldErrors,
  ListField,
  NumberField,
  TextArea,
  TextField,
} from '../../components/form';
import { useTripRecords } from '../../data/hooks';
import { useT } from '../../i18n/useT';
import { useExpertOptions } from '../hosts/useTripExperts';
import { ActivitiesEditor } from '../visits/ActivitiesEditor';
import type { ActivityTypeKey } from '../visits/types';
import { type ActivityRow, rowKey } from '../visits/visitDraft';
import type { ValueKind } from './values';
import '../visits/visits.css';

/**
 * A field editor fitting the value's kind, for typing a new value that settles a conflict. The value is
 * handed up as the record will store it; the record's schema validates it on save and the messages come
 * back in `errors`, keyed by the field's path.
 */
export type EditableKind = Exclude<ValueKind['kind'], 'ref' | 'deleted' | 'other'>;

export function isEditableKind(kind: ValueKind): boolean {
  return kind.kind !== 'ref' && kind.kind !== 'deleted' && kind.kind !== 'other';
}

/** What the editor starts from: the current value, in the shape the editor works with. */
export function initialEditValue(kind: ValueKind, value: unknown): unknown {
  if (kind.kind === 'activities') {
    const list = Array.isArray(value) ? value : [];
    return list.map(
      (a: { type?: string; count?: number; topic?: string }): ActivityRow => ({
        key: rowKey(),
        type: (a.type ?? '') as ActivityTypeKey | '',
        count: a.count ?? 1,
        topic: a.topic ?? '',
      }),
    );
  }
  if (kind.kind === 'boolean') return value === true;
  if (kind.kind === 'textList' || kind.kind === 'refList') return Array.isArray(value) ? value : [];
  if (kind.kind === 'number') return typeof value === 'number' ? value : '';
  return typeof value === 'string' ? value : '';
}

/** The editor's value as the record stores it. */
export function editedValue(kind: ValueKind, value: unknown): unknown {
  if (kind.kind === 'activities' && Array.isArray(value)) {
    return (value as ActivityRow[]).map((a) => ({ type: a.type, count: a.count, topic: a.topic }));
  }
  return value;
}

type Props = {
  kind: ValueKind;
  label: string;
  field: string;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldErrors;
  tripId: string;
  /** Ids the versions in conflict name, so a chosen expert or need outside the usual options shows. */
  knownIds: readonly string[];
  /** The record the field belongs to (a visit's host narrows its needs). */
  record: Record<string, unknown> | undefined;
};

export function ValueEditor(props: Props) {
  const { kind, label, value, onChange, errors, field } = props;
  const error = errors[field];
  switch (kind.kind) {
    case 'text':
      return kind.long ? (
        <TextArea label={label} value={String(value)} onChange={onChange} error={error} rows={5} />
      ) : (
        <TextField label={label} value={String(value)} onChange={onChange} error={error} autoFocus />
      );
    case 'date':
      return <TextField label={label} type="date" value={String(value)} onChange={onChange} error={error} />;
    case 'number':
      return <NumberField label={label} value={value as number | string} onChange={onChange} error={error} />;
    case 'boolean':
      return <BooleanEditor label={label} value={value === true} onChange={onChange} />;
    case 'enum':
      return (
        <EnumSelect
          label={label}
          table={kind.table}
          value={String(value)}
          onChange={onChange}
          error={error}
        />
      );
    case 'textList':
      return <ListField label={label} value={value as string[]} onChange={onChange} error={error} />;
    case 'activities':
      return <ActivitiesEditor rows={value as ActivityRow[]} onChange={onChange} errors={errors} />;
    case 'refList':
      return kind.target === 'experts' ? <ExpertsEditor {...props} /> : <NeedsEditor {...props} />;
    default:
      return null;
  }
}

function BooleanEditor({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="reconcile-check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function ExpertsEditor({ label, value, onChange, errors, field, tripId, knownIds }: Props) {
  const t = useT();
  const selected = value as string[];
  const options = useExpertOptions(tripId, [...new Set([...knownIds, ...selected])]);
  return (
    <ChipPicker
      label={label}
      options={options}
      selected={selected}
      onChange={onChange}
      error={errors[field]}
      empty={t('visits.field.noMembers')}
    />
  );
}

function NeedsEditor({ label, value, onChange, errors, field, tripId, knownIds, record }: Props) {
  const t = useT();
  const selected = value as string[];
  const needs = useTripRecords('needs', tripId) ?? [];
  const hostId = typeof record?.hostId === 'string' ? record.hostId : '';
  const [shown] = useState(() => new Set([...knownIds, ...selected]));
  const options = needs
    .filter((n) => n.hostId === hostId || shown.has(n.id))
    .map((n) => ({ id: n.id, label: n.title }));
  return (
    <ChipPicker
      label={label}
      options={options}
      selected={selected}
      onChange={onChange}
      error={errors[field]}
      empty={t('visits.field.noNeeds')}
    />
  );
}
