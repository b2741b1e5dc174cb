import { describe, expect, it } from 'vitest';
import { computeTripReport } from '../../../shared/report';
import { GOLDEN_TODAY, goldenInput, ID } from './goldenTrip';
import { emptyInputFor, make } from './records';

/** Every number below was worked out by hand from goldenTrip.ts, not by running the code. */
describe('computeTripReport: a hand-made trip', () => {
  const report = computeTripReport(goldenInput());

  it('counts visits of every review state except rejected, and leaves out what hangs on a rejected visit', () => {
    const f = report.figures;
    // V1 approved, V2 submitted, V3 has_issues count; V4 (rejected) with its problem P5 and advice R3 does not.
    expect(f.visits).toBe(3);
    expect(f.visitDays).toBe(3);
    expect(f.hostsServed).toBe(2);
    expect(f.hostsListed).toBe(3);
    expect(f.activities).toEqual({
      site_research: 0,
      technical_guidance: 2,
      lecture: 1,
      academic_exchange: 0,
      seminar: 1,
      training: 0,
      outpatient: 5,
      surgery_guidance: 0,
      other: 0,
    });
    expect(f.activitySessions).toBe(9);
    expect(f.problems).toEqual({
      total: 4,
      solved: 3,
      hard: { total: 2, solved: 2 },
      other: { total: 2, solved: 1 },
    });
    expect(f.recommendations).toEqual({ total: 2, adopted: 1 });
    expect(f.peopleTrained).toBe(40);
    expect(f.beneficiaries).toBe(150);
    expect(f.needs).toEqual({ total: 2, covered: 1 });
    // 陈静 is the liaison: on the team, not one of its experts.
    expect(f.experts).toEqual({ active: 3, members: 3 });
    expect(report.excluded).toEqual({ rejectedVisits: 1, rejectedAgreements: 0 });
  });

  it('counts agreements by kind and names the appointed experts with their hosts', () => {
    const a = report.figures.agreements;
    expect(a.total).toBe(4);
    expect(a.signed).toBe(3);
    expect(a.byKind.cooperation).toEqual({ total: 1, signed: 1 });
    expect(a.byKind.expert_appointment).toEqual({ total: 2, signed: 2 });
    expect(a.byKind.consensus).toEqual({ total: 1, signed: 0 });
    expect(a.appointedExperts).toBe(3);
    expect(report.expertsAppointed.map((e) => [e.name, e.hostNames])).toEqual([
      ['李娜', ['重庆甲公司']],
      ['王芳', ['璧山医院']],
      ['张伟', ['重庆甲公司']],
    ]);
    // By signed date, then title (技 before 特 in pinyin), the undated negotiation last.
    expect(report.agreements.map((x) => x.id)).toEqual([ID.a3, ID.a1, ID.a2, ID.a4]);
    expect(report.agreements[0]).toMatchObject({
      concluded: true,
      hostName: '重庆甲公司',
      expertNames: ['张伟', '李娜'],
      signedDate: '2025-06-24',
    });
    expect(report.agreements[1]).toMatchObject({ parties: ['重庆甲公司', '重庆大学'], amount: 50 });
    expect(report.agreements[3]).toMatchObject({ concluded: false, status: 'negotiating', signedDate: '' });
  });

  it('writes the sentence over the calendar days of the trip, not the days with visits', () => {
    expect(report.trip.days).toBe(5);
    expect(report.sentence.zh).toBe(
      '5天时间里，3名专家深入2家服务单位开展走访3次，总计开展技术指导2次、学术讲座1场、座谈交流1次、门诊5次，' +
        '解决疑难杂症2个、其他大小问题1个，给出有效意见建议2条，直接培训指导40人次，惠及基层群众150人，' +
        '签订合作协议1份，3名专家受聘为特聘专家。',
    );
    expect(report.sentence.en).toMatch(/^Over 5 days, 3 experts made 3 visits to 2 host units/);
  });

  it('lists the team and the fields covered in Chinese collation order', () => {
    expect(report.team.map((e) => e.name)).toEqual(['陈静', '李娜', '王芳', '张伟']);
    expect(report.team[3]).toMatchObject({
      expertId: ID.e1,
      title: '教授',
      affiliation: '重庆大学',
      role: 'group_leader',
      group: '智能制造',
    });
    // 骨科 is only on the rejected visit's problem.
    expect(report.fieldsCovered).toEqual(['工业机器人', '慢病管理', '智能制造']);
  });

  it('gives each group the figures of the visits its experts were on', () => {
    expect(report.groups.map((g) => [g.group, g.experts.map((e) => e.name)])).toEqual([
      ['健康管理', ['王芳']],
      ['智能制造', ['张伟', '李娜']],
      ['', ['陈静']],
    ]);
    const [health, manufacturing, none] = report.groups;
    expect(health).toMatchObject({
      visits: 2,
      hostsServed: 2,
      activitySessions: 6,
      problemsSolved: 1,
      recommendations: 1,
      peopleTrained: 10,
      beneficiaries: 50,
      agreementsSigned: 1,
    });
    expect(manufacturing).toMatchObject({
      visits: 2,
      hostsServed: 1,
      activitySessions: 4,
      problemsSolved: 3,
      recommendations: 1,
      peopleTrained: 40,
      beneficiaries: 100,
      agreementsSigned: 2,
    });
    expect(none).toMatchObject({ visits: 0, hostsServed: 0, activitySessions: 0, agreementsSigned: 0 });
  });

  it('gives a section per host, by first visit date, never-visited hosts last', () => {
    expect(report.hosts.map((h) => [h.name, h.dates, h.visits])).toEqual([
      ['璧山医院', ['2025-06-23'], 1],
      ['重庆甲公司', ['2025-06-24', '2025-06-25'], 2],
      ['乙村', [], 0],
    ]);
    const [hospital, company, village] = report.hosts;
    expect(hospital).toMatchObject({
      kind: 'hospital',
      expertNames: ['王芳'],
      peopleTrained: 0,
      beneficiaries: 50,
      needs: [],
      problems: [
        { id: ID.p3, title: '慢病随访不足', category: 'other', status: 'advised', field: '慢病管理' },
      ],
      recommendations: [{ id: ID.r2, text: '建立随访档案', adopted: false }],
      agreements: [{ id: ID.a2, title: '特聘专家聘任', kind: 'expert_appointment', status: 'signed' }],
    });
    expect(hospital?.activities.outpatient).toBe(5);
    expect(hospital?.activities.lecture).toBe(0);
    expect(company).toMatchObject({ district: '璧山区', peopleTrained: 40, beneficiaries: 100 });
    expect(company?.expertNames).toEqual(['李娜', '王芳', '张伟']);
    expect(company?.problems.map((p) => p.id)).toEqual([ID.p2, ID.p1, ID.p4]);
    expect(company?.agreements.map((a) => a.id)).toEqual([ID.a3, ID.a1, ID.a4]);
    expect(company?.needs).toEqual([{ id: ID.n1, title: '产线改造', kind: 'technical', status: 'matched' }]);
    expect(village?.needs.map((n) => n.id)).toEqual([ID.n2]);
  });

  it('lists open follow-ups by due date and flags the overdue ones against today', () => {
    expect(report.today).toBe(GOLDEN_TODAY);
    expect(report.openFollowUps).toEqual([
      {
        id: ID.f1,
        action: '回访产线改造',
        owner: '张伟',
        dueDate: '2025-06-30',
        status: 'planned',
        overdue: true,
        relatedType: 'host',
        relatedLabel: '重庆甲公司',
      },
      {
        id: ID.f2,
        action: '复诊',
        owner: '',
        dueDate: '2025-07-10',
        status: 'in_progress',
        overdue: false,
        relatedType: 'visit',
        relatedLabel: '璧山医院 · 2025-06-23',
      },
    ]);
    const earlier = computeTripReport(goldenInput('2025-06-30'));
    expect(earlier.openFollowUps.map((f) => f.overdue)).toEqual([false, false]);
    const later = computeTripReport(goldenInput('2025-07-11'));
    expect(later.openFollowUps.map((f) => f.overdue)).toEqual([true, true]);
  });

  it('does not depend on the order of the input rows', () => {
    const input = goldenInput();
    const reversed = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v]),
    ) as typeof input;
    expect(computeTripReport(reversed)).toEqual(computeTripReport(input));
  });

  it('counts a rejected visit again once it is no longer rejected', () => {
    const input = goldenInput();
    const reopened = {
      ...input,
      visits: input.visits.map((v) => (v.id === ID.v4 ? { ...v, reviewState: 'submitted' as const } : v)),
    };
    const again = computeTripReport(reopened);
    expect(again.figures.visits).toBe(4);
    expect(again.figures.problems.hard).toEqual({ total: 3, solved: 3 });
    expect(again.figures.recommendations.total).toBe(3);
    expect(again.figures.peopleTrained).toBe(140);
    expect(again.excluded.rejectedVisits).toBe(0);
    expect(again.fieldsCovered).toContain('骨科');
  });

  it('leaves out an agreement an organiser rejected: its kind, its appointed expert and the list', () => {
    const input = goldenInput();
    const rejected = {
      ...input,
      agreements: input.agreements.map((a) =>
        a.id === ID.a2 ? { ...a, reviewState: 'rejected' as const } : a,
      ),
    };
    const report = computeTripReport(rejected);
    // A2 (王芳's appointment at 璧山医院, signed) is gone; A1, A3, A4 stay.
    expect(report.figures.agreements.total).toBe(3);
    expect(report.figures.agreements.signed).toBe(2);
    expect(report.figures.agreements.byKind.expert_appointment).toEqual({ total: 1, signed: 1 });
    expect(report.figures.agreements.appointedExperts).toBe(2);
    expect(report.expertsAppointed.map((e) => e.name)).toEqual(['李娜', '张伟']);
    expect(report.agreements.map((x) => x.id)).toEqual([ID.a3, ID.a1, ID.a4]);
    expect(report.excluded).toEqual({ rejectedVisits: 1, rejectedAgreements: 1 });
    // The visits are untouched.
    expect(report.figures.visits).toBe(3);
  });
});

