/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * 18 characters from a 31-symbol alphabet (digits and upper-case letters without I, O, Z, S, V):
 *  1   registration authority, 2 organisation type, 3-8 administrative division (digits),
 *  9-17 organisation code, 18 check character over the first 17 (weighted sum mod 31).
 * The check is what catches a mistyped code in the field, so it is validated, not just the length.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem =
  | { kind: 'empty' }
  | { kind: 'length'; length: number }
  | { kind: 'character'; char: string; position: number }
  | { kind: 'division'; position: number }
  | { kind: 'check'; expected: string; actual: string };

/** Upper-cases, turns full-width characters into half-width and drops spaces, as people paste them. */
export function normaliseCreditCode(input: string): string {
  return input
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`invalid character at ${i + 1}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

/** Returns null when the (already normalised) code is valid, otherwise the first problem found. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length === 0) return { kind: 'empty' };
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(char)) return { kind: 'character', char, position: i + 1 };
  }
  for (let i = 2; i < 8; i++) {
    if (!/[0-9]/.test(code.charAt(i))) return { kind: 'division', position: i + 1 };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) return { kind: 'check', expected, actual };
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(normaliseCreditCode(code)) === null;
}

/** Makes a valid code from a 17-character body; used by the demo data and tests. */
export function completeCreditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}
