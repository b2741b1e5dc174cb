import { activityTypes, type Labelled } from '../../../shared/enums';
import type { Visit } from '../../../shared/schemas';

type ActivityType = keyof typeof activityTypes;
type Label = <K extends string>(table: Record<K, Labelled>, key: K) => string;

/** Sessions per activity type, in the order the types first appear (a visit may list a type twice). */
export function sessionsByType(activities: Visit['activities']): [ActivityType, number][] {
  const totals = new Map<ActivityType, number>();
  for (const a of activities) totals.set(a.type, (totals.get(a.type) ?? 0) + a.count);
  return [...totals];
}

/** "技术指导×2、专题讲座×1": what a visit did, in one line for lists and summaries. */
export function activitiesText(activities: Visit['activities'], label: Label, separator: string): string {
  return sessionsByType(activities)
    .map(([type, count]) => `${label(activityTypes, type)}×${count}`)
    .join(separator);
}
