/**
 * Review decisions belong to organisers. Experts may submit their own visits and agreements (draft →
 * submitted) and reply in the thread, but approving, sending back (has issues) or rejecting a record —
 * and the comment that records such a decision — is for those who manage the trip. The app only offers
 * these actions to organisers; this rule makes a hand-made request unable to approve its own work.
 */
const DECISIONS: ReadonlySet<unknown> = new Set(['approved', 'has_issues', 'rejected']);

export const REVIEW_PERMISSION =
  "Only this trip's organisers (or an administrator) can approve, reject or send back records for changes. Submit the record for review instead.";

export async function reviewProblem(
  table: string,
  changes: Record<string, unknown>,
  manages: () => Promise<boolean>,
): Promise<string | undefined> {
  const reviewed = table === 'visits' || table === 'agreements' || table === 'comments';
  if (!reviewed || !DECISIONS.has(changes.reviewState)) return undefined;
  return (await manages()) ? undefined : REVIEW_PERMISSION;
}
