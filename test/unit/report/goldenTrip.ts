import type { ReportInput } from '../../../shared/report';
import { emptyInputFor, make, uid } from './records';

/**
 * A small trip whose report was worked out by hand (see tripReport.test.ts for the expected numbers):
 * 5 calendar days, 4 team members in two named groups and one without a group, 3 hosts (one only
 * listed through a need), 4 visits of which one is rejected, 5 problems, 3 recommendations,
 * 4 agreements, 4 follow-ups.
 */
export const ID = {
  trip: uid(1),
  e1: uid(11),
  e2: uid(12),
  e3: uid(13),
  e4: uid(14),
  h1: uid(21),
  h2: uid(22),
  h3: uid(23),
  n1: uid(31),
  n2: uid(32),
  v1: uid(41),
  v2: uid(42),
  v3: uid(43),
  v4: uid(44),
  p1: uid(51),
  p2: uid(52),
  p3: uid(53),
  p4: uid(54),
  p5: uid(55),
  r1: uid(61),
  r2: uid(62),
  r3: uid(63),
  a1: uid(71),
  a2: uid(72),
  a3: uid(73),
  a4: uid(74),
  f1: uid(81),
  f2: uid(82),
  f3: uid(83),
  f4: uid(84),
} as const;

export const GOLDEN_TODAY = '2025-07-05';

