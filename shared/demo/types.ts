import type { z } from 'zod';
import type { RecordTable, recordSchemas } from '../schemas';

/** The order the demo's tables are written in: what a record points to is always written before it. */
export const DEMO_TABLE_ORDER = [
  'trips',
  'experts',
  'hosts',
  'tripMembers',
  'needs',
  'visits',
  'problems',
  'recommendations',
  'agreements',
  'followUps',
] as const satisfies readonly RecordTable[];

/** A record as the repository takes it (schema input), with its id already made. */
export type DemoRecord<T extends RecordTable> = z.input<(typeof recordSchemas)[T]> & { id: string };

export type DemoTable = (typeof DEMO_TABLE_ORDER)[number];
export type DemoTrip = { [T in DemoTable]: DemoRecord<T>[] };

export type DemoOptions = {
  /** First day of the trip; the article's 2025-06-23 unless given. Every other date moves with it. */
  startDate?: string;
  /** The day the demo is loaded, which decides which follow-ups are done, late or still planned. */
  today?: string;
};
