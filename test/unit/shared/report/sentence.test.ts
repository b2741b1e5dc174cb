import { describe, expect, it } from 'vitest';
import { computeTripFigures, reportSentence, type TripFiguresInput } from '../../../../shared/report';
import { agreement, emptyInput, member, problem, recommendation, times, visit } from './fixtures';

/**
 * The trip of seed 003 (璧山, 3 days, 14 experts) rebuilt from records: the sentence must come out in the
 * province's own words and numbers.
 */
function bishanTrip(): TripFiguresInput {
  const input = emptyInput('2025-06-25');
  const experts = times(14, (i) => `expert-${i}`);
  input.members = experts.map(member);
  const dates = ['2025-06-23', '2025-06-24', '2025-06-25'];
  // 9 hosts; the activity counts of the report spread over 13 visits.
  const plan: { type: 'technical_guidance' | 'lecture' | 'seminar'; count: number }[] = [
    ...times(5, () => ({ type: 'technical_guidance' as const, count: 1 })),
    { type: 'lecture', count: 3 },
    { type: 'lecture', count: 5 },
    ...times(6, () => ({ type: 'seminar' as const, count: 2 })),
  ];
  plan[plan.length - 1] = { type: 'seminar', count: 3 };
  input.visits = plan.map((activity, i) =>
    visit({
      hostId: `host-${i % 9}`,
      date: dates[i % 3] ?? '2025-06-23',
      expertIds: [experts[i % 14] ?? 'expert-0', experts[(i + 7) % 14] ?? 'expert-0'],
      activities: [{ ...activity, topic: '' }],
      peopleTrained: i === 0 ? 201 - 12 * 15 : 15,
      beneficiaries: i === 0 ? 1645 - 12 * 100 : 100,
      notes: '记录',
    }),
  );
  input.problems = [
    ...times(12, () => problem({ category: 'hard', status: 'solved' })),
    ...times(47, () => problem({ category: 'other', status: 'solved' })),
    ...times(3, () => problem({ category: 'hard', status: 'advised' })),
  ];
  input.recommendations = times(37, () => recommendation());
  input.agreements = [
    ...times(12, () => agreement({ kind: 'cooperation' })),
    agreement({ kind: 'expert_appointment', expertIds: experts }),
  ];
  return input;
}

describe('reportSentence', () => {
  it('says the Bishan trip in the words of the province report', () => {
    const figures = computeTripFigures(bishanTrip());
    expect(figures.activities).toMatchObject({ technical_guidance: 5, lecture: 8, seminar: 13 });
    expect(reportSentence(figures, 'zh-CN', { days: 3 })).toBe(
      '3天时间里，14名专家深入9家服务单位开展走访13次，' +
        '总计开展技术指导5次、学术讲座8场、座谈交流13次，解决疑难杂症12个、其他大小问题47个，' +
        '给出有效意见建议37条，直接培训指导201人次，惠及基层群众1645人，签订合作协议12份，14名专家受聘为特聘专家。',
    );
  });

  it('gives the English equivalent with plurals and grouped thousands', () => {
    const figures = computeTripFigures(bishanTrip());
    expect(reportSentence(figures, 'en', { days: 3 })).toBe(
      'Over 3 days, 14 experts made 13 visits to 9 host units, ' +
        'holding 5 technical guidance sessions, 8 lectures and 13 seminars; ' +
        'they solved 12 hard problems and 47 other problems, gave 37 recommendations, ' +
        'trained 201 people directly and benefited 1,645 people locally; ' +
        '12 cooperation agreements were signed and 14 experts were appointed as special advisers.',
    );
  });

  it('leaves zero counts out and uses singular forms for one', () => {
    const input = emptyInput();
    input.members = [member('e1')];
    input.visits = [
      visit({
        expertIds: ['e1'],
        activities: [{ type: 'surgery_guidance', count: 1, topic: '' }],
        peopleTrained: 1,
        notes: 'x',
      }),
    ];
    input.problems = [problem({ category: 'other', status: 'solved' }), problem({ category: 'hard' })];
    input.agreements = [
      agreement({ kind: 'consensus' }),
      agreement({ kind: 'project_contract' }),
      agreement({ kind: 'cooperation', status: 'negotiating', signedDate: '' }),
    ];
    const f = computeTripFigures(input);
    expect(reportSentence(f, 'zh-CN')).toBe(
      '1天时间里，1名专家深入1家服务单位开展走访1次，总计开展手术指导1台，解决其他大小问题1个，' +
        '直接培训指导1人次，签订项目合同1份，达成初步共识1项。',
    );
    expect(reportSentence(f, 'en')).toBe(
      'Over 1 day, 1 expert made 1 visit to 1 host unit, holding 1 guided operation; ' +
        'they solved 1 other problem and trained 1 person directly; ' +
        '1 project contract was signed and 1 preliminary consensus was reached.',
    );
  });

  it('counts appointments as letters when no expert is named on them', () => {
    const input = emptyInput();
    input.visits = [visit({ notes: 'x' })];
    input.agreements = [agreement({ kind: 'expert_appointment' }), agreement({ kind: 'base_construction' })];
    const f = computeTripFigures(input);
    expect(reportSentence(f, 'zh-CN')).toContain('签订专家智力服务基地共建协议1份、特聘专家聘任协议1份');
    expect(reportSentence(f, 'en')).toContain(
      '1 expert-service base agreement and 1 special-adviser appointment were signed',
    );
  });

  it('says there is nothing to report before the first visit', () => {
    const f = computeTripFigures(emptyInput());
    expect(reportSentence(f, 'zh-CN')).toBe('尚未记录走访，暂无可汇总的成果。');
    expect(reportSentence(f, 'en')).toMatch(/No visits have been recorded yet/);
  });

  it('falls back to "the experts" when no team member took part', () => {
    const input = emptyInput();
    input.visits = [visit({ expertIds: ['not-in-team'], notes: 'x' })];
    const f = computeTripFigures(input);
    expect(reportSentence(f, 'zh-CN')).toMatch(/^1天时间里，专家们深入1家服务单位/);
    expect(reportSentence(f, 'en')).toMatch(/^Over 1 day, the experts made 1 visit/);
  });
});