export function goldenInput(today = GOLDEN_TODAY): ReportInput {
  const tripId = ID.trip;
  const trip = make('trips', {
    id: tripId,
    title: '2025年专家服务活动(测试)',
    region: '重庆市璧山区',
    startDate: '2025-06-22',
    endDate: '2025-06-26',
    organisers: ['重庆市人力资源和社会保障局'],
    focusFields: ['智能制造'],
  });
  const visit = (
    id: string,
    hostId: string,
    date: string,
    expertIds: string[],
    activities: { type: 'technical_guidance' | 'lecture' | 'seminar' | 'outpatient'; count: number }[],
    more: { peopleTrained?: number; beneficiaries?: number; reviewState?: string; needIds?: string[] },
  ) =>
    make('visits', {
      id,
      tripId,
      hostId,
      date,
      expertIds,
      activities,
      ...more,
      reviewState: (more.reviewState ?? 'draft') as 'draft',
    });
  return {
    ...emptyInputFor(trip, today),
    experts: [
      make('experts', { id: ID.e1, name: '张伟', title: '教授', affiliation: '重庆大学' }),
      make('experts', { id: ID.e2, name: '李娜', affiliation: '重庆大学' }),
      make('experts', { id: ID.e3, name: '王芳', affiliation: '四川大学' }),
      make('experts', { id: ID.e4, name: '陈静', affiliation: '' }),
    ],
    members: [
      make('tripMembers', { tripId, expertId: ID.e1, role: 'group_leader', group: '智能制造' }),
      make('tripMembers', { tripId, expertId: ID.e2, role: 'expert', group: '智能制造' }),
      make('tripMembers', { tripId, expertId: ID.e3, role: 'group_leader', group: '健康管理' }),
      make('tripMembers', { tripId, expertId: ID.e4, role: 'liaison' }),
    ],
    hosts: [
      make('hosts', { id: ID.h1, name: '重庆甲公司', kind: 'enterprise', district: '璧山区' }),
      make('hosts', { id: ID.h2, name: '璧山医院', kind: 'hospital' }),
      make('hosts', { id: ID.h3, name: '乙村', kind: 'village' }),
    ],
    needs: [
      make('needs', {
        id: ID.n1,
        tripId,
        hostId: ID.h1,
        title: '产线改造',
        field: '工业机器人',
        status: 'matched',
      }),
      make('needs', { id: ID.n2, tripId, hostId: ID.h3, title: '果树种植', status: 'open' }),
    ],
    visits: [
      visit(
        ID.v1,
        ID.h1,
        '2025-06-24',
        [ID.e1, ID.e2],
        [
          { type: 'technical_guidance', count: 2 },
          { type: 'lecture', count: 1 },
        ],
        { peopleTrained: 30, beneficiaries: 100, reviewState: 'approved', needIds: [ID.n1] },
      ),
      visit(ID.v2, ID.h2, '2025-06-23', [ID.e3], [{ type: 'outpatient', count: 5 }], {
        beneficiaries: 50,
        reviewState: 'submitted',
      }),
      visit(ID.v3, ID.h1, '2025-06-25', [ID.e1, ID.e3], [{ type: 'seminar', count: 1 }], {
        peopleTrained: 10,
        reviewState: 'has_issues',
      }),
      visit(ID.v4, ID.h2, '2025-06-25', [ID.e3], [{ type: 'lecture', count: 4 }], {
        peopleTrained: 100,
        beneficiaries: 500,
        reviewState: 'rejected',
      }),
    ],
    problems: [
      make('problems', {
        id: ID.p1,
        tripId,
        visitId: ID.v1,
        hostId: ID.h1,
        title: '焊接机器人精度不足',
        category: 'hard',
        status: 'solved',
        field: '工业机器人',
      }),
      make('problems', {
        id: ID.p2,
        tripId,
        visitId: ID.v1,
        hostId: ID.h1,
        title: '安全培训缺失',
        status: 'solved',
      }),
      make('problems', {
        id: ID.p3,
        tripId,
        visitId: ID.v2,
        hostId: ID.h2,
        title: '慢病随访不足',
        status: 'advised',
        field: '慢病管理',
      }),
      make('problems', {
        id: ID.p4,
        tripId,
        visitId: ID.v3,
        hostId: ID.h1,
        title: '能耗偏高',
        category: 'hard',
        status: 'solved',
      }),
      make('problems', {
        id: ID.p5,
        tripId,
        visitId: ID.v4,
        hostId: ID.h2,
        title: '骨科术后康复',
        category: 'hard',
        status: 'solved',
        field: '骨科',
      }),
    ],
    recommendations: [
      make('recommendations', { id: ID.r1, tripId, visitId: ID.v1, text: '更换伺服电机', adopted: true }),
      make('recommendations', { id: ID.r2, tripId, visitId: ID.v2, text: '建立随访档案' }),
      make('recommendations', { id: ID.r3, tripId, visitId: ID.v4, text: '加强康复训练' }),
    ],
    agreements: [
      make('agreements', {
        id: ID.a1,
        tripId,
        hostId: ID.h1,
        visitId: ID.v1,
        kind: 'cooperation',
        title: '技术合作协议',
        status: 'signed',
        signedDate: '2025-06-25',
        parties: ['重庆甲公司', '重庆大学'],
        expertIds: [ID.e1],
        amount: 50,
      }),
      make('agreements', {
        id: ID.a2,
        tripId,
        hostId: ID.h2,
        kind: 'expert_appointment',
        title: '特聘专家聘任',
        status: 'signed',
        signedDate: '2025-06-25',
        expertIds: [ID.e3],
      }),
      make('agreements', {
        id: ID.a3,
        tripId,
        hostId: ID.h1,
        kind: 'expert_appointment',
        title: '特聘专家聘任书',
        status: 'in_effect',
        signedDate: '2025-06-24',
        expertIds: [ID.e1, ID.e2],
      }),
      make('agreements', {
        id: ID.a4,
        tripId,
        hostId: ID.h1,
        kind: 'consensus',
        title: '初步合作意向',
        status: 'negotiating',
      }),
    ],
    followUps: [
      make('followUps', {
        id: ID.f1,
        tripId,
        relatedType: 'host',
        relatedId: ID.h1,
        action: '回访产线改造',
        owner: '张伟',
        dueDate: '2025-06-30',
      }),
      make('followUps', {
        id: ID.f2,
        tripId,
        relatedType: 'visit',
        relatedId: ID.v2,
        action: '复诊',
        dueDate: '2025-07-10',
        status: 'in_progress',
      }),
      make('followUps', { id: ID.f3, tripId, action: '已办', dueDate: '2025-06-01', status: 'done' }),
      make('followUps', { id: ID.f4, tripId, action: '取消', dueDate: '2025-07-01', status: 'cancelled' }),
    ],
  };
}
