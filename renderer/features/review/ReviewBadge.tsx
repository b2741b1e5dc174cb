import { reviewStates } from '../../../shared/enums';
import { EnumBadge } from '../../components/layout';
import { REVIEW_TONE, type ReviewState } from '../../review/transitions';

/** A record's review state in the tone every screen uses for it (待修改 stands out in amber). */
export function ReviewBadge({ state }: { state: ReviewState }) {
  return <EnumBadge table={reviewStates} value={state} tones={REVIEW_TONE} />;
}
