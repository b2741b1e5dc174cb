import type { VisitSeed } from './types';

/** The biopharma and medical-device group on day two, as the article tells it. */
export const dongaoVisit: VisitSeed = {
  day: 1,
  host: 'dongao',
  experts: ['chen'],
  needs: ['dongaoProcessing'],
  field: '生物制药与医疗器械',
  activities: [
    { type: 'site_research', count: 1, topic: '饮片生产线调研' },
    { type: 'technical_guidance', count: 1, topic: '中药饮片炮制技术指导' },
    { type: 'training', count: 1, topic: '炮制岗位操作与质量控制培训' },
    { type: 'seminar', count: 1, topic: '饮片生产流程优化座谈' },
  ],
  peopleTrained: 26,
  beneficiaries: 0,
  location: '重庆东嶅药业有限公司 饮片车间',
  notes: '陈绍成教授调研指导中药饮片炮制技术，并对饮片生产流程提出优化建议。',
  reviewState: 'approved',
  problems: [
    {
      title: '酒炙、醋炙饮片炮制火候难以稳定控制',
      description:
        '火候依靠老师傅经验判断，不同批次有效成分含量波动超过15%。专家指导以物料温度和色度为控制点建立工艺参数，试生产三批波动降至5%以内。',
      category: 'hard',
      advice: [{ text: '建立以物料温度、色度为控制点的炮制工艺参数标准，纳入批生产记录。', adopted: true }],
    },
    {
      title: '根茎类饮片干燥后含水量不均匀',
      description:
        '热风循环干燥箱上下层温差大，部分批次含水量超标。专家调整干燥温度曲线和装载厚度后含水量全部合格。',
      category: 'hard',
      advice: [{ text: '按饮片规格分段设定干燥温度，控制铺料厚度不超过3厘米。', adopted: true }],
    },
    {
      title: '净制环节杂质去除率偏低',
      category: 'other',
      advice: [{ text: '在净制工序增设风选和磁选设备，提高除杂效率。' }],
    },
    { title: '炮制辅料用量记录不规范', category: 'other' },
    {
      title: '批生产记录与《中国药典》标准条款未逐项对应',
      category: 'other',
      advice: [{ text: '修订批生产记录模板，逐项对应药典标准和炮制规范。', adopted: true }],
    },
    { title: '饮片包装防潮性能不足', category: 'other' },
    { title: '检验人员对薄层色谱鉴别操作不熟练', category: 'other' },
  ],
  generalAdvice: [{ text: '优化饮片生产流程，将净制、切制、炮制工序按洁净等级重新布局，减少交叉往返。' }],
};

export const kunpengVisit: VisitSeed = {
  day: 1,
  host: 'kunpeng',
  experts: ['jiang', 'yang', 'sun'],
  needs: ['kunpengBnct', 'kunpengTalent'],
  field: '生物制药与医疗器械',
  activities: [
    { type: 'technical_guidance', count: 1, topic: 'BNCT整机装备强流直线加速器技术指导' },
    { type: 'academic_exchange', count: 1, topic: '加速器中子源技术交流' },
    { type: 'seminar', count: 1, topic: '人才引进、技术交流与市场推广座谈' },
  ],
  peopleTrained: 12,
  beneficiaries: 0,
  location: '中核鲲硼肿瘤核医学治疗技术研究所 加速器实验大厅',
  notes:
    '姜伯承与助理研究员杨磊一同调研，帮助破解强流直线加速器的BNCT整机装备研发中的技术难题，' +
    '并对人才引进、技术交流、市场推广等给出积极意见。',
  reviewState: 'approved',
  problems: [
    {
      title: '强流质子直线加速器射频四极场（RFQ）传输效率偏低',
      description:
        '调试中RFQ段束流传输效率不足90%。专家分析为入口匹配不良，指导调整低能传输线参数后传输效率达到设计值。',
      category: 'hard',
      advice: [{ text: '采用分段调谐和动态束流匹配优化RFQ入口参数。', adopted: true }],
    },
    {
      title: '锂靶在高功率束流下热负荷过高',
      description: '锂靶在满功率运行时局部温度接近熔点。专家给出微通道水冷结构方案和热工仿真边界条件。',
      category: 'hard',
      advice: [{ text: '锂靶改用微通道水冷结构，开展热工—结构耦合仿真后再投片验证。', adopted: true }],
    },
    {
      title: '中子束整形体（BSA）超热中子通量不达标',
      description:
        '原设计超热中子通量比目标低约20%。专家建议调整慢化材料组合和反射层厚度，模拟结果满足要求。',
      category: 'hard',
    },
    {
      title: '加速器长时间运行的束流稳定性',
      description: '连续运行超过8小时后束流强度出现漂移，需在长时间运行试验中积累数据，列入半年课题攻坚。',
      category: 'hard',
      status: 'follow_up',
    },
    { title: '关键部件国产化供应商评估缺少技术指标', category: 'other' },
    {
      title: '加速器物理方向人才招聘渠道窄',
      category: 'other',
      advice: [
        { text: '与重庆大学超瞬态装置实验室共建联合实验室，开展研究生联合培养和人才共享。', adopted: true },
      ],
    },
    {
      title: '与医院临床端的合作对接渠道不畅',
      category: 'other',
      advice: [{ text: '按临床需求梳理适应证，先与三甲医院肿瘤科开展临床前合作研究。' }],
    },
    { title: '辐射防护评价材料准备不充分', category: 'other' },
  ],
  generalAdvice: [{ text: '参加国内核医学学术年会和医疗装备展会，做好BNCT技术的市场推广。' }],
};
