/**
 * Search tokens that work for Chinese text without spaces.
 *
 * Chinese has no word boundaries, so CJK runs are indexed as single characters and overlapping
 * bigrams; a query is turned into the same grams and every gram must be present. Latin letters and
 * digits are indexed as words plus their prefixes, so "heat" finds "heat-treatment" and a partial
 * credit code finds its host. Tokens only narrow the candidates: the final match is a substring test
 * on the normalised text, so "热处理" matches "金属材料热处理工艺" but not "处理热".
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const MAX_PREFIX = 18;

/** NFKC folds full-width letters and digits to half-width; lower-case makes Latin case-insensitive. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

type Run = { cjk: boolean; text: string };

function runs(text: string): Run[] {
  const out: Run[] = [];
  let current: Run | null = null;
  for (const ch of normaliseText(text)) {
    const cjk = CJK.test(ch);
    const word = cjk || /[\p{L}\p{N}]/u.test(ch);
    if (!word) {
      current = null;
      continue;
    }
    if (!current || current.cjk !== cjk) {
      current = { cjk, text: '' };
      out.push(current);
    }
    current.text += ch;
  }
  return out;
}

function cjkGrams(run: string): string[] {
  const chars = Array.from(run);
  const grams: string[] = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + (chars[i + 1] ?? ''));
  return grams;
}

/** Every token under which a text is indexed (deduplicated). */
export function indexTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const run of runs(text)) {
    if (run.cjk) {
      for (const gram of cjkGrams(run.text)) tokens.add(gram);
    } else {
      const word = run.text;
      for (let n = 1; n <= Math.min(word.length, MAX_PREFIX); n++) tokens.add(word.slice(0, n));
      tokens.add(word);
    }
  }
  return [...tokens];
}

/** The tokens a record must have to match the query: bigrams for CJK (a lone character as itself). */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const run of runs(query)) {
    if (run.cjk) {
      const chars = Array.from(run.text);
      if (chars.length === 1) tokens.add(chars[0] ?? '');
      for (let i = 0; i + 1 < chars.length; i++) tokens.add((chars[i] ?? '') + (chars[i + 1] ?? ''));
    } else {
      tokens.add(run.text.slice(0, MAX_PREFIX));
    }
  }
  return [...tokens].filter(Boolean);
}

/** The query's pieces that must each appear, in order of characters, somewhere in the text. */
export function queryParts(query: string): string[] {
  return normaliseText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function matchesQuery(text: string, query: string): boolean {
  const haystack = normaliseText(text);
  const parts = queryParts(query);
  return parts.length > 0 && parts.every((part) => haystack.includes(part));
}
