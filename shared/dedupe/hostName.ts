/**
 * Host names as a duplicate-finding key.
 *
 * People type the same unit many ways: "重庆市璧山区金泰热处理有限公司", "璧山金泰热处理公司",
 * "金泰热处理（璧山）" or with full-width letters and stray spaces. The key keeps what identifies the unit
 * and drops what varies between spellings:
 *  1. NFKC (full-width letters, digits and brackets become half-width), Latin lower-cased;
 *  2. every space, punctuation mark and symbol removed (（）() · - , . & …);
 *  3. leading administrative divisions removed (四川省, 重庆市, 眉山市, 璧山区, 凉山彝族自治州 …) and kept
 *     aside as `regions`, so that two units of the same name in different places can be told apart;
 *  4. a trailing legal-form suffix removed (有限公司, 股份有限公司, 集团有限公司, Co., Ltd. …).
 *
 * What is deliberately NOT removed:
 *  - 厂 (factory), 医院, 学校, 研究院, 合作社 …: they say what kind of unit it is. "某某机械厂" and
 *    "某某机械有限公司" are often different registrations (a company runs several 厂), and "某某医院" is
 *    not "某某"; merging them wrongly would move one unit's visits to another, which is worse than
 *    showing a possible duplicate too few;
 *  - 分公司 / 子公司: a branch is its own unit with its own credit code, not its parent;
 *  - a place in brackets inside the name ("某某（重庆）有限公司"): subsidiaries in different cities.
 * A leading "place" is taken only when it looks like one: 2-6 characters ending in 省/市/区/县 (longer
 * for autonomous regions), not a word such as 超市, 城市, 园区, 社区, and not the start of 市场, 市政,
 * 区块链 …; and never when it would leave less than two characters. Province-level names are also taken
 * without their suffix ("重庆金泰…", "四川某某…"), as firms are usually named; that makes "重庆大学" and
 * "四川大学" both "大学", which is why places are kept: two provinces never match (regionsCompatible).
 */

export type HostNameParts = {
  /** The comparable core of the name: "金泰热处理". */
  core: string;
  /** Leading administrative divisions, outermost first: ["重庆市", "璧山区"]. */
  regions: string[];
};

const HAN = '\\p{Script=Han}';
/** 省/市/区/县 after 1-5 characters (2-6 in all); 自治区/自治州/自治县 after 1-7 (阿坝藏族羌族自治州). */
const REGION = new RegExp(`^(?:(${HAN}{1,7}?)(自治区|自治州|自治县)|(${HAN}{1,5}?)(省|市|区|县))`, 'u');

/**
 * Words ending in 市/区 that are not places. The first list never ends a place name, so a candidate
 * ending in one ("永辉超市") is no place; the second does end real ones (晋城市, 荆门市, 成都市, 东营区,
 * 神农架林区), so it only stops a candidate that is the word itself ("城市建设投资公司").
 */
const NEVER_PLACE_ENDINGS = new Set(
  '超市 夜市 菜市 集市 股市 街市 社区 小区 园区 景区 校区 厂区 病区 街区 商区 片区 展区 分区 灾区 禁区'.split(
    ' ',
  ),
);
const NOT_PLACE_WORDS = new Set(
  '城市 都市 门市 市区 城区 山区 矿区 林区 郊区 营区 专区 新区 县区'.split(' '),
);
/** A place never goes on into these words: 市场, 市政, 区块链, 区域, 县域, 省级, 省委 … */
const NOT_AFTER = new Set(['场', '政', '块', '域', '级', '属', '委']);

/** Chinese legal forms at the end of a name, longest first so that 集团有限公司 wins over 有限公司. */
const LEGAL_FORMS = [
  '集团股份有限公司',
  '集团有限责任公司',
  '股份有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '集团公司',
  '股份公司',
  '有限公司',
  '总公司',
  '公司',
  '集团',
];
/**
 * Latin legal forms, matched as whole words before spaces and dots are dropped ("Co., Ltd.", "Inc"),
 * so that the "co" ending "Mexico" or a pinyin word is left alone.
 */
const LATIN_FORMS =
  /(?:[\s,.]+|^)(?:co\s*\.?\s*,?\s*ltd|ltd|limited|inc|incorporated|corp|corporation|company|llc|gmbh|co)\.?\s*$/u;
/** Branches are units of their own: "某某有限公司璧山分公司" keeps its 分公司. */
const BRANCHES = ['分公司', '子公司'];

const MIN_CORE = 2;
const length = (s: string) => Array.from(s).length;

