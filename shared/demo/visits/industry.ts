import type { VisitSeed } from './types';

/** The smart-manufacturing, new-materials and new-energy-vehicle groups. */
export const equipmentVisit: VisitSeed = {
  day: 1,
  host: 'equipment',
  experts: ['li', 'he'],
  needs: ['equipmentWelding'],
  field: '智能制造',
  activities: [
    { type: 'site_research', count: 1, topic: '焊接车间和装配线调研' },
    { type: 'technical_guidance', count: 1, topic: '焊接机器人视觉定位与纠偏技术指导' },
    { type: 'lecture', count: 1, topic: '智能工厂与中小企业数字化转型' },
    { type: 'seminar', count: 1, topic: '产线智能化改造方案座谈' },
  ],
  peopleTrained: 28,
  beneficiaries: 0,
  location: '重庆璧晟智能装备有限公司 焊接车间',
  notes: '专家在焊接车间现场指导机器人示教和视觉标定，为企业技术骨干讲授智能工厂建设路径。',
  reviewState: 'approved',
  problems: [
    {
      title: '焊接机器人对工件来料偏差适应性差',
      description:
        '来料装配间隙偏差达±1.5毫米时焊缝偏移，返修率约6%。专家指导加装线激光视觉寻位，试焊返修率降至1%以下。',
      category: 'hard',
      advice: [{ text: '加装线激光视觉传感器，实现焊缝寻位和实时纠偏。', adopted: true }],
    },
    {
      title: '多品种小批量换型时间过长',
      description: '一次换型平均耗时近3小时。专家帮助梳理内外部作业，设计模块化快换夹具，换型缩短到50分钟。',
      category: 'hard',
      advice: [{ text: '推行快速换模（SMED），夹具采用零点定位模块化设计。', adopted: true }],
    },
    {
      title: '设备联网率低，生产数据靠人工抄录',
      category: 'other',
      advice: [{ text: '分步部署制造执行系统（MES），优先实现关键设备的数据采集。' }],
    },
    { title: '关键工序缺少首件检验记录', category: 'other' },
    { title: '刀具寿命管理没有预警', category: 'other' },
    { title: '车间物流路线交叉，搬运距离长', category: 'other' },
    {
      title: '技术工人缺少机器人离线编程技能',
      category: 'other',
      advice: [{ text: '与重庆大学联合开展机器人离线编程培训，培养企业内训师。' }],
    },
    { title: '质量追溯只到批次，没有到件', category: 'other' },
  ],
};

export const materialsVisit: VisitSeed = {
  day: 1,
  host: 'materials',
  experts: ['zhao', 'luo'],
  needs: ['materialsFlameRetardant'],
  field: '新材料',
  activities: [
    { type: 'site_research', count: 1, topic: '改性生产线与检测中心调研' },
    { type: 'lecture', count: 1, topic: '无卤阻燃改性聚丙烯技术进展' },
    { type: 'seminar', count: 1, topic: '阻燃技术成果转化对接座谈' },
  ],
  peopleTrained: 21,
  beneficiaries: 0,
  location: '重庆璧泉新材料科技有限公司 研发中心',
  notes: '专家围绕无卤阻燃聚丙烯的增韧改性和中试放大与企业研发团队深入交流。',
  reviewState: 'approved',
  problems: [
    {
      title: '无卤阻燃聚丙烯冲击强度下降明显',
      description:
        '阻燃剂添加量达25%后缺口冲击强度下降40%。专家给出弹性体增韧和阻燃剂表面改性的组合配方，小试冲击强度恢复到原料的85%。',
      category: 'hard',
      advice: [{ text: '添加弹性体增韧剂，并对阻燃剂进行硅烷表面处理以改善分散。', adopted: true }],
    },
    {
      title: '原料批次间熔体流动速率波动大',
      category: 'other',
      advice: [{ text: '建立原料入厂熔指检验和分级使用制度。', adopted: true }],
    },
    {
      title: '双螺杆挤出工艺参数依赖经验',
      category: 'other',
      advice: [{ text: '用正交试验确定挤出温度和螺杆转速的工艺窗口。' }],
    },
    { title: '检测中心缺少灼热丝试验能力', category: 'other' },
    { title: '产品UL认证资料准备不足', category: 'other' },
    {
      title: '配方和性能数据没有建库',
      category: 'other',
      advice: [{ text: '建立配方与性能数据库，为成果转化中试积累数据。' }],
    },
    { title: '研发对客户需求的响应不及时', category: 'other' },
  ],
};

export const nevVisit: VisitSeed = {
  day: 2,
  host: 'nev',
  experts: ['xu', 'deng'],
  needs: ['nevDrive'],
  field: '新能源汽车',
  activities: [
    { type: 'site_research', count: 1, topic: '电驱动总成装配线与试验室调研' },
    { type: 'technical_guidance', count: 1, topic: '电驱动总成NVH测试与优化' },
    { type: 'seminar', count: 1, topic: '电池包壳体轻量化技术研讨' },
  ],
  peopleTrained: 16,
  beneficiaries: 0,
  location: '重庆锐驰新能源汽车零部件有限公司 试验中心',
  notes: '专家现场分析电驱动总成台架噪声数据，并与工程部研讨电池包壳体的轻量化与焊接工艺。',
  reviewState: 'approved',
  problems: [
    {
      title: '电驱动总成在高转速段啸叫',
      description:
        '12000转/分附近出现明显阶次噪声。专家判断为齿轮啮合与电机PWM载波耦合，给出齿轮修形和载波频率调整方案，复测噪声降低6分贝。',
      category: 'hard',
      advice: [{ text: '优化减速器齿轮修形，并调整电机控制器PWM载波频率避开共振区。', adopted: true }],
    },
    {
      title: '铝合金电池包壳体焊接变形超差',
      category: 'other',
      advice: [{ text: '采用分段对称焊接和随形夹具控制焊接变形。', adopted: true }],
    },
    {
      title: 'NVH测试缺少半消声环境',
      category: 'other',
      advice: [{ text: '借用川渝地区第三方汽车试验机构的半消声室开展台架测试。' }],
    },
    { title: '铝合金型材供应商质量不稳定', category: 'other' },
    {
      title: '新产品开发未同步开展DFMEA',
      category: 'other',
      advice: [{ text: '在新项目开发中同步开展DFMEA，建立失效模式经验库。' }],
    },
    { title: '热失控防护设计验证不充分', category: 'other' },
    {
      title: '壳体轻量化方案需要主机厂认可',
      description: '专家给出以挤压型材替代部分钣金件的方案，需企业与主机厂沟通后再确定。',
      category: 'other',
      status: 'advised',
    },
  ],
};
