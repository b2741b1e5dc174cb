import { describe, expect, it } from 'vitest';
import {
  computeRollup,
  computeTripReport,
  matchesRollupFilter,
  type ReportInput,
  type TripReport,
} from '../../../shared/report';
import type { RecordOf } from '../../../shared/schemas';
import { emptyInputFor, make } from './records';

/**
 * Three hand-made trips; experts 张伟 and 李娜 and host 甲公司 recur across them. Expected totals below
 * were counted by hand from these records.
 */
const x1 = make('experts', { name: '张伟', affiliation: '四川大学' });
const x2 = make('experts', { name: '李娜', affiliation: '重庆大学' });
const x3 = make('experts', { name: '王芳', affiliation: ' 四川大学 ' });
const x4 = make('experts', { name: '陈静' });
const liaison = make('experts', { name: '彭雪', affiliation: '眉山市人社局' });
const h1 = make('hosts', { name: '甲公司' });
const h2 = make('hosts', { name: '乙医院' });
const h3 = make('hosts', { name: '丙村' });
const h4 = make('hosts', { name: '丁学校' });

type Act = { type: RecordOf<'visits'>['activities'][number]['type']; count: number };

function tripInput(
  trip: { title: string; region: string; startDate: string; endDate: string },
  build: (tripId: string) => Partial<ReportInput>,
): ReportInput {
  const t = make('trips', trip);
  return { ...emptyInputFor(t, '2025-12-31'), hosts: [h1, h2, h3, h4], ...build(t.id) };
}

const visit = (tripId: string, hostId: string, expertIds: string[], activities: Act[], more = {}) =>
  make('visits', { tripId, hostId, date: '2023-05-10', expertIds, activities, ...more });
const member = (tripId: string, expertId: string, role: 'expert' | 'liaison' = 'expert') =>
  make('tripMembers', { tripId, expertId, role });

const tripA = tripInput(
  { title: '走进眉山', region: '四川省眉山市', startDate: '2023-05-10', endDate: '2023-05-11' },
  (tripId) => {
    const a1 = visit(tripId, h1.id, [x1.id], [{ type: 'lecture', count: 2 }], { peopleTrained: 20 });
    const a2 = visit(
      tripId,
      h2.id,
      [x2.id],
      [
        { type: 'outpatient', count: 3 },
        { type: 'surgery_guidance', count: 1 },
      ],
    );
    const n1 = make('needs', { tripId, hostId: h1.id, title: '需求一' });
    return {
      experts: [x1, x2, liaison],
      members: [member(tripId, x1.id), member(tripId, x2.id), member(tripId, liaison.id, 'liaison')],
      visits: [{ ...a1, needIds: [n1.id] }, a2],
      needs: [n1, make('needs', { tripId, hostId: h2.id, title: '需求二' })],
      problems: [
        make('problems', { tripId, visitId: a1.id, title: 'p', category: 'hard', status: 'solved' }),
        make('problems', { tripId, visitId: a1.id, title: 'p', category: 'hard', status: 'solved' }),
        make('problems', { tripId, visitId: a2.id, title: 'p', status: 'solved' }),
      ],
      recommendations: [make('recommendations', { tripId, visitId: a1.id, text: '建议' })],
      agreements: [
        make('agreements', {
          tripId,
          hostId: h1.id,
          title: '合作',
          status: 'signed',
          signedDate: '2023-05-11',
        }),
        make('agreements', {
          tripId,
          hostId: h1.id,
          kind: 'expert_appointment',
          title: '聘任',
          status: 'signed',
          signedDate: '2023-05-11',
          expertIds: [x1.id],
        }),
      ],
    };
  },
);

const tripB = tripInput(
  { title: '走进璧山', region: '重庆市璧山区', startDate: '2024-06-01', endDate: '2024-06-03' },
  (tripId) => {
    const b1 = visit(tripId, h1.id, [x1.id, x3.id], [{ type: 'seminar', count: 4 }], {
      peopleTrained: 50,
      beneficiaries: 300,
    });
    const b2 = visit(tripId, h3.id, [x3.id], [{ type: 'technical_guidance', count: 1 }]);
    const b3 = visit(tripId, h2.id, [x3.id], [{ type: 'lecture', count: 9 }], {
      peopleTrained: 999,
      reviewState: 'rejected',
    });
    const n = make('needs', { tripId, hostId: h1.id, title: '需求三' });
    return {
      experts: [x1, x3],
      members: [member(tripId, x1.id), member(tripId, x3.id)],
      visits: [{ ...b1, needIds: [n.id] }, b2, b3],
      needs: [n],
      problems: [
        make('problems', { tripId, visitId: b1.id, title: 'p', status: 'solved' }),
        make('problems', { tripId, visitId: b1.id, title: 'p', status: 'solved' }),
        make('problems', { tripId, visitId: b1.id, title: 'p', category: 'hard', status: 'advised' }),
        make('problems', { tripId, visitId: b3.id, title: 'p', category: 'hard', status: 'solved' }),
      ],
      recommendations: [make('recommendations', { tripId, visitId: b3.id, text: '被退回的建议' })],
      agreements: [
        make('agreements', {
          tripId,
          hostId: h1.id,
          title: '合作',
          status: 'in_effect',
          signedDate: '2024-06-03',
        }),
        make('agreements', {
          tripId,
          hostId: h3.id,
          kind: 'consensus',
          title: '意向',
          status: 'negotiating',
        }),
        make('agreements', {
          tripId,
          hostId: h1.id,
          kind: 'expert_appointment',
          title: '聘任',
          status: 'signed',
          signedDate: '2024-06-03',
          expertIds: [x1.id, x3.id],
        }),
      ],
    };
  },
);

