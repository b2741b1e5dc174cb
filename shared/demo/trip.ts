import type { z } from 'zod';
import type { tripSchema } from '../schemas';

/** The trip itself, from seed article 003. Dates are filled in by the builder. */
export const ARTICLE_START_DATE = '2025-06-23';
export const TRIP_DAYS = 3;

export const DEMO_FIELDS = ['健康管理', '生物制药与医疗器械', '智能制造', '新材料', '新能源汽车', '农业'];

export const demoTripSeed = {
  title: '2025年成渝地区双城经济圈专家团“走进璧山”（演示）',
  region: '重庆市璧山区',
  organisers: [
    '重庆市人力资源和社会保障局',
    '四川省人力资源和社会保障厅',
    '中共重庆市璧山区委',
    '重庆市璧山区人民政府',
  ],
  coOrganisers: ['重庆市璧山区人力资源和社会保障局'],
  focusFields: DEMO_FIELDS,
  locked: false,
  description:
    '指导单位：人社部留学人员和专家服务中心。丁显平院士领衔、13名高层次专家组团前往璧山，通过实地调研、座谈交流、技术研讨等形式，' +
    '深入重点企业与产业园区，对接指导健康管理、生物制药与医疗器械、智能制造、新材料、新能源汽车、农业6个领域的9个重点项目。\n\n' +
    '这是一个演示活动：依据该活动的公开报道整理，报道中没有写到的专家、企业、问题和建议为示例数据，' +
    '各项合计与报道一致（技术指导5次、学术讲座8场、座谈交流13次，解决疑难杂症12个、其他问题47个，意见建议37条，' +
    '培训指导201人次，惠及群众1645人，合作协议12份，特聘专家14名）。',
} satisfies Omit<z.input<typeof tripSchema>, 'id' | 'createdAt' | 'startDate' | 'endDate' | 'status'>;
