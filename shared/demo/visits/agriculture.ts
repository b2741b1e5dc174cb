import type { VisitSeed } from './types';

/** The agriculture group on the last day: a grape cooperative and a village. */
export const vineyardVisit: VisitSeed = {
  day: 2,
  host: 'vineyard',
  experts: ['tang'],
  needs: ['vineyardGreen'],
  field: '农业',
  activities: [
    { type: 'site_research', count: 1, topic: '避雨栽培葡萄园实地调研' },
    { type: 'lecture', count: 1, topic: '葡萄避雨栽培与病害绿色防控' },
    { type: 'training', count: 1, topic: '夏季修剪与疏果田间实训' },
    { type: 'seminar', count: 1, topic: '种植户产销座谈' },
  ],
  peopleTrained: 36,
  beneficiaries: 430,
  location: '璧山区健龙镇葡萄种植基地',
  notes: '专家在田间讲解避雨栽培和病害绿色防控，手把手指导社员夏季修剪和疏果，合作社社员及周边种植户受益。',
  reviewState: 'approved',
  problems: [
    {
      title: '避雨棚内湿度大，霜霉病多发',
      category: 'other',
      advice: [{ text: '棚内推行膜下滴灌与通风排湿，配合生物农药轮换防控霜霉病。', adopted: true }],
    },
    { title: '果穗大小不一，商品果率低', category: 'other' },
    {
      title: '偏施化肥导致土壤酸化',
      category: 'other',
      advice: [{ text: '推广测土配方施肥，增施有机肥和土壤调理剂。' }],
    },
    { title: '采后分级和冷链缺失', category: 'other' },
    { title: '品种结构单一，集中上市压价', category: 'other' },
  ],
};

export const villageVisit: VisitSeed = {
  day: 2,
  host: 'village',
  experts: ['tang'],
  needs: ['villageTalent'],
  field: '农业',
  activities: [
    { type: 'lecture', count: 1, topic: '稻渔综合种养与乡村产业振兴' },
    { type: 'seminar', count: 1, topic: '村民产业发展座谈' },
  ],
  peopleTrained: 0,
  beneficiaries: 655,
  location: '璧山区七塘镇将军村 村民活动中心',
  notes: '专家为村民讲解稻渔综合种养技术，并与村两委、种养大户座谈，确定结对培养2名乡土农技带头人。',
  reviewState: 'submitted',
  problems: [
    { title: '稻田养鱼田埂加固和防逃设施不规范', category: 'other' },
    { title: '村集体缺少懂技术的农技带头人', category: 'other' },
  ],
};
