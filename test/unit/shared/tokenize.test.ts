import { describe, expect, it } from 'vitest';
import { indexTokens, matchesQuery, normaliseText, queryTokens } from '../../../shared/search/tokenize';

describe('search tokenisation for Chinese text without spaces', () => {
  it('"热处理" finds "金属材料热处理工艺"', () => {
    const tokens = new Set(indexTokens('金属材料热处理工艺'));
    for (const q of queryTokens('热处理')) expect(tokens.has(q)).toBe(true);
    expect(matchesQuery('金属材料热处理工艺', '热处理')).toBe(true);
  });

  it('grams narrow, the substring test decides: "处理热" does not match', () => {
    expect(matchesQuery('金属材料热处理工艺', '处理热')).toBe(false);
  });

  it('a single character query works', () => {
    expect(queryTokens('钢')).toEqual(['钢']);
    expect(indexTokens('钢铁')).toContain('钢');
  });

  it('Latin words match by prefix, case-insensitive, full-width folded', () => {
    const tokens = indexTokens('ＢＮＣＴ Accelerator');
    expect(tokens).toContain('bnct');
    expect(tokens).toContain('acc');
    expect(normaliseText('ＡＢＣ１２３')).toBe('abc123');
    expect(matchesQuery('BNCT 整机装备', 'bnct 整机')).toBe(true);
  });

  it('credit code prefixes are searchable', () => {
    expect(indexTokens('91350100M000100Y43')).toContain('91350100');
    expect(queryTokens('91350100m')).toEqual(['91350100m']);
  });

  it('mixed query needs every part', () => {
    expect(matchesQuery('重庆东嶅药业有限公司 中药饮片', '东嶅 饮片')).toBe(true);
    expect(matchesQuery('重庆东嶅药业有限公司', '东嶅 饮片')).toBe(false);
    expect(matchesQuery('anything', '   ')).toBe(false);
  });
});
