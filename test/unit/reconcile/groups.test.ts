import { describe, expect, it } from 'vitest';
import { completeCreditCode } from '../../../shared/creditCode';
import { hostDuplicateGroups, pairKey, visitDuplicateGroups } from '../../../shared/dedupe/groups';

const CODE_A = completeCreditCode('91500227MA5U7XXXX'.replace(/X/g, '1'));
const CODE_B = completeCreditCode('91500227MA5U72222');

const host = (id: string, name: string, creditCode = '', district = '') => ({
  id,
  name,
  creditCode,
  district,
});
const ids = (groups: { members: { id: string }[] }[]) => groups.map((g) => g.members.map((m) => m.id).sort());

describe('hostDuplicateGroups', () => {
  it('groups hosts with the same credit code whatever their names', () => {
    const groups = hostDuplicateGroups([
      host('a', '重庆金泰热处理有限公司', CODE_A),
      host('b', '金泰公司', CODE_A),
      host('c', '璧山锻造厂', CODE_B),
    ]);
    expect(ids(groups)).toEqual([['a', 'b']]);
    expect(groups[0]?.reasons).toEqual(['creditCode']);
    expect(groups[0]?.key).toBe('a,b');
  });

  it('groups hosts whose names normalise to the same key', () => {
    const groups = hostDuplicateGroups([
      host('a', '重庆市璧山区金泰热处理有限公司'),
      host('b', '金泰热处理（璧山区）'),
      host('c', '璧山区 金泰 热处理 公司'),
      host('d', '金泰热处理厂'),
    ]);
    expect(ids(groups)).toEqual([['a', 'c']]);
    expect(groups[0]?.reasons).toEqual(['name']);
  });

  it('joins code and name links into one group with both reasons', () => {
    const groups = hostDuplicateGroups([
      host('a', '金泰热处理有限公司', CODE_A),
      host('b', '金泰', CODE_A),
      host('c', '重庆金泰热处理公司'.replace('重庆', '重庆市')),
    ]);
    expect(ids(groups)).toEqual([['a', 'b', 'c']]);
    expect(groups[0]?.reasons).toEqual(['creditCode', 'name']);
  });

  it('does not group same names with two different credit codes, or in two different cities', () => {
    expect(
      hostDuplicateGroups([host('a', '金泰热处理有限公司', CODE_A), host('b', '金泰热处理公司', CODE_B)]),
    ).toEqual([]);
    expect(hostDuplicateGroups([host('a', '眉山市人民医院'), host('b', '成都市人民医院')])).toEqual([]);
    expect(
      hostDuplicateGroups([host('a', '人民医院', '', '璧山区'), host('b', '人民医院', '', '东坡区')]),
    ).toEqual([]);
  });

  it('a district field naming a zone or a street does not keep real duplicates apart', () => {
    const groups = hostDuplicateGroups([
      host('a', '重庆东嶅药业有限公司', CODE_A, '璧山高新区'),
      host('b', '重庆市璧山区东嶅药业公司', '', '璧城街道'),
    ]);
    expect(ids(groups)).toEqual([['a', 'b']]);
  });

  it('a host without a place joins one city, never bridging two', () => {
    const groups = hostDuplicateGroups([
      host('mei', '眉山市人民医院'),
      host('cheng', '成都市人民医院'),
      host('plain', '人民医院'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.members.map((m) => m.id)).toContain('plain');
    expect(groups[0]?.members).toHaveLength(2);
  });

  it('leaves out pairs declared not duplicates, until a new record joins', () => {
    const hosts = [host('a', '金泰热处理有限公司'), host('b', '金泰热处理公司')];
    const notDuplicates = new Set([pairKey('b', 'a')]);
    expect(hostDuplicateGroups(hosts, { notDuplicates })).toEqual([]);
    const withNew = hostDuplicateGroups([...hosts, host('c', '金泰热处理')], { notDuplicates });
    expect(ids(withNew)).toEqual([['a', 'b', 'c']]);
  });

  it('ignores empty codes and empty names', () => {
    expect(hostDuplicateGroups([host('a', '甲单位'), host('b', '乙单位')])).toEqual([]);
  });
});

describe('visitDuplicateGroups', () => {
  const visit = (id: string, hostId: string, date: string, expertIds: string[]) => ({
    id,
    hostId,
    date,
    expertIds,
  });

  it('groups visits to one host on one date with an expert in common', () => {
    const groups = visitDuplicateGroups([
      visit('v1', 'h1', '2025-06-23', ['e1', 'e2']),
      visit('v2', 'h1', '2025-06-23', ['e2']),
      visit('v3', 'h1', '2025-06-23', ['e3']),
      visit('v4', 'h1', '2025-06-24', ['e1']),
      visit('v5', 'h2', '2025-06-23', ['e1']),
    ]);
    expect(ids(groups)).toEqual([['v1', 'v2']]);
    expect(groups[0]?.reasons).toEqual(['sameVisit']);
  });

  it('chains overlaps: A shares with B, B with C', () => {
    const groups = visitDuplicateGroups([
      visit('a', 'h', '2025-06-23', ['e1']),
      visit('b', 'h', '2025-06-23', ['e1', 'e2']),
      visit('c', 'h', '2025-06-23', ['e2']),
    ]);
    expect(ids(groups)).toEqual([['a', 'b', 'c']]);
  });

  it('respects pairs declared not duplicates', () => {
    const visits = [visit('a', 'h', '2025-06-23', ['e1']), visit('b', 'h', '2025-06-23', ['e1'])];
    expect(visitDuplicateGroups(visits, { notDuplicates: new Set([pairKey('a', 'b')]) })).toEqual([]);
  });
});
