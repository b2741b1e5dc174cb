import { createRecord } from '../../../renderer/data/repository';
import { seedTrip } from '../trips/fixtures';

/**
 * A small hand-made trip, written through the repository as the screens write it: two groups and an
 * expert without one, three hosts, one visit an organiser rejected (it and its problem must not count),
 * agreements of three kinds, and follow-ups overdue, done and not yet due.
 */
export async function seedReportTrip() {
  const trip = await seedTrip({ focusFields: ['中医药', '核医学'] });
  const hostA = await createRecord('hosts', { name: '重庆东嶅药业有限公司', district: '璧山区' });
  const hostB = await createRecord('hosts', { name: '中核鲲硼肿瘤核医学治疗技术研究所', kind: 'institute' });
  const hostC = await createRecord('hosts', { name: '璧山区人民医院', kind: 'hospital' });
  const experts = [];
  for (const [name, title] of [
    ['陈绍成', '教授'],
    ['姜伯承', '研究员'],
    ['杨磊', '主任医师'],
    ['丁显平', '教授'],
  ] as const) {
    experts.push(await createRecord('experts', { name, title, affiliation: '重庆第二师范学院' }));
  }
  const [e1, e2, e3, e4] = experts;
  if (!e1 || !e2 || !e3 || !e4) throw new Error('experts not created');
  await createRecord('tripMembers', {
    tripId: trip.id,
    expertId: e1.id,
    role: 'chief_expert',
    group: '中医药组',
  });
  await createRecord('tripMembers', { tripId: trip.id, expertId: e2.id, group: '中医药组' });
  await createRecord('tripMembers', { tripId: trip.id, expertId: e3.id, group: '核医学组' });
  await createRecord('tripMembers', { tripId: trip.id, expertId: e4.id, role: 'liaison' });

  const need1 = await createRecord('needs', {
    tripId: trip.id,
    hostId: hostA.id,
    title: '中药饮片炮制工艺优化',
    field: '中药',
  });
  await createRecord('needs', { tripId: trip.id, hostId: hostB.id, title: '强流直线加速器研发' });
  const v1 = await createRecord('visits', {
    tripId: trip.id,
    hostId: hostA.id,
    needIds: [need1.id],
    date: '2025-06-23',
    expertIds: [e1.id, e2.id],
    activities: [
      { type: 'technical_guidance', count: 2 },
      { type: 'lecture', count: 1 },
    ],
    peopleTrained: 30,
    beneficiaries: 200,
    notes: '调研饮片生产流程',
  });
  await createRecord('visits', {
    tripId: trip.id,
    hostId: hostB.id,
    date: '2025-06-24',
    expertIds: [e3.id],
    activities: [{ type: 'seminar', count: 3 }],
  });
  const rejected = await createRecord('visits', {
    tripId: trip.id,
    hostId: hostC.id,
    date: '2025-06-25',
    expertIds: [e4.id],
    activities: [{ type: 'technical_guidance', count: 4 }],
    peopleTrained: 99,
    reviewState: 'rejected',
  });
  await createRecord('problems', {
    tripId: trip.id,
    visitId: rejected.id,
    title: '不应计入的问题',
    category: 'hard',
    status: 'solved',
  });
  for (const [i, p] of [
    { category: 'hard', status: 'solved' },
    { category: 'hard', status: 'advised' },
    { category: 'other', status: 'solved' },
    { category: 'other', status: 'solved' },
  ].entries()) {
    await createRecord('problems', {
      tripId: trip.id,
      visitId: v1.id,
      title: `饮片问题${i + 1}`,
      ...(p as { category: 'hard' | 'other'; status: 'solved' | 'advised' }),
    });
  }
  await createRecord('recommendations', {
    tripId: trip.id,
    visitId: v1.id,
    text: '优化炮制流程',
    adopted: true,
  });
  await createRecord('recommendations', { tripId: trip.id, visitId: v1.id, text: '引进中药学人才' });
  await createRecord('agreements', {
    tripId: trip.id,
    hostId: hostA.id,
    title: '中药饮片技术合作协议',
    kind: 'cooperation',
    status: 'signed',
    signedDate: '2025-06-25',
    parties: ['重庆东嶅药业有限公司', '重庆第二师范学院'],
    amount: 50,
  });
  await createRecord('agreements', {
    tripId: trip.id,
    hostId: hostA.id,
    title: '特聘专家聘任书',
    kind: 'expert_appointment',
    status: 'signed',
    signedDate: '2025-06-25',
    parties: ['重庆东嶅药业有限公司'],
    expertIds: [e1.id, e2.id],
  });
  await createRecord('agreements', {
    tripId: trip.id,
    hostId: hostB.id,
    title: 'BNCT 装备联合研发意向',
    kind: 'consensus',
    status: 'negotiating',
  });
  // Rejected by an organiser: neither counted nor listed.
  await createRecord('agreements', {
    tripId: trip.id,
    hostId: hostB.id,
    title: '重复录入的合作协议',
    kind: 'cooperation',
    status: 'signed',
    signedDate: '2025-06-25',
    reviewState: 'rejected',
  });
  await createRecord('followUps', { tripId: trip.id, action: '月度回访', dueDate: '2000-01-31' });
  await createRecord('followUps', {
    tripId: trip.id,
    action: '已完成的回访',
    dueDate: '2000-01-01',
    status: 'done',
  });
  await createRecord('followUps', { tripId: trip.id, action: '年度成果转化', dueDate: '2999-01-01' });
  return { trip, hosts: { hostA, hostB, hostC }, experts: { e1, e2, e3, e4 } };
}
