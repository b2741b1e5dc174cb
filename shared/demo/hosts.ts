import type { z } from 'zod';
import { completeCreditCode } from '../creditCode';
import type { hostSchema } from '../schemas';

/**
 * The host units of the 璧山 trip. 重庆中医药学院, the 秀湖水街 district, 重庆医科大学附属璧山医院,
 * 中新(重庆)生命科技园, 重庆东嶅药业有限公司 and 中核鲲硼肿瘤核医学治疗技术研究所 are named in the
 * article; the enterprises of the other four fields are illustrative. Every credit code is invented but
 * valid, so the demo exercises the same checks as real data.
 */
export type HostSeed = Omit<z.input<typeof hostSchema>, 'id' | 'createdAt'>;

/** 璧山区's administrative division code: characters 3-8 of a unified social credit code. */
const BISHAN = '500120';
const CHONGQING = '500000';

/**
 * Characters 9-17 of a credit code are the old organisation code (GB 11714): eight characters and a
 * check character of their own. Computing it keeps the invented codes indistinguishable from real ones.
 */
function organisationCode(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = Number.parseInt(body8.charAt(i), 36);
    if (Number.isNaN(value)) throw new Error(`invalid organisation code character in ${body8}`);
    sum += value * (weights[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return body8 + (check === 11 ? '0' : check === 10 ? 'X' : String(check));
}

/** authorityAndType: 91 company, 93 farmers' cooperative, 11 government body, 12 public institution, 52 private non-enterprise unit. */
function creditCode(authorityAndType: string, division: string, body8: string): string {
  return completeCreditCode(authorityAndType + division + organisationCode(body8));
}

export const demoHosts = {
  government: {
    name: '重庆市璧山区人民政府',
    creditCode: creditCode('11', BISHAN, '00928761'),
    kind: 'government',
    district: '璧城街道',
    industry: '公共管理',
    contactName: '彭雪',
    address: '重庆市璧山区璧城街道',
  },
  tcmCollege: {
    name: '重庆中医药学院',
    creditCode: creditCode('12', CHONGQING, 'MB1P7346'),
    kind: 'school',
    district: '璧泉街道',
    industry: '中医药教育',
    contactName: '教务处',
    address: '重庆市璧山区璧泉街道',
  },
  tcmStreet: {
    name: '璧山秀湖水街广场中医药特色文化街区',
    creditCode: '',
    kind: 'other',
    district: '璧城街道',
    industry: '中医药文化旅游',
    address: '重庆市璧山区秀湖水街广场',
  },
  hospital: {
    name: '重庆医科大学附属璧山医院',
    creditCode: creditCode('12', BISHAN, '45038217'),
    kind: 'hospital',
    district: '璧城街道',
    industry: '医疗卫生',
    contactName: '医务部',
    address: '重庆市璧山区璧城街道',
  },
  lifePark: {
    name: '中新（重庆）生命科技园',
    creditCode: '',
    kind: 'park',
    district: '璧山高新区',
    industry: '生命健康',
    contactName: '园区招商服务部',
    address: '重庆市璧山区中新生命科技城',
  },
  dongao: {
    name: '重庆东嶅药业有限公司',
    creditCode: creditCode('91', BISHAN, 'MA5U4K2D'),
    kind: 'enterprise',
    district: '璧山高新区',
    industry: '中药饮片',
    contactName: '质量部',
    address: '重庆市璧山区璧山高新区',
  },
  kunpeng: {
    name: '中核鲲硼肿瘤核医学治疗技术研究所',
    creditCode: creditCode('52', BISHAN, 'MJ0F6T81'),
    kind: 'institute',
    district: '璧山高新区',
    industry: '核医学治疗装备',
    contactName: '研发中心',
    address: '重庆市璧山区中新生命科技城',
  },
  equipment: {
    name: '重庆璧晟智能装备有限公司',
    creditCode: creditCode('91', BISHAN, 'MA60B7QK'),
    kind: 'enterprise',
    district: '青杠街道',
    industry: '智能制造装备',
    contactName: '技术中心',
    address: '重庆市璧山区青杠街道',
  },
  materials: {
    name: '重庆璧泉新材料科技有限公司',
    creditCode: creditCode('91', BISHAN, 'MA61D3WX'),
    kind: 'enterprise',
    district: '璧泉街道',
    industry: '改性塑料',
    contactName: '研发部',
    address: '重庆市璧山区璧泉街道',
  },
  nev: {
    name: '重庆锐驰新能源汽车零部件有限公司',
    creditCode: creditCode('91', BISHAN, 'MA5YH8N2'),
    kind: 'enterprise',
    district: '来凤街道',
    industry: '新能源汽车零部件',
    contactName: '工程部',
    address: '重庆市璧山区来凤街道',
  },
  vineyard: {
    name: '重庆市璧山区健龙镇葡萄种植专业合作社',
    creditCode: creditCode('93', BISHAN, 'MA5Y2R7G'),
    kind: 'enterprise',
    district: '健龙镇',
    industry: '葡萄种植',
    contactName: '合作社理事长',
    address: '重庆市璧山区健龙镇',
  },
  village: {
    name: '璧山区七塘镇将军村',
    creditCode: '',
    kind: 'village',
    district: '七塘镇',
    industry: '稻渔综合种养',
    contactName: '村委会',
    address: '重庆市璧山区七塘镇将军村',
  },
} satisfies Record<string, HostSeed>;

export type HostKey = keyof typeof demoHosts;
