import { type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import type { Labelled } from '../../shared/enums';
import { RecordValidationError } from '../data/repository';
import { useIssueText, useLabel, useT } from '../i18n/useT';

/**
 * Form building blocks. Validation comes from the shared zod schemas (through the repository, which
 * throws RecordValidationError); errors are keyed by the issue path ("activities.0.count") and shown
 * next to the field. Input is never cleared on error.
 */
export type FieldErrors = Record<string, string>;

type StoredIssue = Parameters<ReturnType<typeof useIssueText>>[0];
type FormProblem = { kind: 'fields' } | { kind: 'failed'; message: string } | null;

/**
 * Holds the last save's problems as issues, not as text, so switching language re-words the
 * messages already on screen.
 */
export function useFormErrors() {
  const [issues, setIssues] = useState<Record<string, StoredIssue>>({});
  const [problem, setProblem] = useState<FormProblem>(null);
  const issueText = useIssueText();
  const t = useT();

  const errors = useMemo(() => {
    const out: FieldErrors = {};
    for (const [path, issue] of Object.entries(issues)) out[path] = issueText(issue);
    return out;
  }, [issues, issueText]);
  const formError =
    problem === null
      ? null
      : problem.kind === 'fields'
        ? t('error.fixFields')
        : t('error.saveFailed', { message: problem.message });

  const setErrors = useCallback((next: Record<string, StoredIssue>) => setIssues(next), []);
  const setFormError = useCallback(
    (message: string | null) => setProblem(message === null ? null : { kind: 'failed', message }),
    [],
  );

  /** Runs a save; turns validation issues into field messages and other failures into one message. */
  const run = useCallback(async <R,>(save: () => Promise<R>): Promise<R | undefined> => {
    try {
      const result = await save();
      setIssues({});
      setProblem(null);
      return result;
    } catch (error) {
      if (error instanceof RecordValidationError) {
        const next: Record<string, StoredIssue> = {};
        for (const issue of error.issues) {
          const path = issue.path.join('.');
          next[path] ??= issue as StoredIssue;
        }
        setIssues(next);
        setProblem({ kind: 'fields' });
      } else {
        setProblem({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    }
  }, []);
  return { errors, setErrors, formError, setFormError, run };
}

type FieldProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: (id: string, describedBy: string | undefined) => ReactNode;
  className?: string;
};

export function Field({ label, error, hint, required, children, className }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> *</span> : null}
      </label>
      {children(id, describedBy)}
      {hint && !error ? (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={errorId} className="field__error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel';
  placeholder?: string;
  autoFocus?: boolean;
  className?: string;
  name?: string;
};

export function TextField({ label, value, onChange, error, hint, required, type, ...rest }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required ?? false} className={rest.className}>
      {(id, describedBy) => (
        <input
          id={id}
          name={rest.name}
          type={type ?? 'text'}
          value={value}
          placeholder={rest.placeholder}
          autoFocus={rest.autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows,
  className,
}: Omit<TextFieldProps, 'type'> & { rows?: number }) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(id, describedBy) => (
        <textarea
          id={id}
          rows={rows ?? 3}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A number input that keeps what the person typed (even "abc") so the schema can say what is wrong. */
export function NumberField({
  label,
  value,
  onChange,
  error,
  hint,
  min,
  className,
}: {
  label: string;
  value: number | string;
  onChange: (value: number | string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  min?: number;
  className?: string;
}) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const raw = e.target.value;
            onChange(raw === '' ? '' : Number.isNaN(Number(raw)) ? raw : Number(raw));
          }}
        />
      )}
    </Field>
  );
}

export function EnumSelect<K extends string>({
  label,
  table,
  value,
  onChange,
  error,
  includeAll,
  className,
}: {
  label: string;
  table: Record<K, Labelled>;
  value: K | '';
  onChange: (value: K) => void;
  error?: string | undefined;
  includeAll?: string;
  className?: string;
}) {
  const labelOf = useLabel();
  return (
    <Field label={label} error={error} className={className}>
      {(id, describedBy) => (
        <select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value as K)}
        >
          {includeAll !== undefined ? <option value="">{includeAll}</option> : null}
          {(Object.keys(table) as K[]).map((key) => (
            <option key={key} value={key}>
              {labelOf(table, key)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Free-text list (organisers, fields, parties) typed as one line; Chinese and Latin separators both work. */
export function splitList(text: string): string[] {
  return text
    .split(/[,,、;;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function ListField({
  label,
  value,
  onChange,
  error,
  className,
}: {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  className?: string;
}) {
  const t = useT();
  const [text, setText] = useState(value.join('、'));
  return (
    <Field label={label} error={error} hint={t('common.commaHint')} className={className}>
      {(id, describedBy) => (
        <input
          id={id}
          value={text}
          aria-describedby={describedBy}
          onChange={(e) => {
            setText(e.target.value);
            onChange(splitList(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

/** Choose several of a short list (experts present, needs addressed) as toggle chips. */
export function ChipPicker({
  label,
  options,
  selected,
  onChange,
  error,
  empty,
  required,
}: {
  label: string;
  required?: boolean;
  options: { id: string; label: string; detail?: string }[];
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  empty?: string;
}) {
  const groupId = useId();
  return (
    <fieldset
      className={`field chips ${error ? 'field--error' : ''}`}
      aria-describedby={error ? `${groupId}-e` : undefined}
    >
      <legend>
        {label}
        {required ? <span className="field__required"> *</span> : null}
      </legend>
      <div className="chips__list">
        {options.length === 0 ? <span className="muted">{empty}</span> : null}
        {options.map((o) => {
          const on = selected.includes(o.id);
          return (
            <label key={o.id} className={`chip ${on ? 'chip--on' : ''}`} title={o.detail}>
              <input
                type="checkbox"
                checked={on}
                onChange={() => onChange(on ? selected.filter((x) => x !== o.id) : [...selected, o.id])}
              />
              {o.label}
            </label>
          );
        })}
      </div>
      {error ? (
        <div id={`${groupId}-e`} className="field__error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}
