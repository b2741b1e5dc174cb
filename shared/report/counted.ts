/**
 * Which records a trip's figures count — one rule for the trip home, the report, the exports and the
 * server: a visit an organiser rejected (review state 'rejected') does not count, nor do the problems
 * and recommendations recorded on it; an agreement an organiser rejected does not count either. Every
 * other review state counts (a trip's figures must not drop to zero just because nobody has reviewed
 * yet). Tombstones are the caller's job: they never get here.
 *
 * Generic over the row type, so the renderer can pass its stored rows (with their sync bookkeeping)
 * and get the same rows back, and the server its parsed records.
 */
export type CountedRecords<V, P, R, A> = {
  visits: V[];
  problems: P[];
  recommendations: R[];
  agreements: A[];
  /** Visits left out because they were rejected, in input order. */
  rejectedVisits: V[];
  /** Agreements left out because they were rejected, in input order. */
  rejectedAgreements: A[];
};

export function countedRecords<
  V extends { id: string; reviewState: string },
  P extends { visitId: string },
  R extends { visitId: string },
  A extends { reviewState: string },
>(data: {
  visits: readonly V[];
  problems: readonly P[];
  recommendations: readonly R[];
  agreements: readonly A[];
}): CountedRecords<V, P, R, A> {
  const rejectedVisits = data.visits.filter((v) => v.reviewState === 'rejected');
  const rejected = new Set(rejectedVisits.map((v) => v.id));
  return {
    visits: data.visits.filter((v) => !rejected.has(v.id)),
    problems: data.problems.filter((p) => !rejected.has(p.visitId)),
    recommendations: data.recommendations.filter((r) => !rejected.has(r.visitId)),
    agreements: data.agreements.filter((a) => a.reviewState !== 'rejected'),
    rejectedVisits,
    rejectedAgreements: data.agreements.filter((a) => a.reviewState === 'rejected'),
  };
}
