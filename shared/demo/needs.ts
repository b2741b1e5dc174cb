import type { z } from 'zod';
import type { needSchema } from '../schemas';
import type { ExpertKey } from './experts';
import type { HostKey } from './hosts';

/**
 * The needs list (需求清单) collected before the trip: the article's nine key projects in six fields,
 * plus the talent need that came with the BNCT project. All three kinds of need appear.
 */
export type NeedSeed = Omit<
  z.input<typeof needSchema>,
  'id' | 'createdAt' | 'tripId' | 'hostId' | 'expertIds'
> & {
  host: HostKey;
  experts: ExpertKey[];
};

export const demoNeeds = {
  hospitalCellTherapy: {
    host: 'hospital',
    kind: 'technical',
    field: '健康管理',
    title: '中医与细胞治疗结合的临床应用及体重管理门诊建设',
    description:
      '医院计划开设体重管理门诊，并探索中医调理与细胞治疗相结合的慢病干预，需要专家指导诊疗流程、临床研究设计和人员培训。',
    experts: ['ding', 'liu', 'wang', 'zhang'],
    status: 'addressed',
  },
  parkHealthTransfer: {
    host: 'lifePark',
    kind: 'transfer',
    field: '健康管理',
    title: '健康管理技术与产品的产业化转化',
    description:
      '园区健康管理企业的可穿戴监测设备和干预服务缺少临床验证与转化路径，希望与医院、高校专家共建转化通道。',
    experts: ['liu', 'wang', 'zhang', 'sun'],
    status: 'in_progress',
  },
  dongaoProcessing: {
    host: 'dongao',
    kind: 'technical',
    field: '生物制药与医疗器械',
    title: '中药饮片炮制技术提升与生产流程优化',
    description: '炮制火候和干燥工艺依赖经验，批次质量波动较大；生产流程布局需要按洁净等级优化。',
    experts: ['chen'],
    status: 'addressed',
  },
  kunpengBnct: {
    host: 'kunpeng',
    kind: 'technical',
    field: '生物制药与医疗器械',
    title: '强流直线加速器BNCT整机装备研发技术攻关',
    description:
      '硼中子俘获治疗（BNCT）整机装备的强流直线加速器在束流传输、锂靶散热和束流整形方面存在技术难题。',
    experts: ['jiang', 'yang'],
    status: 'in_progress',
  },
  kunpengTalent: {
    host: 'kunpeng',
    kind: 'talent',
    field: '生物制药与医疗器械',
    title: '加速器物理与核医学方向高层次人才引进和联合培养',
    description:
      '研究所急需加速器物理、中子物理和医学物理方向的研发骨干，希望与高校建立联合培养和人才共享机制。',
    experts: ['jiang', 'sun'],
    status: 'matched',
  },
  equipmentWelding: {
    host: 'equipment',
    kind: 'technical',
    field: '智能制造',
    title: '焊接产线智能化改造与柔性生产',
    description: '焊接机器人对来料偏差适应性差，多品种小批量换型慢，设备数据靠人工记录。',
    experts: ['li', 'he'],
    status: 'addressed',
  },
  materialsFlameRetardant: {
    host: 'materials',
    kind: 'transfer',
    field: '新材料',
    title: '无卤阻燃改性聚丙烯技术成果转化',
    description: '引进高校无卤阻燃技术后，产品冲击强度下降、工艺窗口不清，需要专家协助完成中试和产业化。',
    experts: ['zhao', 'luo'],
    status: 'in_progress',
  },
  nevDrive: {
    host: 'nev',
    kind: 'technical',
    field: '新能源汽车',
    title: '电驱动总成NVH优化与电池包壳体轻量化',
    description: '电驱动总成高转速段啸叫，铝合金电池包壳体焊接变形超差，需要测试与工艺两方面的指导。',
    experts: ['xu', 'deng'],
    status: 'addressed',
  },
  vineyardGreen: {
    host: 'vineyard',
    kind: 'technical',
    field: '农业',
    title: '葡萄避雨栽培与病害绿色防控',
    description: '避雨棚内湿度大，霜霉病多发，商品果率低，社员希望掌握绿色防控和精细化管理技术。',
    experts: ['tang'],
    status: 'addressed',
  },
  villageTalent: {
    host: 'village',
    kind: 'talent',
    field: '农业',
    title: '稻渔综合种养乡土农技带头人培养',
    description: '村里发展稻渔综合种养，缺少懂技术、能带动的乡土人才，希望专家结对培养农技带头人。',
    experts: ['tang'],
    status: 'matched',
  },
} satisfies Record<string, NeedSeed>;

export type NeedKey = keyof typeof demoNeeds;
