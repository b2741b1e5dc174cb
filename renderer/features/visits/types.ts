import type { activityTypes, problemCategories, problemStatuses } from '../../../shared/enums';

export type ActivityTypeKey = keyof typeof activityTypes;
export type ProblemCategoryKey = keyof typeof problemCategories;
export type ProblemStatusKey = keyof typeof problemStatuses;
