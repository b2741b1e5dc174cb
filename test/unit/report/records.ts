import type { ReportInput } from '../../../shared/report';
import { type RecordOf, type RecordTable, recordSchemas } from '../../../shared/schemas';

/** Builders of whole records (schema defaults applied), for hand-made report inputs. */

let next = 0;
/** A valid UUID (v7 layout) that reads as a number in test failures. */
export const uid = (n = ++next + 9000): string => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Input<T extends RecordTable> = Omit<import('zod').input<(typeof recordSchemas)[T]>, 'id'> & {
  id?: string;
};

export function make<T extends RecordTable>(table: T, input: Input<T>): RecordOf<T> {
  return recordSchemas[table].parse({ id: uid(), ...input }) as RecordOf<T>;
}

export const emptyInputFor = (trip: RecordOf<'trips'>, today: string): ReportInput => ({
  trip,
  visits: [],
  problems: [],
  recommendations: [],
  agreements: [],
  needs: [],
  members: [],
  followUps: [],
  hosts: [],
  experts: [],
  today,
});
