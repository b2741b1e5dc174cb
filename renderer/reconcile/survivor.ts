/**
 * Which record of a duplicate group stays by default: the one the rest of the data leans on most. For
 * hosts a credit code first (it is the natural key, and the other spellings are usually the informal
 * ones), then the most references (fewest records to re-point), then the oldest (the first entered is
 * the one other devices have known longest). The organiser can always choose another.
 */
export type SurvivorCandidate = {
  id: string;
  creditCode?: string;
  references: number;
  createdAt: string;
};

export function defaultSurvivor(members: readonly SurvivorCandidate[]): string | undefined {
  const ranked = [...members].sort(
    (a, b) =>
      Number(Boolean(b.creditCode)) - Number(Boolean(a.creditCode)) ||
      b.references - a.references ||
      (a.createdAt || '\uffff').localeCompare(b.createdAt || '\uffff') ||
      a.id.localeCompare(b.id),
  );
  return ranked[0]?.id;
}
