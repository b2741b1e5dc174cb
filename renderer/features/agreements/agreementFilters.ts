import type { agreementKinds, agreementStatuses, reviewStates } from '../../../shared/enums';
import { matchesFilters } from '../../data/listFilters';
import type { Stored } from '../../db/types';

type Agreement = Stored<'agreements'>;

export type AgreementFilters = {
  kind: keyof typeof agreementKinds | '';
  status: keyof typeof agreementStatuses | '';
  hostId: string;
  reviewState: keyof typeof reviewStates | '';
  text: string;
};

export const noAgreementFilters: AgreementFilters = {
  kind: '',
  status: '',
  hostId: '',
  reviewState: '',
  text: '',
};

export function filterAgreements(
  agreements: readonly Agreement[],
  filters: AgreementFilters,
  hostName: (id: string) => string,
): Agreement[] {
  return agreements.filter((a) =>
    matchesFilters(
      filters,
      { kind: a.kind, status: a.status, hostId: a.hostId, reviewState: a.reviewState },
      () => [a.title, ...a.parties, a.notes, hostName(a.hostId)].join(' '),
    ),
  );
}

/** Agreements that count as signed in the report (terminated ones were signed too, but no longer count). */
const COUNTED = new Set<string>(['signed', 'in_effect', 'completed']);

export function summariseAgreements(agreements: readonly Agreement[]) {
  const signed = agreements.filter((a) => COUNTED.has(a.status));
  // Sum in hundredths so 0.1 + 0.2 shows as 0.3 万元.
  const cents = signed.reduce((sum, a) => sum + Math.round(a.amount * 100), 0);
  return { total: agreements.length, signed: signed.length, amount: cents / 100 };
}

/** "2025-06-23 – 2028-06-22", or one side when only one is known. */
export function termText(a: Pick<Agreement, 'termStart' | 'termEnd'>): string {
  if (!a.termStart && !a.termEnd) return '';
  return `${a.termStart || '…'} – ${a.termEnd || '…'}`;
}
