import { describe, expect, it } from 'vitest';
import { computeTripReport } from '../../../shared/report';
import { demoReportInput } from './demoInput';

/** The demo trip is seed article 003 (璧山 2025): its report must say what the article says. */
const TODAY = '2026-11-22';

describe('the demo trip report', () => {
  const report = computeTripReport(demoReportInput(TODAY));
  const f = report.figures;

  it('gives the figures of the article', () => {
    expect(report.trip.days).toBe(3);
    expect(f.visits).toBe(13);
    expect(f.activities).toMatchObject({ technical_guidance: 5, lecture: 8, seminar: 13 });
    expect(f.problems.hard.solved).toBe(12);
    expect(f.problems.other.solved).toBe(47);
    expect(f.recommendations.total).toBe(37);
    expect(f.peopleTrained).toBe(201);
    expect(f.beneficiaries).toBe(1645);
    expect(f.agreements.byKind.cooperation.signed).toBe(12);
    // "14名专家全部受聘为特聘专家": the whole team of 14 experts, every one appointed.
    expect(f.experts).toEqual({ active: 14, members: 14 });
    expect(f.agreements.appointedExperts).toBe(14);
    expect(report.expertsAppointed).toHaveLength(14);
    expect(report.excluded.rejectedVisits).toBe(0);
  });

  it('says it in the province sentence', () => {
    expect(report.sentence.zh).toMatch(/^3天时间里，14名专家深入\d+家服务单位开展走访13次，/);
    expect(report.sentence.zh).toContain('技术指导5次、学术讲座8场、座谈交流13次');
    expect(report.sentence.zh).toContain(
      '解决疑难杂症12个、其他大小问题47个，给出有效意见建议37条，直接培训指导201人次，惠及基层群众1645人',
    );
    expect(report.sentence.zh).toMatch(/签订合作协议12份，14名专家受聘为特聘专家。$/);
  });

  it('has a section for each of the six fields, plus the supporting staff', () => {
    const named = report.groups.filter((g) => g.experts.some((e) => e.role === 'group_leader'));
    expect(new Set(named.map((g) => g.group))).toEqual(new Set(report.trip.focusFields));
    expect(report.team).toHaveLength(16);
    expect(report.groups.flatMap((g) => g.experts)).toHaveLength(16);
    // Every visit is in at least one group, so the groups' visits cover the trip's.
    expect(report.groups.reduce((n, g) => n + g.visits, 0)).toBeGreaterThanOrEqual(13);
  });

  it('lists one overdue follow-up: the latest cadence step already due', () => {
    const overdue = report.openFollowUps.filter((x) => x.overdue);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ dueDate: '2026-06-25', status: 'in_progress' });
    const dates = report.openFollowUps.map((x) => x.dueDate);
    expect(dates).toEqual([...dates].sort());
  });

  it('drops exactly what a rejected visit recorded', () => {
    const input = demoReportInput(TODAY);
    const target = input.visits.find((v) => input.problems.some((p) => p.visitId === v.id));
    if (!target) throw new Error('demo has no visit with problems');
    const rejected = computeTripReport({
      ...input,
      visits: input.visits.map((v) => (v.id === target.id ? { ...v, reviewState: 'rejected' as const } : v)),
    });
    const before = computeTripReport(input).figures;
    const problems = input.problems.filter((p) => p.visitId === target.id);
    expect(rejected.excluded.rejectedVisits).toBe(1);
    expect(rejected.figures.visits).toBe(before.visits - 1);
    expect(rejected.figures.problems.total).toBe(before.problems.total - problems.length);
    expect(rejected.figures.recommendations.total).toBe(
      before.recommendations.total - input.recommendations.filter((r) => r.visitId === target.id).length,
    );
    expect(rejected.figures.peopleTrained).toBe(before.peopleTrained - target.peopleTrained);
  });
});
