import { describe, expect, it } from 'vitest';
import { interpolate, translate } from '../../../shared/i18n';

describe('interpolate', () => {
  it('replaces parameters and leaves unknown ones visible', () => {
    expect(interpolate('共 {count} 条，{missing}', { count: 3 })).toBe('共 3 条，{missing}');
  });

  it('picks the English noun that fits the number', () => {
    expect(interpolate('{n:record|records}', { n: 1 })).toBe('1 record');
    expect(interpolate('{n:record|records}', { n: 0 })).toBe('0 records');
    expect(interpolate('{n:record needs|records need} changes', { n: 2 })).toBe('2 records need changes');
  });

  it('is used by the messages: one item, two items', () => {
    expect(translate('en', 'list.count', { count: 1 })).toBe('1 item');
    expect(translate('en', 'list.count', { count: 2 })).toBe('2 items');
    expect(translate('zh-CN', 'list.count', { count: 1 })).toBe('共 1 条');
  });
});
