import { describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../../shared/creditCode';
import {
  buildDemoTrip,
  DEMO_TABLE_ORDER,
  type DemoTable,
  type DemoTrip,
} from '../../../../shared/demo/demoTrip';
import { UUID_PATTERN } from '../../../../shared/ids';
import { type RecordTable, recordSchemas, recordTables } from '../../../../shared/schemas';

const TODAY = '2026-11-22';
const demo = buildDemoTrip({ today: TODAY });

function idsOf(table: DemoTable, data: DemoTrip = demo): Set<string> {
  return new Set(data[table].map((r) => r.id));
}

describe('buildDemoTrip: records', () => {
  it('writes every record table, in an order where references come first', () => {
    // Review records (comments, the merge trail, conflicts) are made while reconciling; the demo has no files.
    const review: readonly RecordTable[] = ['comments', 'merges', 'conflicts', 'attachments'];
    expect([...DEMO_TABLE_ORDER].sort()).toEqual(recordTables.filter((t) => !review.includes(t)).sort());
    const position = (t: DemoTable) => DEMO_TABLE_ORDER.indexOf(t);
    expect(position('hosts')).toBeLessThan(position('visits'));
    expect(position('experts')).toBeLessThan(position('tripMembers'));
    expect(position('visits')).toBeLessThan(position('problems'));
    expect(position('problems')).toBeLessThan(position('recommendations'));
    expect(position('agreements')).toBeLessThan(position('followUps'));
  });

  it('makes every record valid against its schema', () => {
    for (const table of DEMO_TABLE_ORDER) {
      expect(demo[table].length, table).toBeGreaterThan(0);
      for (const record of demo[table]) {
        const result = recordSchemas[table].safeParse(record);
        expect(result.error?.issues ?? [], `${table} ${JSON.stringify(record)}`).toEqual([]);
      }
    }
  });

  it('gives every record a fresh, unique UUIDv7', () => {
    const all = DEMO_TABLE_ORDER.flatMap((t) => demo[t].map((r) => r.id));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) {
      expect(id).toMatch(UUID_PATTERN);
      expect(id.charAt(14)).toBe('7');
    }
    const again = buildDemoTrip({ today: TODAY });
    const second = new Set(DEMO_TABLE_ORDER.flatMap((t) => again[t].map((r) => r.id)));
    expect(all.filter((id) => second.has(id))).toEqual([]);
  });

  it('resolves every reference', () => {
    const tripId = demo.trips[0]?.id;
    const experts = idsOf('experts');
    const hosts = idsOf('hosts');
    const needs = idsOf('needs');
    const visits = new Map(demo.visits.map((v) => [v.id, v]));
    const problems = new Map(demo.problems.map((p) => [p.id, p]));
    for (const table of DEMO_TABLE_ORDER) {
      if (table === 'trips' || table === 'experts' || table === 'hosts') continue;
      for (const r of demo[table]) expect((r as { tripId: string }).tripId).toBe(tripId);
    }
    for (const m of demo.tripMembers) expect(experts.has(m.expertId)).toBe(true);
    for (const n of demo.needs) {
      expect(hosts.has(n.hostId)).toBe(true);
      for (const e of n.expertIds ?? []) expect(experts.has(e)).toBe(true);
    }
    for (const v of demo.visits) {
      expect(hosts.has(v.hostId)).toBe(true);
      for (const e of v.expertIds) expect(experts.has(e)).toBe(true);
      for (const n of v.needIds ?? []) expect(needs.has(n)).toBe(true);
    }
    for (const p of demo.problems) {
      const visit = visits.get(p.visitId);
      expect(visit).toBeDefined();
      expect(p.hostId).toBe(visit?.hostId);
    }
    for (const r of demo.recommendations) {
      expect(visits.has(r.visitId)).toBe(true);
      if (r.problemId) expect(problems.get(r.problemId)?.visitId).toBe(r.visitId);
    }
    for (const a of demo.agreements) {
      expect(hosts.has(a.hostId)).toBe(true);
      expect(a.visitId && visits.has(a.visitId)).toBe(true);
      for (const e of a.expertIds ?? []) expect(experts.has(e)).toBe(true);
    }
    const byType: Record<string, Set<string>> = {
      visit: new Set(visits.keys()),
      problem: new Set(problems.keys()),
      agreement: idsOf('agreements'),
      need: needs,
      host: hosts,
    };
    for (const f of demo.followUps) {
      expect(byType[f.relatedType ?? 'visit']?.has(f.relatedId ?? ''), f.action).toBe(true);
    }
  });

  it('gives enterprises valid unified social credit codes registered in 璧山区, all distinct', () => {
    const enterprises = demo.hosts.filter((h) => h.kind === 'enterprise');
    expect(enterprises.length).toBeGreaterThanOrEqual(5);
    for (const h of enterprises) {
      const code = h.creditCode ?? '';
      expect(checkCreditCode(code), h.name).toBeNull();
      expect(code.slice(2, 8)).toBe('500120');
      expect(code.charAt(0)).toBe('9');
    }
    const codes = demo.hosts.map((h) => h.creditCode).filter(Boolean);
    for (const code of codes) expect(checkCreditCode(code ?? '')).toBeNull();
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('uses the real names of the article', () => {
    const expertNames = demo.experts.map((e) => e.name);
    expect(expertNames).toEqual(expect.arrayContaining(['丁显平', '陈绍成', '姜伯承', '杨磊']));
    const hostNames = demo.hosts.map((h) => h.name);
    expect(hostNames).toEqual(
      expect.arrayContaining([
        '重庆东嶅药业有限公司',
        '中核鲲硼肿瘤核医学治疗技术研究所',
        '重庆医科大学附属璧山医院',
        '中新（重庆）生命科技园',
        '重庆中医药学院',
      ]),
    );
  });
});

describe('buildDemoTrip: the trip as the article tells it', () => {
  it('runs three days from 2025-06-23 and moves with the start date', () => {
    const trip = demo.trips[0];
    expect(trip).toMatchObject({ startDate: '2025-06-23', endDate: '2025-06-25', status: 'completed' });
    expect(trip?.focusFields).toEqual([
      '健康管理',
      '生物制药与医疗器械',
      '智能制造',
      '新材料',
      '新能源汽车',
      '农业',
    ]);
    expect(new Set(demo.visits.map((v) => v.date))).toEqual(
      new Set(['2025-06-23', '2025-06-24', '2025-06-25']),
    );

    const shifted = buildDemoTrip({ startDate: '2027-02-27', today: '2027-02-28' });
    expect(shifted.trips[0]).toMatchObject({
      startDate: '2027-02-27',
      endDate: '2027-03-01',
      status: 'active',
    });
    expect(new Set(shifted.visits.map((v) => v.date))).toEqual(
      new Set(['2027-02-27', '2027-02-28', '2027-03-01']),
    );
    expect(shifted.agreements.every((a) => a.signedDate === '2027-03-01')).toBe(true);
  });

  it('refuses a start date that is not a calendar date', () => {
    expect(() => buildDemoTrip({ startDate: '2025-02-30' })).toThrow(RangeError);
    expect(() => buildDemoTrip({ startDate: '23/06/2025' })).toThrow(RangeError);
  });

  it('adds up to exactly the figures of the article', () => {
    const activities = demo.visits.flatMap((v) => v.activities);
    const sessions = (type: string) =>
      activities.filter((a) => a.type === type).reduce((n, a) => n + a.count, 0);
    const solved = (category: string) =>
      demo.problems.filter((p) => p.category === category && p.status === 'solved').length;
    const agreements = (kind: string) => demo.agreements.filter((a) => a.kind === kind).length;
    expect({
      technicalGuidance: sessions('technical_guidance'),
      lectures: sessions('lecture'),
      seminars: sessions('seminar'),
      hardProblemsSolved: solved('hard'),
      otherProblemsSolved: solved('other'),
      recommendations: demo.recommendations.length,
      peopleTrained: demo.visits.reduce((n, v) => n + (v.peopleTrained ?? 0), 0),
      beneficiaries: demo.visits.reduce((n, v) => n + (v.beneficiaries ?? 0), 0),
      cooperationAgreements: agreements('cooperation'),
      appointments: agreements('expert_appointment'),
    }).toEqual({
      technicalGuidance: 5,
      lectures: 8,
      seminars: 13,
      hardProblemsSolved: 12,
      otherProblemsSolved: 47,
      recommendations: 37,
      peopleTrained: 201,
      beneficiaries: 1645,
      cooperationAgreements: 12,
      appointments: 14,
    });
  });

  it('has 丁显平 leading 13 experts, grouped by field, with a technology manager and a liaison', () => {
    const name = new Map(demo.experts.map((e) => [e.id, e.name]));
    const roles = (role: string) => demo.tripMembers.filter((m) => m.role === role);
    expect(roles('chief_expert').map((m) => name.get(m.expertId))).toEqual(['丁显平']);
    const experts = demo.tripMembers.filter((m) =>
      ['chief_expert', 'group_leader', 'expert'].includes(m.role ?? ''),
    );
    expect(experts).toHaveLength(14);
    expect(roles('group_leader')).toHaveLength(6);
    expect(roles('tech_manager')).toHaveLength(1);
    expect(roles('liaison')).toHaveLength(1);
    const groups = new Set(experts.map((m) => m.group));
    expect(groups).toEqual(new Set(demo.trips[0]?.focusFields));
    // Every group has exactly one leader.
    for (const group of groups) {
      expect(
        roles('group_leader').filter((m) => m.group === group),
        group,
      ).toHaveLength(1);
    }
    // The 14 appointments are the 14 experts, one each.
    const appointed = demo.agreements
      .filter((a) => a.kind === 'expert_appointment')
      .flatMap((a) => a.expertIds);
    expect(new Set(appointed)).toEqual(new Set(experts.map((m) => m.expertId)));
  });

  it('lists needs of all three kinds, each matched to experts of the team', () => {
    expect(new Set(demo.needs.map((n) => n.kind))).toEqual(new Set(['technical', 'talent', 'transfer']));
    const team = new Set(demo.tripMembers.map((m) => m.expertId));
    for (const need of demo.needs) {
      expect(need.expertIds?.length).toBeGreaterThan(0);
      for (const e of need.expertIds ?? []) expect(team.has(e)).toBe(true);
    }
  });
});

describe('buildDemoTrip: follow-ups', () => {
  const overdue = (data: DemoTrip, today: string) =>
    data.followUps.filter((f) => (f.status === 'planned' || f.status === 'in_progress') && f.dueDate < today);

  it('follows the 1346 cadence counted from the last day of the trip', () => {
    const due = demo.followUps.map((f) => f.dueDate);
    expect(due).toEqual(
      expect.arrayContaining([
        '2025-07-02',
        '2025-07-25',
        '2025-09-24',
        '2025-12-24',
        '2026-06-25',
        '2028-06-25',
      ]),
    );
    const shifted = buildDemoTrip({ startDate: '2025-06-30', today: TODAY });
    expect(shifted.followUps.map((f) => f.dueDate)).toContain('2025-07-09');
  });

  it('shows exactly one overdue follow-up, the latest cadence step already due', () => {
    const late = overdue(demo, TODAY);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ dueDate: '2026-06-25', status: 'in_progress' });
    expect(late[0]?.notes).not.toBe('');
    expect(demo.followUps.filter((f) => f.status === 'planned').every((f) => f.dueDate >= TODAY)).toBe(true);

    const earlier = buildDemoTrip({ today: '2025-10-01' });
    expect(overdue(earlier, '2025-10-01').map((f) => f.dueDate)).toEqual(['2025-09-24']);
  });

  it('has nothing overdue or done while the trip is still ahead', () => {
    const ahead = buildDemoTrip({ startDate: '2030-05-06', today: '2030-05-01' });
    expect(ahead.trips[0]?.status).toBe('planning');
    expect(overdue(ahead, '2030-05-01')).toEqual([]);
    expect(ahead.followUps.every((f) => f.status === 'planned')).toBe(true);
  });
});
