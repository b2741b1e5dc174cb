import { describe, expect, it } from 'vitest';
import { computeTripFigures, daysBetween } from '../../../../shared/report';
import {
  agreement,
  emptyInput,
  followUp,
  member,
  need,
  problem,
  recommendation,
  times,
  visit,
} from './fixtures';

describe('computeTripFigures', () => {
  it('reports zero for every figure of an empty trip, with every activity type and agreement kind present', () => {
    const f = computeTripFigures(emptyInput());
    expect(f).toEqual({
      visits: 0,
      visitDays: 0,
      hostsServed: 0,
      hostsListed: 0,
      activities: {
        site_research: 0,
        technical_guidance: 0,
        lecture: 0,
        academic_exchange: 0,
        seminar: 0,
        training: 0,
        outpatient: 0,
        surgery_guidance: 0,
        other: 0,
      },
      activitySessions: 0,
      problems: { total: 0, solved: 0, hard: { total: 0, solved: 0 }, other: { total: 0, solved: 0 } },
      recommendations: { total: 0, adopted: 0 },
      peopleTrained: 0,
      beneficiaries: 0,
      agreements: {
        total: 0,
        signed: 0,
        appointedExperts: 0,
        byKind: {
          cooperation: { total: 0, signed: 0 },
          base_construction: { total: 0, signed: 0 },
          expert_appointment: { total: 0, signed: 0 },
          tech_equity: { total: 0, signed: 0 },
          project_contract: { total: 0, signed: 0 },
          consensus: { total: 0, signed: 0 },
        },
      },
      needs: { total: 0, covered: 0 },
      experts: { active: 0, members: 0 },
      attention: [],
    });
  });

  it('sums activity sessions per type, people trained and beneficiaries over all visits', () => {
    const input = emptyInput();
    input.visits = [
      visit({
        hostId: 'h1',
        date: '2025-06-23',
        activities: [
          { type: 'lecture', count: 2, topic: '中医与细胞治疗' },
          { type: 'technical_guidance', count: 1, topic: '' },
        ],
        peopleTrained: 40,
        beneficiaries: 300,
        notes: 'x',
      }),
      visit({
        hostId: 'h2',
        date: '2025-06-24',
        activities: [
          { type: 'lecture', count: 3, topic: '' },
          { type: 'surgery_guidance', count: 4, topic: '' },
        ],
        peopleTrained: 11,
        beneficiaries: 5,
        notes: 'x',
      }),
      visit({
        hostId: 'h1',
        date: '2025-06-24',
        activities: [{ type: 'seminar', count: 1, topic: '' }],
        notes: 'x',
      }),
    ];
    const f = computeTripFigures(input);
    expect(f.visits).toBe(3);
    expect(f.visitDays).toBe(2);
    expect(f.hostsServed).toBe(2);
    expect(f.activities).toMatchObject({
      lecture: 5,
      technical_guidance: 1,
      surgery_guidance: 4,
      seminar: 1,
      training: 0,
    });
    expect(f.activitySessions).toBe(11);
    expect(f.peopleTrained).toBe(51);
    expect(f.beneficiaries).toBe(305);
  });

  it('splits problems into hard and other and counts only status "solved" as solved', () => {
    const input = emptyInput();
    input.problems = [
      problem({ category: 'hard', status: 'solved' }),
      problem({ category: 'hard', status: 'advised' }),
      problem({ category: 'hard', status: 'follow_up' }),
      problem({ category: 'other', status: 'solved' }),
      problem({ category: 'other', status: 'solved' }),
      problem({ category: 'other', status: 'identified' }),
    ];
    input.recommendations = [
      recommendation({ adopted: true }),
      recommendation(),
      recommendation({ adopted: true }),
    ];
    const f = computeTripFigures(input);
    expect(f.problems).toEqual({
      total: 6,
      solved: 3,
      hard: { total: 3, solved: 1 },
      other: { total: 3, solved: 2 },
    });
    expect(f.recommendations).toEqual({ total: 3, adopted: 2 });
  });

  it('counts agreements per kind and as signed only when concluded; appointed experts are distinct', () => {
    const input = emptyInput();
    input.agreements = [
      agreement({ kind: 'cooperation', status: 'signed' }),
      agreement({ kind: 'cooperation', status: 'in_effect' }),
      agreement({ kind: 'cooperation', status: 'negotiating', signedDate: '' }),
      agreement({ kind: 'base_construction', status: 'completed' }),
      agreement({ kind: 'tech_equity', status: 'terminated' }),
      agreement({ kind: 'expert_appointment', status: 'signed', expertIds: ['e1', 'e2'] }),
      agreement({ kind: 'expert_appointment', status: 'signed', expertIds: ['e2', 'e3'] }),
      agreement({ kind: 'expert_appointment', status: 'draft', signedDate: '', expertIds: ['e9'] }),
    ];
    const f = computeTripFigures(input);
    expect(f.agreements.total).toBe(8);
    expect(f.agreements.signed).toBe(5);
    expect(f.agreements.byKind.cooperation).toEqual({ total: 3, signed: 2 });
    expect(f.agreements.byKind.base_construction).toEqual({ total: 1, signed: 1 });
    expect(f.agreements.byKind.tech_equity).toEqual({ total: 1, signed: 0 });
    expect(f.agreements.byKind.expert_appointment).toEqual({ total: 3, signed: 2 });
    expect(f.agreements.byKind.consensus).toEqual({ total: 0, signed: 0 });
    expect(f.agreements.appointedExperts).toBe(3);
  });

  it('covers a need that a visit lists or that was addressed, and counts team members who visited', () => {
    const input = emptyInput();
    const visited = need({ hostId: 'h1' });
    const addressed = need({ hostId: 'h2', status: 'addressed' });
    const open = need({ hostId: 'h3' });
    input.needs = [visited, addressed, open];
    input.members = [member('e1'), member('e2'), member('e3')];
    input.visits = [
      visit({ hostId: 'h1', needIds: [visited.id], expertIds: ['e1', 'e2', 'former-member'], notes: 'x' }),
    ];
    input.hosts = [{ id: 'h1' }, { id: 'h4' }];
    const f = computeTripFigures(input);
    expect(f.needs).toEqual({ total: 3, covered: 2 });
    expect(f.experts).toEqual({ active: 2, members: 3 });
    expect(f.hostsServed).toBe(1);
    expect(f.hostsListed).toBe(4);
  });
});

