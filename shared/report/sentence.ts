import type { Lang } from '../enums';
import type { ActivityType, AgreementKind, TripFigures } from './tripFigures';

/**
 * The one-paragraph summary of a trip in the province's wording, e.g.
 * "3天时间里，14名专家…总计开展技术指导5次、学术讲座8场、座谈交流13次，解决疑难杂症12个、其他大小问题47个，
 * 给出有效意见建议37条,直接培训指导201人次,惠及基层群众1645人,签订合作协议12份。"
 *
 * The wording lives here rather than in the UI message files because it is part of the report format:
 * exports and the server produce the same sentence. Each phrase carries its own Chinese measure word
 * (次/场/台/份), which a plain `{n}` template could not choose. Zero counts are left out, as the
 * province does; the figure cards show them.
 */

type Phrase = { readonly zh: (n: string) => string; readonly en: (n: number, s: string) => string };

/** Activity types in the order the province lists them; the trip home uses the same order. */
export const REPORT_ACTIVITY_ORDER: readonly ActivityType[] = [
  'technical_guidance',
  'lecture',
  'seminar',
  'academic_exchange',
  'site_research',
  'training',
  'outpatient',
  'surgery_guidance',
  'other',
];

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const ACTIVITY_PHRASES: Record<ActivityType, Phrase> = {
  technical_guidance: {
    zh: (n) => `技术指导${n}次`,
    en: (n, s) => `${s} technical guidance ${plural(n, 'session', 'sessions')}`,
  },
  lecture: { zh: (n) => `学术讲座${n}场`, en: (n, s) => `${s} ${plural(n, 'lecture', 'lectures')}` },
  seminar: { zh: (n) => `座谈交流${n}次`, en: (n, s) => `${s} ${plural(n, 'seminar', 'seminars')}` },
  academic_exchange: {
    zh: (n) => `学术交流${n}次`,
    en: (n, s) => `${s} academic ${plural(n, 'exchange', 'exchanges')}`,
  },
  site_research: {
    zh: (n) => `实地调研${n}次`,
    en: (n, s) => `${s} on-site research ${plural(n, 'visit', 'visits')}`,
  },
  training: {
    zh: (n) => `专题培训${n}场`,
    en: (n, s) => `${s} training ${plural(n, 'session', 'sessions')}`,
  },
  outpatient: {
    zh: (n) => `门诊${n}次`,
    en: (n, s) => `${s} outpatient ${plural(n, 'consultation', 'consultations')}`,
  },
  surgery_guidance: {
    zh: (n) => `手术指导${n}台`,
    en: (n, s) => `${s} guided ${plural(n, 'operation', 'operations')}`,
  },
  other: { zh: (n) => `其他活动${n}次`, en: (n, s) => `${s} other ${plural(n, 'activity', 'activities')}` },
};

/** Signed agreements listed after "签订"; appointments and consensus get their own clauses. */
const SIGNED_PHRASES: Record<Exclude<AgreementKind, 'consensus'>, Phrase> = {
  cooperation: {
    zh: (n) => `合作协议${n}份`,
    en: (n, s) => `${s} cooperation ${plural(n, 'agreement', 'agreements')}`,
  },
  base_construction: {
    zh: (n) => `专家智力服务基地共建协议${n}份`,
    en: (n, s) => `${s} expert-service base ${plural(n, 'agreement', 'agreements')}`,
  },
  expert_appointment: {
    zh: (n) => `特聘专家聘任协议${n}份`,
    en: (n, s) => `${s} special-adviser ${plural(n, 'appointment', 'appointments')}`,
  },
  tech_equity: {
    zh: (n) => `技术入股协议${n}份`,
    en: (n, s) => `${s} technology-for-equity ${plural(n, 'deal', 'deals')}`,
  },
  project_contract: {
    zh: (n) => `项目合同${n}份`,
    en: (n, s) => `${s} project ${plural(n, 'contract', 'contracts')}`,
  },
};
const SIGNED_ORDER = Object.keys(SIGNED_PHRASES) as (keyof typeof SIGNED_PHRASES)[];

/** Chinese reports write plain digits (1645); English groups thousands (1,645). */
function formatNumber(n: number, lang: Lang): string {
  return lang === 'zh-CN' ? String(n) : n.toLocaleString('en-US');
}

