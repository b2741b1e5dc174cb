import { describe, expect, it } from 'vitest';
import { buildDemoTrip } from '../../../../shared/demo/demoTrip';
import { findSameExpert, findSameHost, reuseDirectoryEntries } from '../../../../shared/demo/reuse';

describe('finding directory entries the demo can reuse', () => {
  it('matches an expert by name when the affiliation agrees or was never filled in', () => {
    const yang = { id: 'new', name: '杨磊', affiliation: '重庆大学超瞬态装置实验室' };
    const elsewhere = { id: 'a', name: '杨磊', affiliation: '西南大学' };
    const same = { id: 'b', name: ' 杨磊 ', affiliation: '重庆大学超瞬态装置实验室' };
    const blank = { id: 'c', name: '杨磊', affiliation: '' };
    expect(findSameExpert(yang, [elsewhere])).toBeUndefined();
    expect(findSameExpert(yang, [elsewhere, blank])?.id).toBe('c');
    expect(findSameExpert(yang, [blank, same])?.id).toBe('b');
    expect(
      findSameExpert(yang, [{ id: 'd', name: '杨蕾', affiliation: '重庆大学超瞬态装置实验室' }]),
    ).toBeUndefined();
  });

  it('matches a host by its credit code, however it was typed, and a host without a code by name', () => {
    const dongao = { id: 'new', name: '重庆东嶅药业有限公司', creditCode: '91500120MA5U4K2D9X' };
    expect(findSameHost(dongao, [{ id: 'a', name: '东嶅药业', creditCode: '91500120ma5u4k2d9x' }])?.id).toBe(
      'a',
    );
    expect(findSameHost(dongao, [{ id: 'b', name: '重庆东嶅药业有限公司', creditCode: '' }])).toBeUndefined();
    const park = { id: 'new', name: '中新(重庆)生命科技园', creditCode: '' };
    expect(findSameHost(park, [{ id: 'c', name: '中新(重庆)生命科技园', creditCode: '' }])?.id).toBe('c');
    expect(
      findSameHost(park, [{ id: 'd', name: '中新(重庆)生命科技园', creditCode: '91500120MA60B7QK6P' }]),
    ).toBeUndefined();
  });
});

describe('reuseDirectoryEntries', () => {
  it('drops reused entries and points every reference at the existing ones', () => {
    const demo = buildDemoTrip({ today: '2026-11-22' });
    const ding = demo.experts.find((e) => e.name === '丁显平');
    const government = demo.hosts.find((h) => h.name === '重庆市璧山区人民政府');
    if (!ding || !government) throw new Error('demo data changed');
    const plan = reuseDirectoryEntries(
      demo,
      new Map([[ding.id, 'existing-ding']]),
      new Map([[government.id, 'existing-gov']]),
    );
    expect(plan.experts).toHaveLength(demo.experts.length - 1);
    expect(plan.hosts).toHaveLength(demo.hosts.length - 1);
    const everything = JSON.stringify(plan);
    expect(everything).not.toContain(ding.id);
    expect(everything).not.toContain(government.id);
    expect(plan.tripMembers.find((m) => m.role === 'chief_expert')?.expertId).toBe('existing-ding');
    expect(plan.agreements.filter((a) => a.hostId === 'existing-gov')).toHaveLength(14);
    expect(plan.visits.filter((v) => v.expertIds.includes('existing-ding')).length).toBeGreaterThan(2);
    expect(plan.followUps.some((f) => f.relatedType === 'host' && f.relatedId === 'existing-gov')).toBe(true);
    // The input is left as it was.
    expect(demo.experts).toContain(ding);
  });
});