const tripC = tripInput(
  { title: '走进永川', region: '重庆市永川区', startDate: '2025-06-23', endDate: '2025-06-25' },
  (tripId) => ({
    experts: [x4, x2],
    members: [member(tripId, x4.id), member(tripId, x2.id)],
    visits: [visit(tripId, h4.id, [x4.id], [{ type: 'training', count: 1 }], { peopleTrained: 100 })],
  }),
);

const reports: TripReport[] = [tripC, tripA, tripB].map((input) => computeTripReport(input));
const ANY = { from: '', to: '', region: '' };

describe('computeRollup', () => {
  it('totals three trips, counting recurring experts, institutions and hosts once', () => {
    const r = computeRollup(reports, ANY);
    expect(r.trips.map((t) => [t.title, t.visits, t.experts])).toEqual([
      ['走进眉山', 2, 2],
      ['走进璧山', 2, 2],
      ['走进永川', 1, 2],
    ]);
    expect(r).toMatchObject({
      filter: ANY,
      // 张伟, 李娜, 王芳, 陈静; the liaison 彭雪 is not an expert.
      experts: 4,
      // 四川大学 (张伟, 王芳), 重庆大学 (李娜); 陈静 has none; the liaison's office does not count.
      institutions: 2,
      hostsServed: 4,
      projects: 3,
      projectsCovered: 2,
      visits: 5,
      problemsSolved: 5,
      hardProblemsSolved: 2,
      recommendations: 1,
      peopleTrained: 170,
      beneficiaries: 300,
      agreementsSigned: 4,
      expertsAppointed: 2,
    });
    expect(r.activities).toEqual({
      site_research: 0,
      technical_guidance: 1,
      lecture: 2,
      academic_exchange: 0,
      seminar: 4,
      training: 1,
      outpatient: 3,
      surgery_guidance: 1,
      other: 0,
    });
    expect(r.agreementsByKind).toEqual({
      cooperation: 2,
      base_construction: 0,
      expert_appointment: 2,
      tech_equity: 0,
      project_contract: 0,
      consensus: 0,
    });
  });

  it('keeps the trips that overlap the date range', () => {
    const since2024 = computeRollup(reports, { ...ANY, from: '2024-01-01' });
    expect(since2024.trips.map((t) => t.title)).toEqual(['走进璧山', '走进永川']);
    expect(since2024).toMatchObject({ experts: 4, institutions: 2, hostsServed: 3, visits: 3 });
    // Overlap, not containment: a trip that ends on `from` or starts on `to` counts.
    expect(computeRollup(reports, { ...ANY, from: '2024-06-03', to: '2024-06-03' }).trips).toHaveLength(1);
    expect(computeRollup(reports, { ...ANY, from: '2023-05-11', to: '2024-06-01' }).trips).toHaveLength(2);
    expect(computeRollup(reports, { ...ANY, to: '2023-05-09' })).toMatchObject({
      trips: [],
      experts: 0,
      institutions: 0,
      hostsServed: 0,
      visits: 0,
    });
  });

  it('keeps the trips whose region contains the text', () => {
    const bishan = computeRollup(reports, { ...ANY, region: ' 璧山 ', to: '2024-12-31' });
    expect(bishan.trips.map((t) => t.title)).toEqual(['走进璧山']);
    expect(bishan).toMatchObject({
      experts: 2,
      institutions: 1,
      hostsServed: 2,
      visits: 2,
      problemsSolved: 2,
      hardProblemsSolved: 0,
      peopleTrained: 50,
      agreementsSigned: 2,
      expertsAppointed: 2,
    });
    expect(computeRollup(reports, { ...ANY, region: '重庆' }).trips).toHaveLength(2);
  });
});

describe('matchesRollupFilter', () => {
  const trip = { startDate: '2024-06-01', endDate: '2024-06-03', region: 'Chongqing Bishan' };
  it('matches the region ignoring case, and any region when empty', () => {
    expect(matchesRollupFilter(trip, { ...ANY, region: 'BISHAN' })).toBe(true);
    expect(matchesRollupFilter(trip, { ...ANY, region: 'Meishan' })).toBe(false);
    expect(matchesRollupFilter(trip, ANY)).toBe(true);
  });
  it('treats an empty end of the range as open', () => {
    expect(matchesRollupFilter(trip, { ...ANY, from: '2024-06-04' })).toBe(false);
    expect(matchesRollupFilter(trip, { ...ANY, to: '2024-05-31' })).toBe(false);
    expect(matchesRollupFilter(trip, { ...ANY, from: '2024-05-01', to: '2024-06-01' })).toBe(true);
  });
});
