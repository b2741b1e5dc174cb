import { EVERYONE, TEAM_EXPERTS } from '../experts';
import type { VisitSeed } from './types';

/** Day one (launch, 重庆中医药学院, the 秀湖水街 district) and the closing ceremony on the last day. */
export const launchVisit: VisitSeed = {
  day: 0,
  host: 'government',
  experts: EVERYONE,
  field: '综合协调',
  activities: [{ type: 'seminar', count: 1, topic: '启动仪式暨重点项目供需对接座谈会' }],
  peopleTrained: 0,
  beneficiaries: 0,
  location: '重庆市璧山区璧城街道 区行政中心',
  notes:
    '人社部留学人员和专家服务中心指导，重庆市人力社保局、四川省人社厅与璧山区委、区政府联合举行启动仪式。' +
    '璧山区介绍了6个领域9个重点项目的需求，专家团按领域分组，与项目单位逐一对接。',
  reviewState: 'approved',
  problems: [],
};

export const tcmCollegeVisit: VisitSeed = {
  day: 0,
  host: 'tcmCollege',
  experts: TEAM_EXPERTS,
  field: '健康管理',
  activities: [
    { type: 'site_research', count: 1, topic: '中医药教学与科研平台调研' },
    { type: 'academic_exchange', count: 1, topic: '中医药传承创新学术交流' },
    { type: 'seminar', count: 1, topic: '璧山中医药产业发展座谈' },
  ],
  peopleTrained: 0,
  beneficiaries: 0,
  location: '重庆中医药学院',
  notes: '专家团调研学院教学、科研平台和中药标本馆，对璧山区中医药产业发展给予充分肯定。',
  reviewState: 'approved',
  problems: [
    {
      title: '中药学专业实训与饮片企业生产实际衔接不够',
      description: '学生实训以传统手工炮制为主，与本地饮片企业的自动化生产线脱节。',
      category: 'other',
      advice: [{ text: '与本地饮片企业共建校外实训基地，推行“订单式”人才培养。', adopted: true }],
    },
    {
      title: '中医药科研成果缺少转化对接渠道',
      description: '学院教师有多项中药制剂和药膳配方成果，但不了解企业需求，转化无门。',
      category: 'other',
      advice: [{ text: '依托专家团和技术经理人建立成果转化联络机制，每半年发布一次可转化成果清单。' }],
    },
  ],
};

export const tcmStreetVisit: VisitSeed = {
  day: 0,
  host: 'tcmStreet',
  experts: TEAM_EXPERTS,
  field: '健康管理',
  activities: [{ type: 'site_research', count: 1, topic: '中医药特色文化街区调研' }],
  peopleTrained: 0,
  beneficiaries: 0,
  location: '璧山秀湖水街广场',
  notes: '专家团走访中医药特色文化街区，了解璧山“中医药+文旅”融合发展的探索。',
  reviewState: 'approved',
  problems: [
    {
      title: '街区中医药文化展示以静态展板为主，互动科普不足',
      category: 'other',
      advice: [
        { text: '增设中药材识别、八段锦体验等互动科普项目，结合“中医药+文旅”打造研学线路。', adopted: true },
      ],
    },
  ],
};

export const closingVisit: VisitSeed = {
  day: 2,
  host: 'government',
  experts: EVERYONE,
  field: '综合协调',
  activities: [{ type: 'seminar', count: 1, topic: '总结座谈会暨特聘专家聘任和合作协议签约仪式' }],
  peopleTrained: 0,
  beneficiaries: 0,
  location: '重庆市璧山区璧城街道 区行政中心',
  notes:
    '14名专家全部受聘为“助力璧山高质量发展特聘专家”，专家代表与企业代表签订12份合作协议。' +
    '璧山区将建立政府、企业、专家“三方合作”常态化机制。',
  reviewState: 'approved',
  problems: [],
};
