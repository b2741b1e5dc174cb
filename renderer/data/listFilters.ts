import { matchesQuery } from '../../shared/search/tokenize';

const collator = new Intl.Collator('zh-CN');

/**
 * The usual filters of a record list: each of `values` (the record's kind, status, host…) must equal the
 * filter of the same name unless that filter is '' ("all"), and every word of `filters.text` must occur
 * in `searchable()`, which is only built when the text filter is in use.
 */
export function matchesFilters<F extends { text: string }>(
  filters: F,
  values: { [K in Exclude<keyof F, 'text'>]: string },
  searchable: () => string,
): boolean {
  for (const key of Object.keys(values) as Exclude<keyof F, 'text'>[]) {
    const wanted = filters[key];
    if (wanted && values[key] !== wanted) return false;
  }
  const text = filters.text.trim();
  return text === '' || matchesQuery(searchable(), text);
}

/**
 * The choices of a filter by referenced record (the hosts of a list), each once, sorted by name; a record
 * not (yet) on this device is listed as `unknownName`.
 */
export function referenceOptions(
  ids: readonly string[],
  nameOf: (id: string) => string,
  unknownName: string,
): { id: string; name: string }[] {
  return [...new Set(ids.filter(Boolean))]
    .map((id) => ({ id, name: nameOf(id) || unknownName }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
