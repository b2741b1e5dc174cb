import { describe, expect, it } from 'vitest';
import {
  hostRegions,
  normaliseHostName,
  regionsCompatible,
  splitHostName,
} from '../../../shared/dedupe/hostName';

const same = (a: string, b: string) => expect(normaliseHostName(a), `${a} ~ ${b}`).toBe(normaliseHostName(b));
const differ = (a: string, b: string) =>
  expect(normaliseHostName(a), `${a} ≁ ${b}`).not.toBe(normaliseHostName(b));

describe('normaliseHostName', () => {
  it('folds full-width letters, digits and brackets to half-width and lower-cases Latin', () => {
    same('ＢＮＣＴ医疗科技有限公司', 'bnct医疗科技有限公司');
    same('金泰（璧山）热处理有限公司', '金泰(璧山)热处理有限公司');
    same('第３研究所', '第3研究所');
    expect(normaliseHostName('ＡＢＣ精密')).toBe('abc精密');
  });

  it('removes every space and punctuation mark: ideographic spaces, ·, -, brackets, commas', () => {
    same('重庆 金泰·热处理-有限公司', '重庆金泰热处理有限公司');
    same('金泰\u3000热处理  有限公司', '金泰热处理有限公司');
    same('“金泰”热处理有限公司', '金泰热处理有限公司');
    expect(normaliseHostName('  ')).toBe('');
  });

  it('strips legal-form suffixes, the longest first', () => {
    for (const name of [
      '某某饲料有限公司',
      '某某饲料有限责任公司',
      '某某饲料股份有限公司',
      '某某饲料集团有限公司',
      '某某饲料集团股份有限公司',
      '某某饲料公司',
      '某某饲料集团',
    ]) {
      expect(normaliseHostName(name), name).toBe('某某饲料');
    }
  });

  it('strips Latin legal forms only as whole words', () => {
    same('ABC Technology Co., Ltd.', 'abc technology ltd');
    same('ABC Technology Co.,Ltd', 'ABC Technology Inc.');
    expect(normaliseHostName('Mexico Foods')).toBe('mexicofoods');
    expect(normaliseHostName('Tianco')).toBe('tianco');
  });

  it('strips leading provinces, cities and districts and keeps them aside', () => {
    expect(splitHostName('重庆市璧山区金泰热处理有限公司')).toEqual({
      core: '金泰热处理',
      regions: ['重庆市', '璧山区'],
    });
    expect(splitHostName('四川省眉山市东坡区某某饲料集团有限公司')).toEqual({
      core: '某某饲料',
      regions: ['四川省', '眉山市', '东坡区'],
    });
    expect(splitHostName('阿坝藏族羌族自治州汶川县某某村').regions).toEqual(['阿坝藏族羌族自治州', '汶川县']);
    expect(splitHostName('内蒙古自治区伊利集团').core).toBe('伊利');
    same('成都市金泰热处理有限公司', '金泰热处理有限公司');
    same('璧山区金泰热处理厂', '重庆市璧山区金泰热处理厂');
  });

  it('takes provinces and municipalities by the short name firms use, but never matches two of them', () => {
    expect(splitHostName('重庆金泰热处理有限公司')).toEqual({ core: '金泰热处理', regions: ['重庆市'] });
    expect(splitHostName('四川某某饲料有限公司')).toEqual({ core: '某某饲料', regions: ['四川省'] });
    expect(splitHostName('广西某某糖业集团').regions).toEqual(['广西壮族自治区']);
    same('重庆金泰热处理有限公司', '重庆市璧山区金泰热处理公司');
    // "重庆大学" and "四川大学" share a core; their places keep them apart.
    expect(regionsCompatible(splitHostName('重庆大学').regions, splitHostName('四川大学').regions)).toBe(
      false,
    );
    expect(regionsCompatible(['重庆市'], ['四川省'])).toBe(false);
    expect(normaliseHostName('重庆市政设计研究院')).toBe('重庆市政设计研究院');
  });

  it('does not take words for places: 市政, 超市, 城市, 市场, 区块链', () => {
    expect(normaliseHostName('市政工程有限公司')).toBe('市政工程');
    expect(normaliseHostName('重庆市市政工程有限公司')).toBe('市政工程');
    expect(normaliseHostName('永辉超市有限公司')).toBe('永辉超市');
    expect(normaliseHostName('城市建设投资有限公司')).toBe('城市建设投资');
    expect(splitHostName('璧山区农贸市场').regions).toEqual(['璧山区']);
    expect(normaliseHostName('璧山区农贸市场')).toBe('农贸市场');
    expect(normaliseHostName('成都市区块链研究院')).toBe('区块链研究院');
    // Real places that end like such words are still places.
    expect(splitHostName('成都市金泰有限公司').regions).toEqual(['成都市']);
    expect(splitHostName('荆门市金泰有限公司').regions).toEqual(['荆门市']);
  });

  it('keeps what says what kind of unit it is: a hospital is not its town, a 厂 not a 公司', () => {
    differ('某某医院', '某某');
    differ('璧山区人民医院', '璧山区人民政府');
    differ('某某机械厂', '某某机械有限公司');
    differ('某某有限公司璧山分公司', '某某有限公司');
    differ('某某（重庆）有限公司', '某某（成都）有限公司');
  });

  it('never strips a name down to less than two characters', () => {
    expect(normaliseHostName('公司')).toBe('公司');
    expect(normaliseHostName('重庆市')).toBe('重庆市');
    expect(normaliseHostName('璧山区矿')).toBe('璧山区矿');
    expect(normaliseHostName('A公司')).toBe('a公司');
  });
});

describe('places', () => {
  it('are compatible across levels and incompatible within one level', () => {
    expect(regionsCompatible(['重庆市', '璧山区'], ['璧山区'])).toBe(true);
    expect(regionsCompatible(['四川省', '眉山市'], ['眉山市', '东坡区'])).toBe(true);
    expect(regionsCompatible(['眉山市'], ['成都市'])).toBe(false);
    expect(regionsCompatible(['璧山区'], ['东坡区'])).toBe(false);
    // 璧山县 became 璧山区: both county level, same place.
    expect(regionsCompatible(['璧山县'], ['璧山区'])).toBe(true);
    expect(regionsCompatible([], ['成都市'])).toBe(true);
    // A development zone lies inside a district: it contradicts nothing.
    expect(regionsCompatible(['重庆市', '璧山高新区'], ['重庆市', '璧山区'])).toBe(true);
  });

  it('of a host come from its name and its district field', () => {
    expect(hostRegions({ name: '人民医院', district: '重庆市璧山区' })).toEqual(['重庆市', '璧山区']);
    expect(hostRegions({ name: '眉山市人民医院', district: '东坡区' })).toEqual(['眉山市', '东坡区']);
    expect(hostRegions({ name: '人民医院', district: '璧山' })).toEqual([]);
    expect(hostRegions({ name: '人民医院', district: '璧城街道' })).toEqual([]);
  });
});
