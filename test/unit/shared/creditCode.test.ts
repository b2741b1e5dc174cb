import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  completeCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  normaliseCreditCode,
} from '../../../shared/creditCode';
import { formatIssue } from '../../../shared/i18n';
import { hostSchema } from '../../../shared/schemas';

const ID = '0190a0e0-0000-7000-8000-000000000000';

describe('unified social credit code', () => {
  it('accepts a published real code (国家税务总局 example 91350100M000100Y43)', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('computes a check character that validates', () => {
    const code = completeCreditCode('91500120MA5U0XYZ1'.replace('Z', 'Y'));
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('names the problem: length, character, region digits, check character', () => {
    expect(checkCreditCode('9135010')).toEqual({ kind: 'length', length: 7 });
    expect(checkCreditCode('91350100I000100Y43')).toEqual({ kind: 'character', char: 'I', position: 9 });
    expect(checkCreditCode('9135A100M000100Y43')).toEqual({ kind: 'division', position: 5 });
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ kind: 'check', expected: '3', actual: '4' });
  });

  it('normalises pasted full-width, lower-case, spaced input', () => {
    expect(normaliseCreditCode(' ９１３５０１００m000 100y43 ')).toBe('91350100M000100Y43');
  });

  it('the host schema gives a message a person can act on, in both languages', () => {
    const result = hostSchema.safeParse({ id: ID, name: '眉山某公司', creditCode: '91350100M000100Y44' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path[0] === 'creditCode');
    expect(issue).toBeDefined();
    const zh = formatIssue(issue as never, 'zh-CN');
    const en = formatIssue(issue as never, 'en');
    expect(zh).toContain('第 18 位应为“3”');
    expect(zh).toContain('“4”');
    expect(en).toContain('should be "3"');
  });

  it('an empty code is allowed (villages often have none), a valid one is stored normalised', () => {
    expect(hostSchema.parse({ id: ID, name: '某村', creditCode: '' }).creditCode).toBe('');
    expect(hostSchema.parse({ id: ID, name: '某公司', creditCode: '91350100m000100y43' }).creditCode).toBe(
      '91350100M000100Y43',
    );
  });
});