describe('computeTripReport: odd and empty input', () => {
  it('reports a trip with no records as zeros, with the "nothing yet" sentence', () => {
    const trip = make('trips', {
      title: '空活动',
      region: '眉山市',
      startDate: '2025-06-23',
      endDate: '2025-06-23',
    });
    const report = computeTripReport(emptyInputFor(trip, '2025-07-01'));
    expect(report.trip).toMatchObject({ id: trip.id, days: 1, locked: false, organisers: [] });
    expect(report.figures.visits).toBe(0);
    expect(report.figures.activitySessions).toBe(0);
    expect(report.figures.problems.total).toBe(0);
    expect(report.figures.agreements.signed).toBe(0);
    expect(report.figures.attention).toEqual([]);
    expect(report.sentence.zh).toBe('尚未记录走访，暂无可汇总的成果。');
    expect(report.sentence.en).toBe('No visits have been recorded yet, so there is nothing to summarise.');
    expect(report).toMatchObject({
      fieldsCovered: [],
      team: [],
      expertsAppointed: [],
      excluded: { rejectedVisits: 0, rejectedAgreements: 0 },
      groups: [],
      hosts: [],
      agreements: [],
      openFollowUps: [],
    });
  });

  it('still counts a visit whose host and experts are not in the input, with empty names', () => {
    const trip = make('trips', { title: 't', region: 'r', startDate: '2025-06-23', endDate: '2025-06-24' });
    const visit = make('visits', {
      tripId: trip.id,
      hostId: make('hosts', { name: 'gone' }).id,
      date: '2025-06-23',
      expertIds: [make('experts', { name: 'gone' }).id],
      activities: [{ type: 'lecture', count: 2 }],
    });
    const report = computeTripReport({ ...emptyInputFor(trip, '2025-07-01'), visits: [visit] });
    expect(report.figures.visits).toBe(1);
    expect(report.figures.activities.lecture).toBe(2);
    expect(report.hosts).toEqual([
      expect.objectContaining({ hostId: visit.hostId, name: '', expertNames: [] }),
    ]);
  });
});
