import { defineMessages } from '../core';

/** The "load demo trip" action: a sample trip so a new user sees the app at work. */
export const demoMessages = defineMessages({
  'demo.title': { zh: '演示活动', en: 'Demo trip' },
  'demo.load': { zh: '加载演示活动', en: 'Load demo trip' },
  'demo.loading': { zh: '正在加载演示活动…', en: 'Loading the demo trip…' },
  'demo.loaded': { zh: '演示活动“{title}”已加载', en: 'The demo trip “{title}” is loaded' },
  'demo.explain': {
    zh: '用2025年成渝地区双城经济圈专家团“走进璧山”活动的示例数据填充本应用：14名专家、9个重点项目的走访、问题、建议、签约和跟踪服务，合计数字与公开报道一致，方便您先熟悉各项功能。专家库和单位库中已有的专家和单位会直接沿用，不会重复创建。',
    en: 'Fills the app with a sample trip based on the 2025 Chengdu–Chongqing expert team visit to Bishan: 14 experts, visits to 9 key projects, problems, recommendations, agreements and follow-ups, with totals matching the published report — a quick way to get to know the app. Experts and host units already in your directory are reused, not duplicated.',
  },
  'demo.failed': {
    zh: '演示活动加载失败，没有保存任何数据：{message}',
    en: 'The demo trip could not be loaded; nothing was saved: {message}',
  },
});
