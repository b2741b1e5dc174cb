import { describe, expect, it } from 'vitest';
import { interpolate, messages, translate } from '../../../shared/i18n';

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

describe('messages', () => {
  const names = (text: string) => new Set([...text.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((m) => m[1]));

  it('say the same things in both languages: every parameter of one is in the other', () => {
    const mismatched = Object.entries(messages)
      .filter(([, pair]) => {
        const [zh, en] = [names(pair.zh), names(pair.en)];
        return zh.size !== en.size || [...zh].some((n) => !en.has(n));
      })
      .map(([key, pair]) => `${key}: ${pair.zh} / ${pair.en}`);
    expect(mismatched).toEqual([]);
  });

  it('write Chinese with full-width punctuation and English without "(s)"', () => {
    const halfWidth = Object.entries(messages)
      .filter(([, pair]) => /[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]/.test(pair.zh))
      .map(([key, pair]) => `${key}: ${pair.zh}`);
    expect(halfWidth).toEqual([]);
    const guessedPlurals = Object.entries(messages)
      .filter(([, pair]) => /\(s\)|\(es\)/.test(pair.en))
      .map(([key, pair]) => `${key}: ${pair.en}`);
    expect(guessedPlurals).toEqual([]);
  });
});
