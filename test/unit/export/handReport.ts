import { ACTIVITY_TYPES, AGREEMENT_KINDS, type TripReport } from '../../../shared/report';

/**
 * A small trip report written by hand (not computed), so the builders are tested against numbers
 * chosen here: every figure differs from the others, and a wrong mapping shows.
 */
const zeroActivities = Object.fromEntries(
  ACTIVITY_TYPES.map((a) => [a, 0]),
) as TripReport['figures']['activities'];
const noAgreements = Object.fromEntries(
  AGREEMENT_KINDS.map((k) => [k, { total: 0, signed: 0 }]),
) as TripReport['figures']['agreements']['byKind'];

const expert = (expertId: string, name: string, role: string, group: string) => ({
  expertId,
  name,
  title: '教授',
  affiliation: '重庆大学',
  role,
  group,
  fields: ['新材料'],
});

export function handReport(): TripReport {
  const chief = expert('e1', '李明远', 'chief_expert', '新材料组');
  const member = expert('e2', '王晓燕', 'expert', '新材料组');
  return {
    formatVersion: 1,
    trip: {
      id: 't1',
      title: '2025年专家服务团“走进江津”',
      region: '重庆市江津区',
      startDate: '2025-09-01',
      endDate: '2025-09-03',
      days: 3,
      organisers: ['重庆市人力资源和社会保障局'],
      coOrganisers: ['江津区人力资源和社会保障局'],
      focusFields: ['新材料'],
      locked: false,
    },
    today: '2025-10-08',
    figures: {
      visits: 4,
      visitDays: 2,
      hostsServed: 2,
      hostsListed: 3,
      activities: {
        ...zeroActivities,
        technical_guidance: 5,
        lecture: 3,
        seminar: 7,
        training: 2,
        outpatient: 4,
      },
      activitySessions: 21,
      problems: { total: 17, solved: 14, hard: { total: 6, solved: 5 }, other: { total: 11, solved: 9 } },
      recommendations: { total: 23, adopted: 8 },
      peopleTrained: 156,
      beneficiaries: 1234,
      agreements: {
        total: 4,
        signed: 3,
        byKind: {
          ...noAgreements,
          cooperation: { total: 3, signed: 2 },
          expert_appointment: { total: 1, signed: 1 },
        },
        appointedExperts: 1,
      },
      needs: { total: 10, covered: 8 },
      experts: { active: 2, members: 2 },
      attention: [],
    },
    sentence: {
      zh: '3天时间里，2名专家深入2家服务单位开展走访4次，总计开展技术指导5次。',
      en: 'Over 3 days, 2 experts made 4 visits to 2 host units.',
    },
    fieldsCovered: ['新材料', '智能制造'],
    team: [chief, member],
    expertsAppointed: [{ ...chief, hostNames: ['重庆江津新材料有限公司'] }],
    excluded: { rejectedVisits: 1, rejectedAgreements: 2 },
    groups: [
      {
        group: '新材料组',
        experts: [chief, member],
        visits: 4,
        hostsServed: 2,
        activitySessions: 21,
        problemsSolved: 14,
        recommendations: 23,
        peopleTrained: 156,
        beneficiaries: 1234,
        agreementsSigned: 3,
      },
    ],
    hosts: [
      {
        hostId: 'h1',
        name: '重庆江津新材料有限公司',
        kind: 'enterprise',
        district: '江津区',
        industry: '新材料',
        dates: ['2025-09-01', '2025-09-02'],
        visits: 2,
        expertNames: ['李明远', '王晓燕'],
        activities: { ...zeroActivities, technical_guidance: 3, lecture: 1 },
        peopleTrained: 40,
        beneficiaries: 300,
        needs: [{ id: 'n1', title: '高分子材料改性', kind: 'technical', status: 'matched' }],
        problems: [
          { id: 'p1', title: '注塑件翘曲变形', category: 'hard', status: 'solved', field: '新材料' },
          { id: 'p2', title: '车间通风不足', category: 'other', status: 'advised', field: '' },
        ],
        recommendations: [
          { id: 'r1', text: '调整模温与保压时间', adopted: true },
          { id: 'r2', text: '增设排风设备', adopted: false },
        ],
        agreements: [{ id: 'a1', title: '材料改性技术合作协议', kind: 'cooperation', status: 'signed' }],
      },
      {
        hostId: 'h2',
        name: '江津区中心医院',
        kind: 'hospital',
        district: '江津区',
        industry: '',
        dates: ['2025-09-02'],
        visits: 2,
        expertNames: ['王晓燕'],
        activities: { ...zeroActivities, outpatient: 4 },
        peopleTrained: 0,
        beneficiaries: 0,
        needs: [],
        problems: [],
        recommendations: [],
        agreements: [],
      },
    ],
    agreements: [
      {
        id: 'a1',
        title: '材料改性技术合作协议',
        kind: 'cooperation',
        status: 'signed',
        concluded: true,
        hostId: 'h1',
        hostName: '重庆江津新材料有限公司',
        parties: ['重庆江津新材料有限公司', '重庆大学'],
        expertNames: ['李明远'],
        signedDate: '2025-09-03',
        termStart: '2025-09-03',
        termEnd: '2028-09-02',
        amount: 50,
      },
    ],
    openFollowUps: [
      {
        id: 'f1',
        action: '回访注塑工艺改进效果',
        owner: '李明远',
        dueDate: '2025-10-01',
        status: 'planned',
        overdue: true,
        relatedType: 'host',
        relatedLabel: '重庆江津新材料有限公司',
      },
    ],
  };
}
