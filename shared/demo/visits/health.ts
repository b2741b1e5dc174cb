import type { VisitSeed } from './types';

/** The health-management group on day two: 重庆医科大学附属璧山医院 and 中新(重庆)生命科技园. */
export const hospitalVisit: VisitSeed = {
  day: 1,
  host: 'hospital',
  experts: ['ding', 'liu', 'wang', 'zhang'],
  needs: ['hospitalCellTherapy'],
  field: '健康管理',
  activities: [
    { type: 'lecture', count: 1, topic: '《中医与细胞治疗》（丁显平院士）' },
    { type: 'lecture', count: 1, topic: '体重管理的发展现状' },
    { type: 'lecture', count: 1, topic: '体重管理的干预措施' },
    { type: 'lecture', count: 1, topic: '体重管理的科研生态' },
    { type: 'technical_guidance', count: 1, topic: '体重管理门诊规范化建设' },
    { type: 'seminar', count: 1, topic: '学科建设与临床研究座谈' },
    { type: 'outpatient', count: 1, topic: '体重管理与慢病义诊' },
  ],
  peopleTrained: 62,
  beneficiaries: 560,
  location: '重庆医科大学附属璧山医院 学术报告厅',
  notes:
    '“中医重在调理、干细胞重在再生修复，两者搭配是最好的治疗手段。”丁显平院士结合中医理论和自身细胞研究经验作专题讲座；' +
    '3位医学专家围绕体重管理，从发展现状、干预措施、科研生态等角度分享观点与研究成果，随后开展义诊。',
  reviewState: 'approved',
  problems: [
    {
      title: '疑难病例会诊：重度肥胖合并多种代谢异常',
      description:
        '患者BMI 41，合并2型糖尿病、脂肪肝和睡眠呼吸暂停，多次减重失败。专家会诊后制定营养、运动、药物与中医调理相结合的分阶段方案。',
      category: 'hard',
    },
    {
      title: '疑难病例会诊：青少年肥胖伴胰岛素抵抗',
      description: '14岁患者体重持续增长，伴黑棘皮病。专家明确了以家庭为单位的生活方式干预和复查节点。',
      category: 'hard',
    },
    {
      title: '体重管理门诊缺少标准化诊疗流程',
      category: 'other',
      advice: [{ text: '参照国家体重管理相关指导原则，建立“评估—干预—随访”标准化门诊流程。', adopted: true }],
    },
    {
      title: '营养评估工具和随访表单不统一',
      category: 'other',
      advice: [{ text: '统一采用人体成分分析和膳食问卷，建立3个月随访表单。', adopted: true }],
    },
    {
      title: '中医体质辨识结果未纳入减重方案',
      category: 'other',
      advice: [{ text: '将中医体质辨识纳入初诊评估，痰湿、气虚体质配合针灸和药膳调理。', adopted: true }],
    },
    {
      title: '细胞治疗临床研究的立项和伦理审查流程不熟悉',
      category: 'other',
      advice: [{ text: '细胞治疗项目先开展备案制临床研究，参照成熟单位的伦理审查与质量管理经验建立制度。' }],
    },
    {
      title: '慢病患者健康档案与体检数据未打通',
      category: 'other',
      advice: [{ text: '打通体检中心与慢病管理系统的数据，建立高风险人群预警名单。' }],
    },
    {
      title: '基层医务人员对体重管理适应证把握不准',
      category: 'other',
    },
  ],
  generalAdvice: [{ text: '每季度为镇街卫生院医生开展一次体重管理适宜技术培训。', adopted: true }],
};

export const lifeParkVisit: VisitSeed = {
  day: 1,
  host: 'lifePark',
  experts: ['ding', 'liu', 'wang', 'zhang', 'sun'],
  needs: ['parkHealthTransfer'],
  field: '健康管理',
  activities: [
    { type: 'site_research', count: 1, topic: '园区企业与公共技术平台调研' },
    { type: 'seminar', count: 1, topic: '健康管理企业痛点难点面对面交流' },
    { type: 'seminar', count: 1, topic: '健康管理成果产业转化探讨' },
  ],
  peopleTrained: 0,
  beneficiaries: 0,
  location: '中新（重庆）生命科技园 企业服务中心',
  notes: '专家们与园区企业面对面交流健康管理中的痛点难点问题，并就产业转化进行探讨。',
  reviewState: 'approved',
  problems: [
    {
      title: '可穿戴体脂监测设备数据准确性不足',
      description:
        '园区企业的体脂监测手环与医院人体成分分析结果偏差达8%以上，影响干预方案制定。专家指导建立分人群校准模型并引入临床对照数据，偏差降到3%以内。',
      category: 'hard',
    },
    {
      title: '健康管理产品缺少临床循证数据支撑',
      category: 'other',
      advice: [{ text: '与璧山医院共建体重管理真实世界研究队列，为产品积累循证数据。', adopted: true }],
    },
    {
      title: '企业不熟悉二类医疗器械注册路径',
      category: 'other',
      advice: [{ text: '对照《医疗器械分类目录》提前开展产品分类界定，按二类医疗器械准备注册资料。' }],
    },
    {
      title: '园区公共检测平台预约利用率低',
      category: 'other',
      advice: [{ text: '园区公共平台推行线上预约，定期发布开放共享的仪器清单。' }],
    },
    {
      title: '健康管理服务与医保、商保支付的衔接不清',
      category: 'other',
    },
    {
      title: '初创企业缺少医工结合的复合型研发人才',
      category: 'other',
      advice: [{ text: '依托特聘专家开展“产业导师”计划，与高校联合培养复合型研发人才。' }],
    },
  ],
};
