import type { ExpertKey } from './experts';
import type { HostKey } from './hosts';
import type { NeedKey } from './needs';
import type { VisitKey } from './visits';

/**
 * Follow-up after the trip, on the “1346” cadence of seed 001 (一周一微型沙龙、一月一组团帮扶、
 * 一季一深度会商、半年一课题攻坚、一年一成果转化、三年一产业跨越) plus two organiser chores.
 * Due dates count from the last day of the trip.
 */
export type FollowUpRelation =
  | { type: 'visit'; key: VisitKey }
  | { type: 'need'; key: NeedKey }
  | { type: 'host'; key: HostKey }
  | { type: 'agreement'; cooperation: string }
  | { type: 'problem'; visit: VisitKey; title: string };

export type FollowUpSeed = {
  action: string;
  owner: ExpertKey;
  daysAfterTrip: number;
  related: FollowUpRelation;
  /** Part of the recurring cadence: the most recent cadence step already due is the one shown running late. */
  cadence: boolean;
  /** The notes, depending on where the step stands on the day the demo is loaded. */
  notes: { done: string; late?: string; planned?: string };
};

export const demoFollowUps: FollowUpSeed[] = [
  {
    action: '一周一沙龙：健康管理组线上微型沙龙，交流体脂监测设备校准进展',
    owner: 'liu',
    daysAfterTrip: 7,
    related: { type: 'need', key: 'parkHealthTransfer' },
    cadence: true,
    notes: { done: '园区3家企业参加，校准模型在两款手环上试用。', late: '企业数据尚未提交，沙龙推迟。' },
  },
  {
    action: '整理活动总结和成果数据，报送重庆市人力社保局和四川省人社厅',
    owner: 'peng',
    daysAfterTrip: 10,
    related: { type: 'visit', key: 'closing' },
    cadence: false,
    notes: { done: '汇总技术指导、讲座、座谈、问题、建议、培训和惠及人数等数据。' },
  },
  {
    action: '向14名特聘专家寄送聘书，建立专家联系台账',
    owner: 'peng',
    daysAfterTrip: 14,
    related: { type: 'host', key: 'government' },
    cadence: false,
    notes: { done: '聘书已全部送达，台账已建立。' },
  },
  {
    action: '一月一组团：回访重庆东嶅药业，检查炮制工艺参数标准落实情况',
    owner: 'chen',
    daysAfterTrip: 30,
    related: { type: 'visit', key: 'dongao' },
    cadence: true,
    notes: { done: '酒炙、醋炙两类饮片已按新参数连续生产。', late: '企业生产任务紧，回访时间待定。' },
  },
  {
    action: '一季一会商：与中核鲲硼深度会商BNCT联合攻关进展',
    owner: 'jiang',
    daysAfterTrip: 91,
    related: { type: 'agreement', cooperation: 'BNCT强流直线加速器关键技术联合攻关合作协议' },
    cadence: true,
    notes: { done: '锂靶微通道水冷样件完成热工试验。', late: '样件加工延期，会商顺延。' },
  },
  {
    action: '半年一攻坚：加速器长时间运行束流稳定性课题攻关',
    owner: 'yang',
    daysAfterTrip: 182,
    related: { type: 'problem', visit: 'kunpeng', title: '加速器长时间运行的束流稳定性' },
    cadence: true,
    notes: {
      done: '完成连续运行试验方案，采集数据用于漂移建模。',
      late: '连续运行试验因设备检修推迟，需督促排期。',
    },
  },
  {
    action: '一年一转化：无卤阻燃聚丙烯完成中试并实现成果转化',
    owner: 'sun',
    daysAfterTrip: 365,
    related: { type: 'need', key: 'materialsFlameRetardant' },
    cadence: true,
    notes: { done: '中试配方已定型。', late: '中试线设备到货延迟，转化进度滞后，需协调设备供应商。' },
  },
  {
    action: '三年一跨越：评估专家服务对璧山生命健康和先进制造产业的带动成效',
    owner: 'peng',
    daysAfterTrip: 3 * 365 + 1,
    related: { type: 'host', key: 'government' },
    cadence: true,
    notes: { done: '评估报告已报送区委、区政府。', planned: '结合特聘专家三年聘期届满开展评估。' },
  },
];