/** Leading places of `text`; stops before leaving fewer than `minRest` characters. */
/** Province-level divisions by the short name firms use, with their full name. */
const PROVINCES: ReadonlyMap<string, string> = new Map([
  ...'北京 天津 上海 重庆'.split(' ').map((n) => [n, `${n}市`]),
  ...'河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾'
    .split(' ')
    .map((n) => [n, `${n}省`]),
  ['内蒙古', '内蒙古自治区'],
  ['广西', '广西壮族自治区'],
  ['西藏', '西藏自治区'],
  ['宁夏', '宁夏回族自治区'],
  ['新疆', '新疆维吾尔自治区'],
] as [string, string][]);
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** A leading place: a division with its suffix, or a province by its short name ("重庆", "四川"). */
function leadingPlace(text: string): { place: string; region: string } | null {
  const match = REGION.exec(text);
  if (match) return { place: match[0], region: match[0] };
  for (const [short, full] of PROVINCES) {
    if (text.startsWith(short)) return { place: short, region: full };
  }
  return null;
}

function stripRegions(text: string, minRest: number): { rest: string; regions: string[] } {
  const regions: string[] = [];
  let rest = text;
  for (;;) {
    const found = leadingPlace(rest);
    if (!found) break;
    const place = found.place;
    const after = rest.slice(place.length);
    const lastTwo = Array.from(place).slice(-2).join('');
    if (NEVER_PLACE_ENDINGS.has(lastTwo) || NOT_PLACE_WORDS.has(place)) break;
    if (NOT_AFTER.has(Array.from(after)[0] ?? '')) break;
    if (length(after) < minRest) break;
    regions.push(found.region);
    rest = after;
  }
  return { rest, regions };
}

function stripLegalForm(text: string): string {
  if (BRANCHES.some((b) => text.endsWith(b))) return text;
  const form = LEGAL_FORMS.find((f) => text.endsWith(f));
  if (!form) return text;
  const rest = text.slice(0, text.length - form.length);
  return length(rest) >= MIN_CORE ? rest : text;
}

function stripLatinForms(text: string): string {
  let rest = text;
  for (let i = 0; i < 3; i++) {
    const next = rest.replace(LATIN_FORMS, '');
    if (next === rest || length(foldPunctuation(next)) < MIN_CORE) break;
    rest = next;
  }
  return rest;
}

const foldPunctuation = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, '');

/** NFKC, lower-case, no spaces, punctuation or symbols (legal forms still attached). */
export function foldHostName(name: string): string {
  return foldPunctuation(name.normalize('NFKC').toLowerCase());
}

export function splitHostName(name: string): HostNameParts {
  const latinFree = stripLatinForms(name.normalize('NFKC').toLowerCase().trim());
  const { rest, regions } = stripRegions(foldPunctuation(latinFree), MIN_CORE);
  return { core: stripLegalForm(rest), regions };
}

/** The comparable key of a host name (see the header): equal keys are candidate duplicates. */
export function normaliseHostName(name: string): string {
  return splitHostName(name).core;
}

/** Zones inside a county (璧山高新区, 两江新区, 经开区): places, but not a level that can contradict. */
const ZONE = /(高新区|新区|开发区|经开区|保税区|工业区|示范区)$/u;

/**
 * 1 province level (with the four municipalities), 2 prefecture level, 3 county level ("璧山县" became
 * "璧山区", both level 3); 0 for a zone, which lies within a county and contradicts nothing.
 */
function levelOf(region: string): number {
  if (ZONE.test(region)) return 0;
  if (region.endsWith('省') || region.endsWith('自治区') || MUNICIPALITIES.has(region)) return 1;
  if (region.endsWith('市') || region.endsWith('自治州')) return 2;
  return 3;
}

function placeName(region: string): string {
  return region.replace(/(自治区|自治州|自治县|省|市|区|县)$/u, '');
}

/**
 * Whether two sets of places can describe the same unit: they may name different levels ("重庆市" and
 * "璧山区") but not two different places of one level ("眉山市" and "成都市", "重庆市" and "四川省").
 * Which city lies in which province is not known here, so a level mismatch is never a contradiction.
 */
export function regionsCompatible(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const level = levelOf(x);
      if (level !== 0 && level === levelOf(y) && placeName(x) !== placeName(y)) return false;
    }
  }
  return true;
}

/** The places a host record names: those leading its name, and its district field. */
export function hostRegions(host: { name: string; district?: string | undefined }): string[] {
  const regions = splitHostName(host.name).regions;
  const district = host.district ? foldHostName(host.district) : '';
  if (district === '') return regions;
  return [...regions, ...stripRegions(district, 0).regions];
}
