import { useLiveQuery } from 'dexie-react-hooks';
import { type KeyboardEvent, useId, useState } from 'react';
import { Field } from '../../components/form';
import { useDebounced } from '../../components/useDebounced';
import { useRecord } from '../../data/hooks';
import { getDb } from '../../db/database';
import type { Stored } from '../../db/types';
import { useT } from '../../i18n/useT';
import { searchHosts } from './hostSearch';
import './hosts.css';

type Host = Stored<'hosts'>;
type Option = { kind: 'host'; host: Host } | { kind: 'create'; name: string };

const LIMIT = 20;

export type HostPickerProps = {
  value: string;
  onChange: (hostId: string) => void;
  error?: string | undefined;
  label: string;
  required?: boolean;
  onCreateNew?: (name: string) => void;
  suggestedIds?: readonly string[];
  placeholder?: string;
  autoFocus?: boolean;
};

/**
 * A searchable host select over the whole directory: type part of a name (Chinese works without spaces)
 * or a credit code, pick with the arrow keys and Enter. With an empty box it offers `suggestedIds`
 * (e.g. the hosts this trip already works with).
 */
export function HostPicker({
  value,
  onChange,
  error,
  label,
  required,
  onCreateNew,
  suggestedIds,
  placeholder,
  autoFocus,
}: HostPickerProps) {
  const t = useT();
  const listId = useId();
  const chosen = useRecord('hosts', value || undefined);
  // null: not typing, the box shows the chosen host's name.
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = useDebounced(query ?? '', 120);
  const suggestionKey = (suggestedIds ?? []).join(',');

  const result = useLiveQuery(async () => {
    if (!open) return { for: typed, hosts: [] };
    if (typed.trim() !== '') return { for: typed, hosts: await searchHosts(getDb(), typed, LIMIT) };
    const ids = suggestionKey ? suggestionKey.split(',') : [];
    const rows = await getDb().hosts.bulkGet(ids.slice(0, LIMIT));
    return { for: typed, hosts: rows.filter((h): h is Host => h !== undefined && h._deleted === 0) };
  }, [open, typed, suggestionKey]);
  const hosts = result?.hosts ?? [];
  // Until the results for what is in the box have arrived, Enter must not pick a stale match.
  const settled = result !== undefined && result.for === (query ?? '');

  const newName = (query ?? '').trim();
  const options: Option[] = hosts.map((host) => ({ kind: 'host', host }) satisfies Option);
  if (onCreateNew && newName !== '' && !hosts.some((h) => h.name === newName)) {
    options.push({ kind: 'create', name: newName });
  }
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const choose = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'host') onChange(option.host.id);
    else onCreateNew?.(option.name);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.max(0, Math.min(options.length - 1, activeIndex + step)));
    } else if (e.key === 'Enter') {
      // Never let Enter in the picker save the surrounding form: it picks the highlighted host.
      e.preventDefault();
      e.stopPropagation();
      if (!open) setOpen(true);
      else if (settled) choose(options[activeIndex]);
    } else if (e.key === 'Escape' && open) {
      // The first Escape closes the list; only a second one may close the drawer around it.
      e.stopPropagation();
      setOpen(false);
      setQuery(null);
    }
  };

  const inputValue = query ?? chosen?.name ?? '';
  const detail = chosen ? [chosen.creditCode, chosen.district].filter(Boolean).join(' · ') : '';
  const emptyText = typed.trim() === '' ? t('hosts.picker.typeToSearch') : t('hosts.picker.noMatch');

  return (
    <Field label={label} error={error} required={required ?? false} className="host-picker">
      {(id, describedBy) => (
        <div className="host-picker__box">
          <div className="host-picker__row">
            <input
              id={id}
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open && options.length > 0 ? `${listId}-${activeIndex}` : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              autoComplete="off"
              value={inputValue}
              placeholder={placeholder ?? t('hosts.picker.placeholder')}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
                setOpen(true);
              }}
              // With nothing chosen yet, focusing offers the suggestions; otherwise typing or ↓ opens the list.
              onFocus={() => {
                if (!value) setOpen(true);
              }}
              autoFocus={autoFocus}
              onBlur={() => {
                // Emptying the box and leaving it means "no host"; anything else reverts to the choice.
                if (query !== null && query.trim() === '' && value) onChange('');
                setQuery(null);
                setOpen(false);
              }}
              onKeyDown={onKeyDown}
            />
            {value ? (
              <button
                type="button"
                className="btn btn--ghost btn--small"
                aria-label={t('hosts.picker.clear')}
                title={t('hosts.picker.clear')}
                onClick={() => onChange('')}
              >
                ×
              </button>
            ) : null}
          </div>
          {detail && !open ? <div className="field__hint">{detail}</div> : null}
          {open ? (
            <div className="host-picker__popup">
              {options.length === 0 ? <div className="host-picker__empty">{emptyText}</div> : null}
              <div id={listId} role="listbox" className="host-picker__list" aria-label={label}>
                {options.map((option, i) => (
                  <div
                    key={option.kind === 'host' ? option.host.id : 'create'}
                    tabIndex={-1}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === activeIndex}
                    className={`host-picker__option ${i === activeIndex ? 'host-picker__option--active' : ''}`}
                    // mousedown, not click: a click would first blur the input and close the list.
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(option);
                    }}
                    onMouseEnter={() => setActive(i)}
                  >
                    {option.kind === 'host' ? (
                      <>
                        <span>{option.host.name}</span>
                        <span className="muted host-picker__sub">
                          {[option.host.creditCode, option.host.district].filter(Boolean).join(' · ')}
                        </span>
                      </>
                    ) : (
                      <span className="host-picker__create">
                        {t('hosts.picker.create', { name: option.name })}
                      </span>
                    )}
                  </div>
                ))}
              </div>
            </div>
          ) : null}
        </div>
      )}
    </Field>
  );
}
