import type { problemStatuses, reviewStates } from '../../enums';
import type { Activity } from '../../schemas';
import type { DemoGroup, ExpertKey } from '../experts';
import type { HostKey } from '../hosts';
import type { NeedKey } from '../needs';

/** A piece of advice; nested under the problem it answers, or under the visit when it is general. */
export type AdviceSeed = { text: string; adopted?: boolean };

export type ProblemSeed = {
  title: string;
  description?: string;
  category: 'hard' | 'other';
  /** Solved unless said otherwise: the article reports solved problems. */
  status?: keyof typeof problemStatuses;
  advice?: AdviceSeed[];
};

export type VisitSeed = {
  /** Day of the trip, 0 = the first day. */
  day: 0 | 1 | 2;
  host: HostKey;
  experts: readonly ExpertKey[];
  needs?: NeedKey[];
  field: DemoGroup;
  activities: Activity[];
  peopleTrained: number;
  beneficiaries: number;
  location: string;
  notes: string;
  reviewState?: keyof typeof reviewStates;
  problems: ProblemSeed[];
  /** Advice given at the visit that does not answer one particular problem. */
  generalAdvice?: AdviceSeed[];
};