describe('attention items', () => {
  it('flags a visit only when it has no problem, no recommendation and no notes', () => {
    const input = emptyInput();
    const empty = visit({ date: '2025-06-24' });
    const blankNotes = visit({ date: '2025-06-23', notes: '   ' });
    const withNotes = visit({ notes: '已调研生产线' });
    const withProblem = visit();
    const withRecommendation = visit();
    input.visits = [empty, blankNotes, withNotes, withProblem, withRecommendation];
    input.problems = [problem({ visitId: withProblem.id })];
    input.recommendations = [recommendation({ visitId: withRecommendation.id })];
    input.members = [member('expert-1')];
    const f = computeTripFigures(input);
    // Sorted by date: the earlier visit first.
    expect(f.attention).toEqual([
      { kind: 'visitEmpty', visitId: blankNotes.id, hostId: 'host-1', date: '2025-06-23' },
      { kind: 'visitEmpty', visitId: empty.id, hostId: 'host-1', date: '2025-06-24' },
    ]);
  });

  it('flags needs nobody visited unless addressed or closed', () => {
    const input = emptyInput();
    const open = need({ title: '电池材料提纯', hostId: 'h1' });
    const matched = need({ title: '人才引进', status: 'matched', hostId: 'h2' });
    input.needs = [open, matched, need({ status: 'addressed' }), need({ status: 'closed' })];
    const f = computeTripFigures(input);
    expect(f.attention).toEqual([
      { kind: 'needUnvisited', needId: open.id, hostId: 'h1', title: '电池材料提纯' },
      { kind: 'needUnvisited', needId: matched.id, hostId: 'h2', title: '人才引进' },
    ]);
  });

  it('flags concluded agreements without a signing date and agreements without parties', () => {
    const input = emptyInput();
    const noDate = agreement({ title: 'A', status: 'in_effect', signedDate: '' });
    const terminatedNoDate = agreement({ title: 'B', status: 'terminated', signedDate: '' });
    const draft = agreement({ title: 'C', status: 'draft', signedDate: '', parties: [] });
    const fine = agreement({ title: 'D' });
    input.agreements = [noDate, terminatedNoDate, draft, fine];
    const f = computeTripFigures(input);
    expect(f.attention).toEqual([
      { kind: 'agreementNoSignedDate', agreementId: noDate.id, title: 'A' },
      { kind: 'agreementNoSignedDate', agreementId: terminatedNoDate.id, title: 'B' },
      { kind: 'agreementNoParties', agreementId: draft.id, title: 'C' },
    ]);
  });

  it('counts a follow-up as overdue only from the day after its due date, and never when done or cancelled', () => {
    const input = emptyInput('2025-07-01');
    const dueToday = followUp({ dueDate: '2025-07-01' });
    const dueYesterday = followUp({ dueDate: '2025-06-30', action: '月度回访' });
    const longAgo = followUp({ dueDate: '2025-05-31', status: 'in_progress', action: '季度会商' });
    input.followUps = [
      dueToday,
      dueYesterday,
      longAgo,
      followUp({ dueDate: '2025-01-01', status: 'done' }),
      followUp({ dueDate: '2025-01-01', status: 'cancelled' }),
      followUp({ dueDate: '2025-08-01' }),
    ];
    const f = computeTripFigures(input);
    expect(f.attention).toEqual([
      {
        kind: 'followUpOverdue',
        followUpId: longAgo.id,
        action: '季度会商',
        dueDate: '2025-05-31',
        daysOverdue: 31,
      },
      {
        kind: 'followUpOverdue',
        followUpId: dueYesterday.id,
        action: '月度回访',
        dueDate: '2025-06-30',
        daysOverdue: 1,
      },
    ]);
  });

  it('counts an expert added twice (by two offline devices) as one team member', () => {
    const input = emptyInput();
    const first = member('e1');
    input.members = [first, member('e1'), member('e2')];
    input.visits = [visit({ expertIds: ['e2'], notes: 'x' })];
    const f = computeTripFigures(input);
    expect(f.experts).toEqual({ active: 1, members: 2 });
    expect(f.attention).toEqual([{ kind: 'memberIdle', memberId: first.id, expertId: 'e1' }]);
  });

  it('flags team members who took part in no visit', () => {
    const input = emptyInput();
    const busy = member('e1');
    const idle = member('e2');
    input.members = [busy, idle];
    input.visits = [visit({ expertIds: ['e1'], notes: 'x' })];
    expect(computeTripFigures(input).attention).toEqual([
      { kind: 'memberIdle', memberId: idle.id, expertId: 'e2' },
    ]);
  });

  it('lists attention items grouped in record order: visits, needs, agreements, follow-ups, members', () => {
    const input = emptyInput();
    input.members = [member('nobody')];
    input.followUps = [followUp({ dueDate: '2025-06-01' })];
    input.agreements = [agreement({ parties: [] })];
    input.needs = [need()];
    input.visits = [visit({ expertIds: ['someone'] })];
    const kinds = computeTripFigures(input).attention.map((a) => a.kind);
    expect(kinds).toEqual([
      'visitEmpty',
      'needUnvisited',
      'agreementNoParties',
      'followUpOverdue',
      'memberIdle',
    ]);
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days across month ends and leap days', () => {
    expect(daysBetween('2025-06-30', '2025-07-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-30', '2025-03-30')).toBe(0);
  });
});

describe('scale', () => {
  it('handles a trip of hundreds of visits', () => {
    const input = emptyInput();
    input.visits = times(500, (i) =>
      visit({
        hostId: `h${i % 50}`,
        activities: [{ type: 'lecture', count: 2, topic: '' }],
        peopleTrained: 3,
        notes: 'x',
      }),
    );
    const f = computeTripFigures(input);
    expect(f.activities.lecture).toBe(1000);
    expect(f.hostsServed).toBe(50);
    expect(f.peopleTrained).toBe(1500);
  });
});