/** "a, b and c" */
function joinEnglish(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export type SentenceOptions = {
  /** Length of the trip in days; defaults to the number of distinct visit dates. */
  days?: number;
};

export function reportSentence(figures: TripFigures, lang: Lang, options: SentenceOptions = {}): string {
  if (figures.visits === 0) {
    return lang === 'zh-CN'
      ? '尚未记录走访，暂无可汇总的成果。'
      : 'No visits have been recorded yet, so there is nothing to summarise.';
  }
  const days = options.days && options.days > 0 ? options.days : figures.visitDays;
  const num = (n: number) => formatNumber(n, lang);
  const activities = REPORT_ACTIVITY_ORDER.filter((type) => figures.activities[type] > 0).map((type) => {
    const n = figures.activities[type];
    return lang === 'zh-CN' ? ACTIVITY_PHRASES[type].zh(num(n)) : ACTIVITY_PHRASES[type].en(n, num(n));
  });
  const { agreements } = figures;
  // When the appointed experts are named, "N名专家受聘" says more than the number of appointment letters.
  const appointmentsAsExperts = agreements.appointedExperts > 0;
  const signedKinds = SIGNED_ORDER.filter(
    (kind) => agreements.byKind[kind].signed > 0 && !(kind === 'expert_appointment' && appointmentsAsExperts),
  );
  const signed = signedKinds.map((kind) => {
    const n = agreements.byKind[kind].signed;
    return lang === 'zh-CN' ? SIGNED_PHRASES[kind].zh(num(n)) : SIGNED_PHRASES[kind].en(n, num(n));
  });
  const signedCount = signedKinds.reduce((sum, kind) => sum + agreements.byKind[kind].signed, 0);
  const consensus = agreements.byKind.consensus.signed;
  const input: SentenceParts = {
    days,
    activities,
    signed,
    signedPlural: signedCount > 1,
    consensus,
    appointed: appointmentsAsExperts ? agreements.appointedExperts : 0,
    num,
  };
  return lang === 'zh-CN' ? chineseSentence(figures, input) : englishSentence(figures, input);
}

type SentenceParts = {
  days: number;
  activities: string[];
  signed: string[];
  signedPlural: boolean;
  consensus: number;
  appointed: number;
  num: (n: number) => string;
};

function chineseSentence(f: TripFigures, p: SentenceParts): string {
  const { num } = p;
  const who = f.experts.active > 0 ? `${num(f.experts.active)}名专家` : '专家们';
  const clauses = [
    `${num(p.days)}天时间里，${who}深入${num(f.hostsServed)}家服务单位开展走访${num(f.visits)}次`,
  ];
  if (p.activities.length > 0) clauses.push(`总计开展${p.activities.join('、')}`);
  const solved = [
    f.problems.hard.solved > 0 ? `疑难杂症${num(f.problems.hard.solved)}个` : '',
    f.problems.other.solved > 0 ? `其他大小问题${num(f.problems.other.solved)}个` : '',
  ].filter(Boolean);
  if (solved.length > 0) clauses.push(`解决${solved.join('、')}`);
  if (f.recommendations.total > 0) clauses.push(`给出有效意见建议${num(f.recommendations.total)}条`);
  if (f.peopleTrained > 0) clauses.push(`直接培训指导${num(f.peopleTrained)}人次`);
  if (f.beneficiaries > 0) clauses.push(`惠及基层群众${num(f.beneficiaries)}人`);
  if (p.signed.length > 0) clauses.push(`签订${p.signed.join('、')}`);
  if (p.consensus > 0) clauses.push(`达成初步共识${num(p.consensus)}项`);
  if (p.appointed > 0) clauses.push(`${num(p.appointed)}名专家受聘为特聘专家`);
  return `${clauses.join('，')}。`;
}

function englishSentence(f: TripFigures, p: SentenceParts): string {
  const { num } = p;
  const who =
    f.experts.active > 0
      ? `${num(f.experts.active)} ${plural(f.experts.active, 'expert', 'experts')}`
      : 'the experts';
  let text =
    `Over ${num(p.days)} ${plural(p.days, 'day', 'days')}, ${who} made ${num(f.visits)} ` +
    `${plural(f.visits, 'visit', 'visits')} to ${num(f.hostsServed)} host ${plural(f.hostsServed, 'unit', 'units')}`;
  if (p.activities.length > 0) text += `, holding ${joinEnglish(p.activities)}`;

  const results: string[] = [];
  const solved = [
    f.problems.hard.solved > 0
      ? `${num(f.problems.hard.solved)} hard ${plural(f.problems.hard.solved, 'problem', 'problems')}`
      : '',
    f.problems.other.solved > 0
      ? `${num(f.problems.other.solved)} other ${plural(f.problems.other.solved, 'problem', 'problems')}`
      : '',
  ].filter(Boolean);
  if (solved.length > 0) results.push(`solved ${joinEnglish(solved)}`);
  if (f.recommendations.total > 0) {
    results.push(
      `gave ${num(f.recommendations.total)} ${plural(f.recommendations.total, 'recommendation', 'recommendations')}`,
    );
  }
  if (f.peopleTrained > 0)
    results.push(`trained ${num(f.peopleTrained)} ${plural(f.peopleTrained, 'person', 'people')} directly`);
  if (f.beneficiaries > 0) {
    results.push(`benefited ${num(f.beneficiaries)} ${plural(f.beneficiaries, 'person', 'people')} locally`);
  }
  if (results.length > 0) text += `; they ${joinEnglish(results)}`;

  const outcomes: string[] = [];
  if (p.signed.length > 0)
    outcomes.push(`${joinEnglish(p.signed)} ${p.signedPlural ? 'were' : 'was'} signed`);
  if (p.consensus > 0) {
    outcomes.push(
      `${num(p.consensus)} preliminary ${plural(p.consensus, 'consensus was', 'consensuses were')} reached`,
    );
  }
  if (p.appointed > 0) {
    outcomes.push(
      `${num(p.appointed)} ${plural(p.appointed, 'expert was', 'experts were')} appointed as special advisers`,
    );
  }
  if (outcomes.length > 0) text += `; ${joinEnglish(outcomes)}`;
  return `${text}.`;
}
