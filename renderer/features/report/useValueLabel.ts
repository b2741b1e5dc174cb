import { useCallback } from 'react';
import type { Labelled } from '../../../shared/enums';
import { useLabel } from '../../i18n/useT';

const isKeyOf = <K extends string>(table: Record<K, Labelled>, value: string): value is K =>
  Object.hasOwn(table, value);

/**
 * The label of an enum value that the report carries as a plain string (its types stay free of the
 * enum tables); an empty or unknown value is shown as it is rather than hidden.
 */
export function useValueLabel() {
  const label = useLabel();
  return useCallback(
    <K extends string>(table: Record<K, Labelled>, value: string) =>
      isKeyOf(table, value) ? label(table, value) : value,
    [label],
  );
}
