import { type CSSProperties, useState } from 'react';
import type { Labelled } from '../../shared/enums';
import { useT } from '../i18n/useT';
import { EnumSelect } from './form';

/**
 * A list's filters: one setter per filter, a reset, and whether anything is filtered (which decides
 * between "nothing matches" and "nothing yet"). By default every field counts; pass `isFiltered` when
 * some do not (a sort order is not a filter).
 */
export function useFilters<F extends object>(
  none: F,
  isFiltered: (filters: F) => boolean = (filters) => JSON.stringify(filters) !== JSON.stringify(none),
) {
  const [filters, setFilters] = useState<F>(none);
  const set = <K extends keyof F>(key: K, value: F[K]) => setFilters((f) => ({ ...f, [key]: value }));
  /** Value and change handler of one filter, to spread on its control: `{...bind('status')}`. */
  const bind = <K extends keyof F>(key: K) => ({
    value: filters[key],
    onChange: (value: F[K]) => set(key, value),
  });
  return { filters, set, bind, clear: () => setFilters(none), filtered: isFiltered(filters) };
}

/** An enum filter: every value of the table, after "all". */
export function EnumFilter<K extends string>({
  label,
  table,
  value,
  onChange,
}: {
  label: string;
  table: Record<K, Labelled>;
  value: K | '';
  onChange: (value: K) => void;
}) {
  const t = useT();
  return (
    <EnumSelect label={label} table={table} value={value} onChange={onChange} includeAll={t('filter.all')} />
  );
}

/** A filter by one of the records a list refers to (its host, say), after "all". */
export function SelectFilter({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filter.all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Free-text search of a list. */
export function TextFilter({
  id,
  label,
  value,
  onChange,
  placeholder,
  style,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Defaults to the general "type to filter" prompt. */
  placeholder?: string;
  style?: CSSProperties;
}) {
  const t = useT();
  return (
    <div className="field" style={style}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder ?? t('filter.text')}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** A yes/no filter or list option, as a checkbox in the filter bar. */
export function CheckFilter({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="field field--check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** Shown only while something is filtered. */
export function ClearFiltersButton({ show, onClear }: { show: boolean; onClear: () => void }) {
  const t = useT();
  if (!show) return null;
  return (
    <button type="button" className="btn btn--ghost" onClick={onClear}>
      {t('action.clearFilters')}
    </button>
  );
}
