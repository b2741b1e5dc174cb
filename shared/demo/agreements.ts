import type { agreementStatuses } from '../enums';
import type { ExpertKey } from './experts';
import type { HostKey } from './hosts';
import type { VisitKey } from './visits';

/**
 * What was signed at the closing ceremony: “与企业签订12份合作协议” (the twelve cooperation agreements
 * below, illustrative in their details) and “14名专家全部受聘为特聘专家” (one appointment per expert,
 * made by the builder from the team list).
 */
export type CooperationSeed = {
  host: HostKey;
  /** The visit at which the cooperation was worked out. */
  visit: VisitKey;
  title: string;
  experts: ExpertKey[];
  /** Parties besides the host; the host's own name is added by the builder. */
  partners: string[];
  /** 万元. */
  amount: number;
  years: number;
  /** The status while the term runs; a term already over when the demo is loaded reads 'completed'. */
  status: keyof typeof agreementStatuses;
  notes?: string;
};

export const APPOINTMENT_TITLE = '助力璧山高质量发展特聘专家';
export const APPOINTMENT_YEARS = 3;

export const demoCooperations: CooperationSeed[] = [
  {
    host: 'dongao',
    visit: 'dongao',
    title: '中药饮片炮制工艺标准化技术服务合作协议',
    experts: ['chen'],
    partners: ['重庆第二师范学院'],
    amount: 20,
    years: 2,
    status: 'in_effect',
  },
  {
    host: 'dongao',
    visit: 'dongao',
    title: '中药饮片质量控制联合实验室共建协议',
    experts: ['chen'],
    partners: ['重庆第二师范学院'],
    amount: 0,
    years: 3,
    status: 'in_effect',
    notes: '企业提供场地和检测设备，学校派驻研究生开展质量标准研究。',
  },
  {
    host: 'kunpeng',
    visit: 'kunpeng',
    title: 'BNCT强流直线加速器关键技术联合攻关合作协议',
    experts: ['jiang', 'yang'],
    partners: ['重庆大学超瞬态装置实验室'],
    amount: 80,
    years: 3,
    status: 'in_effect',
    notes: '攻关内容：RFQ传输效率、锂靶散热、束流整形和长时间运行稳定性。',
  },
  {
    host: 'kunpeng',
    visit: 'kunpeng',
    title: '加速器物理与医学物理人才联合培养合作协议',
    experts: ['jiang'],
    partners: ['重庆大学超瞬态装置实验室'],
    amount: 0,
    years: 3,
    status: 'in_effect',
  },
  {
    host: 'hospital',
    visit: 'hospital',
    title: '体重管理与细胞治疗临床研究合作协议',
    experts: ['ding', 'liu'],
    partners: ['四川大学华西第二医院', '重庆医科大学附属第一医院'],
    amount: 0,
    years: 3,
    status: 'in_effect',
  },
  {
    host: 'lifePark',
    visit: 'lifePark',
    title: '健康管理技术成果转化合作协议',
    experts: ['liu', 'wang', 'zhang', 'sun'],
    partners: ['重庆市技术转移服务中心'],
    amount: 0,
    years: 2,
    status: 'signed',
  },
  {
    host: 'equipment',
    visit: 'equipment',
    title: '焊接机器人视觉纠偏技术开发合作协议',
    experts: ['li'],
    partners: ['重庆大学机械与运载工程学院'],
    amount: 35,
    years: 1,
    status: 'in_effect',
  },
  {
    host: 'equipment',
    visit: 'equipment',
    title: '数字化车间规划咨询合作协议',
    experts: ['he'],
    partners: ['四川省机械研究设计院（集团）有限公司'],
    amount: 12,
    years: 1,
    status: 'in_effect',
  },
  {
    host: 'materials',
    visit: 'materials',
    title: '无卤阻燃聚丙烯增韧改性技术合作协议',
    experts: ['zhao'],
    partners: ['重庆理工大学材料科学与工程学院'],
    amount: 30,
    years: 2,
    status: 'in_effect',
  },
  {
    host: 'materials',
    visit: 'materials',
    title: '阻燃剂表面处理技术成果转化合作协议',
    experts: ['luo', 'sun'],
    partners: ['中国科学院成都有机化学研究所'],
    amount: 50,
    years: 3,
    status: 'in_effect',
    notes: '按中试、小批量、规模化三个阶段支付转化费用。',
  },
  {
    host: 'nev',
    visit: 'nev',
    title: '电驱动总成NVH优化技术合作协议',
    experts: ['xu', 'deng'],
    partners: ['西南交通大学机械工程学院'],
    amount: 40,
    years: 2,
    status: 'in_effect',
  },
  {
    host: 'vineyard',
    visit: 'vineyard',
    title: '葡萄绿色高效栽培技术指导合作协议',
    experts: ['tang'],
    partners: ['重庆市农业科学院'],
    amount: 0,
    years: 3,
    status: 'in_effect',
  },
];
