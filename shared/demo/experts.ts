import type { z } from 'zod';
import type { memberRoles } from '../enums';
import type { expertSchema } from '../schemas';

/**
 * The team of the 2025 成渝地区双城经济圈专家团“走进璧山” trip (seed article 003): 丁显平院士 leading
 * 13 experts in six fields. 丁显平, 陈绍成, 姜伯承 and 杨磊 are named in the article with their posts; the
 * other experts, the technology manager and the liaison are illustrative people in the same spirit.
 */
export type DemoGroup =
  | '健康管理'
  | '生物制药与医疗器械'
  | '智能制造'
  | '新材料'
  | '新能源汽车'
  | '农业'
  | '综合协调';

export type ExpertSeed = Omit<z.input<typeof expertSchema>, 'id' | 'createdAt'> & {
  role: keyof typeof memberRoles;
  group: DemoGroup;
};

export const demoExperts = {
  ding: {
    name: '丁显平',
    title: '院士、教授',
    affiliation: '四川大学华西第二医院',
    fields: ['健康管理', '细胞治疗', '医学遗传学'],
    honours: ['院士'],
    role: 'chief_expert',
    group: '健康管理',
  },
  liu: {
    name: '刘晓蓉',
    title: '主任医师、教授',
    affiliation: '重庆医科大学附属第一医院内分泌科',
    fields: ['健康管理', '体重管理', '内分泌代谢'],
    honours: ['重庆市医学领军人才'],
    role: 'group_leader',
    group: '健康管理',
  },
  wang: {
    name: '王建华',
    title: '教授',
    affiliation: '四川大学华西公共卫生学院',
    fields: ['健康管理', '营养与食品卫生'],
    honours: ['四川省学术和技术带头人'],
    role: 'expert',
    group: '健康管理',
  },
  zhang: {
    name: '张雯',
    title: '副主任医师',
    affiliation: '四川省人民医院健康管理中心',
    fields: ['健康管理', '慢病管理'],
    honours: [],
    role: 'expert',
    group: '健康管理',
  },
  chen: {
    name: '陈绍成',
    title: '二级教授',
    affiliation: '重庆第二师范学院',
    fields: ['生物制药', '中药炮制'],
    honours: [],
    role: 'group_leader',
    group: '生物制药与医疗器械',
  },
  jiang: {
    name: '姜伯承',
    title: '实验室副主任',
    affiliation: '重庆大学超瞬态装置实验室',
    fields: ['医疗器械', '加速器物理', '硼中子俘获治疗（BNCT）'],
    honours: [],
    role: 'expert',
    group: '生物制药与医疗器械',
  },
  yang: {
    name: '杨磊',
    title: '助理研究员',
    affiliation: '重庆大学超瞬态装置实验室',
    fields: ['医疗器械', '加速器技术'],
    honours: [],
    role: 'expert',
    group: '生物制药与医疗器械',
  },
  li: {
    name: '李国强',
    title: '教授',
    affiliation: '重庆大学机械与运载工程学院',
    fields: ['智能制造', '工业机器人'],
    honours: ['享受国务院政府特殊津贴专家'],
    role: 'group_leader',
    group: '智能制造',
  },
  he: {
    name: '何志勇',
    title: '正高级工程师',
    affiliation: '四川省机械研究设计院（集团）有限公司',
    fields: ['智能制造', '数字化车间'],
    honours: ['四川省有突出贡献的优秀专家'],
    role: 'expert',
    group: '智能制造',
  },
  zhao: {
    name: '赵德明',
    title: '教授',
    affiliation: '重庆理工大学材料科学与工程学院',
    fields: ['新材料', '高分子改性'],
    honours: ['重庆英才·创新领军人才'],
    role: 'group_leader',
    group: '新材料',
  },
  luo: {
    name: '罗静',
    title: '研究员',
    affiliation: '中国科学院成都有机化学研究所',
    fields: ['新材料', '阻燃材料'],
    honours: ['天府峨眉计划专家'],
    role: 'expert',
    group: '新材料',
  },
  xu: {
    name: '徐海涛',
    title: '教授',
    affiliation: '西南交通大学机械工程学院',
    fields: ['新能源汽车', '电驱动系统', 'NVH'],
    honours: ['四川省学术和技术带头人'],
    role: 'group_leader',
    group: '新能源汽车',
  },
  deng: {
    name: '邓晓峰',
    title: '正高级工程师',
    affiliation: '中国汽车工程研究院股份有限公司',
    fields: ['新能源汽车', '动力电池安全'],
    honours: [],
    role: 'expert',
    group: '新能源汽车',
  },
  tang: {
    name: '唐仕明',
    title: '研究员',
    affiliation: '重庆市农业科学院',
    fields: ['农业', '果树栽培', '稻渔综合种养'],
    honours: ['重庆市学术技术带头人'],
    role: 'group_leader',
    group: '农业',
  },
  sun: {
    name: '孙立',
    title: '高级技术经理人',
    affiliation: '重庆市技术转移服务中心',
    fields: ['科技成果转化', '知识产权运营'],
    honours: [],
    role: 'tech_manager',
    group: '综合协调',
  },
  peng: {
    name: '彭雪',
    title: '人才工作科科长',
    affiliation: '重庆市璧山区人力资源和社会保障局',
    fields: ['人才服务'],
    honours: [],
    role: 'liaison',
    group: '综合协调',
  },
} satisfies Record<string, ExpertSeed>;

export type ExpertKey = keyof typeof demoExperts;

/** The experts proper (the article's 14), as opposed to the technology manager and the liaison. */
export const TEAM_EXPERTS = (Object.keys(demoExperts) as ExpertKey[]).filter((key) => {
  const role = demoExperts[key].role;
  return role === 'chief_expert' || role === 'group_leader' || role === 'expert';
});

/** Everyone on the trip: the experts plus the people who organise around them. */
export const EVERYONE = Object.keys(demoExperts) as ExpertKey[];
