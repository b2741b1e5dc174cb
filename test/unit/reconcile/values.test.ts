import { describe, expect, it } from 'vitest';
import { formatValue, kindOf, listDifference, nameKey } from '../../../renderer/features/reconcile/values';
import { fieldTextKey } from '../../../renderer/i18n/fieldNames';
import { translate } from '../../../shared/i18n';

const names = new Map([
  [nameKey('experts', 'e1'), '李工'],
  [nameKey('experts', 'e2'), '王教授'],
  [nameKey('hosts', 'h1'), '璧山区人民医院'],
]);
const zh = (table: string, field: string, value: unknown, record?: Record<string, unknown>) =>
  formatValue(kindOf(table, field, record), value, 'zh-CN', names);

describe('conflict values in words', () => {
  it('enum values by their labels, in either language', () => {
    expect(zh('hosts', 'kind', 'hospital')).toBe('医院');
    expect(zh('visits', 'reviewState', 'has_issues')).toBe('待修改');
    expect(formatValue(kindOf('agreements', 'status'), 'signed', 'en', names)).toBe('Signed');
  });

  it('ids by the names of their records, lists joined with 、', () => {
    expect(zh('visits', 'expertIds', ['e1', 'e2'])).toBe('李工、王教授');
    expect(formatValue(kindOf('visits', 'expertIds'), ['e1', 'e2'], 'en', names)).toBe('李工, 王教授');
    expect(zh('visits', 'hostId', 'h1')).toBe('璧山区人民医院');
    expect(zh('followUps', 'relatedId', 'h1', { relatedType: 'host' })).toBe('璧山区人民医院');
    expect(zh('visits', 'hostId', 'gone')).toBe('（已删除或不在本机的记录）');
    expect(zh('agreements', 'parties', ['璧山区人民医院', '重庆大学'])).toBe('璧山区人民医院、重庆大学');
  });

  it('dates, numbers, yes/no, activities and empty values', () => {
    expect(zh('visits', 'date', '2025-06-23')).toBe('2025年6月23日');
    expect(zh('agreements', 'amount', 12500)).toBe('12,500');
    expect(zh('recommendations', 'adopted', true)).toBe('是');
    expect(zh('visits', 'activities', [{ type: 'lecture', count: 2, topic: '微创手术' }])).toBe(
      '专题讲座 ×2（微创手术）',
    );
    expect(zh('visits', 'notes', '')).toBe(translate('zh-CN', 'reconcile.value.empty'));
    expect(zh('visits', 'expertIds', [])).toBe(translate('zh-CN', 'reconcile.value.empty'));
  });

  it('what a list value adds and lacks', () => {
    expect(listDifference(kindOf('visits', 'expertIds'), ['e1'], ['e1', 'e2'])).toEqual({
      added: ['e2'],
      removed: [],
    });
    expect(listDifference(kindOf('visits', 'notes'), 'a', 'b')).toBeNull();
  });

  it('field names as the record forms call them, then the sync screens’ words', () => {
    expect(translate('zh-CN', fieldTextKey('visits', 'peopleTrained') ?? 'state.empty')).toBe('培训指导人次');
    expect(translate('zh-CN', fieldTextKey('hosts', 'kind') ?? 'state.empty')).toBe('单位类型');
    expect(translate('zh-CN', fieldTextKey('trips', 'region') ?? 'state.empty')).toBe('地区（市、区县）');
    expect(translate('zh-CN', fieldTextKey('agreements', 'reviewState') ?? 'state.empty')).toBe('审核状态');
    expect(fieldTextKey('merges', 'somethingNew')).toBeNull();
  });
});
