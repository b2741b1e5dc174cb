import { buildDemoTrip, DEMO_TABLE_ORDER, type DemoTrip } from '../../../shared/demo/demoTrip';
import type { ReportInput } from '../../../shared/report';
import { type RecordOf, type RecordTable, recordSchemas } from '../../../shared/schemas';

/** The demo trip's records as the store would hold them (schema defaults applied). */
export function parsedDemo(demo: DemoTrip): { [T in (typeof DEMO_TABLE_ORDER)[number]]: RecordOf<T>[] } {
  const parse = <T extends RecordTable>(table: T, rows: readonly unknown[]) =>
    rows.map((row) => recordSchemas[table].parse(row) as RecordOf<T>);
  return Object.fromEntries(DEMO_TABLE_ORDER.map((t) => [t, parse(t, demo[t])])) as ReturnType<
    typeof parsedDemo
  >;
}

export function demoReportInput(today: string, demo: DemoTrip = buildDemoTrip({ today })): ReportInput {
  const d = parsedDemo(demo);
  const trip = d.trips[0];
  if (!trip) throw new Error('demo without a trip');
  return {
    trip,
    visits: d.visits,
    problems: d.problems,
    recommendations: d.recommendations,
    agreements: d.agreements,
    needs: d.needs,
    members: d.tripMembers,
    followUps: d.followUps,
    hosts: d.hosts,
    experts: d.experts,
    today,
  };
}
