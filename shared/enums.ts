/**
 * Every closed vocabulary of the domain, with its Chinese and English label.
 * The value (the key of each table) is what is stored and synced; labels are for people only,
 * so renaming a label never needs a migration.
 */
export type Lang = 'zh-CN' | 'en';
export type Labelled = { readonly zh: string; readonly en: string };

const labelled = <K extends string>(table: Record<K, Labelled>) => table;

export const tripStatuses = labelled({
  planning: { zh: '筹备中', en: 'Planning' },
  active: { zh: '进行中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  archived: { zh: '已归档', en: 'Archived' },
});

export const memberRoles = labelled({
  chief_expert: { zh: '首席专家', en: 'Chief expert' },
  group_leader: { zh: '项目组长', en: 'Group leader' },
  expert: { zh: '项目专家', en: 'Expert' },
  tech_manager: { zh: '技术经理人', en: 'Technology manager' },
  liaison: { zh: '联络员', en: 'Liaison' },
});

export const hostKinds = labelled({
  enterprise: { zh: '企业', en: 'Enterprise' },
  hospital: { zh: '医院', en: 'Hospital' },
  school: { zh: '学校', en: 'School' },
  village: { zh: '村（社区）', en: 'Village / community' },
  park: { zh: '园区', en: 'Industrial park' },
  institute: { zh: '科研院所', en: 'Research institute' },
  government: { zh: '机关事业单位', en: 'Public institution' },
  other: { zh: '其他', en: 'Other' },
});

export const needKinds = labelled({
  technical: { zh: '企业技术需求', en: 'Technical need' },
  talent: { zh: '人才合作需求', en: 'Talent cooperation' },
  transfer: { zh: '科技成果转化', en: 'Transfer of research results' },
});

export const needStatuses = labelled({
  open: { zh: '待对接', en: 'Open' },
  matched: { zh: '已匹配专家', en: 'Matched' },
  in_progress: { zh: '对接中', en: 'In progress' },
  addressed: { zh: '已解决', en: 'Addressed' },
  closed: { zh: '已关闭', en: 'Closed' },
});

export const activityTypes = labelled({
  site_research: { zh: '实地调研', en: 'On-site research' },
  technical_guidance: { zh: '技术指导', en: 'Technical guidance' },
  lecture: { zh: '专题讲座', en: 'Lecture' },
  academic_exchange: { zh: '学术交流', en: 'Academic exchange' },
  seminar: { zh: '座谈交流', en: 'Seminar / round table' },
  training: { zh: '培训', en: 'Training' },
  outpatient: { zh: '门诊', en: 'Outpatient consultation' },
  surgery_guidance: { zh: '手术指导', en: 'Surgery guidance' },
  other: { zh: '其他活动', en: 'Other activity' },
});

export const problemCategories = labelled({
  hard: { zh: '疑难杂症/技术难题', en: 'Hard problem' },
  other: { zh: '其他问题', en: 'Other problem' },
});

export const problemStatuses = labelled({
  identified: { zh: '已发现', en: 'Identified' },
  advised: { zh: '已给出建议', en: 'Advised' },
  solved: { zh: '已解决', en: 'Solved' },
  follow_up: { zh: '需跟踪', en: 'Needs follow-up' },
});

export const agreementKinds = labelled({
  cooperation: { zh: '合作协议', en: 'Cooperation agreement' },
  base_construction: { zh: '专家智力服务基地共建协议', en: 'Expert-service base agreement' },
  expert_appointment: { zh: '特聘专家聘任', en: 'Special adviser appointment' },
  tech_equity: { zh: '技术入股', en: 'Technology for equity' },
  project_contract: { zh: '项目合同', en: 'Project contract' },
  consensus: { zh: '初步共识', en: 'Preliminary consensus' },
});

export const agreementStatuses = labelled({
  draft: { zh: '草拟中', en: 'Draft' },
  negotiating: { zh: '洽谈中', en: 'Negotiating' },
  signed: { zh: '已签约', en: 'Signed' },
  in_effect: { zh: '履行中', en: 'In effect' },
  completed: { zh: '已完成', en: 'Completed' },
  terminated: { zh: '已终止', en: 'Terminated' },
});

export const followUpStatuses = labelled({
  planned: { zh: '计划中', en: 'Planned' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
});

export const reviewStates = labelled({
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  has_issues: { zh: '待修改', en: 'Has issues' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Rejected' },
});

export const followUpRelatedTypes = labelled({
  visit: { zh: '走访', en: 'Visit' },
  problem: { zh: '问题', en: 'Problem' },
  agreement: { zh: '协议', en: 'Agreement' },
  need: { zh: '需求', en: 'Need' },
  host: { zh: '服务单位', en: 'Host' },
});

/** The keys of a label table as a non-empty tuple, which is what z.enum wants. */
export function keysOf<K extends string>(table: Record<K, Labelled>): [K, ...K[]] {
  return Object.keys(table) as [K, ...K[]];
}

export function labelOf<K extends string>(table: Record<K, Labelled>, key: K, lang: Lang): string {
  const entry = table[key];
  if (!entry) return String(key);
  return lang === 'zh-CN' ? entry.zh : entry.en;
}
