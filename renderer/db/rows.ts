/** The sync bookkeeping kept beside a record's own fields (see SyncMeta in types.ts). */
export const META_FIELDS: ReadonlySet<string> = new Set(['_stamps', '_deleted', '_updated']);

/** A stored row's own fields, without the sync bookkeeping. */
export function domainFields(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!META_FIELDS.has(k)) out[k] = v;
  return out;
}
