import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../renderer/attachments/hash';
import { sha256HexSync } from '../../../shared/attachments/sha256';

describe('SHA-256', () => {
  it('matches the known vectors', () => {
    expect(sha256HexSync(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(sha256HexSync(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('agrees with WebCrypto and Node on every length around the block boundaries, and on a large input', async () => {
    const bytes = new Uint8Array(300_123).map((_, i) => (i * 31 + 7) & 0xff);
    for (const length of [1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, bytes.length]) {
      const part = bytes.subarray(3, 3 + length);
      const expected = createHash('sha256').update(part).digest('hex');
      expect(sha256HexSync(part)).toBe(expected);
      expect(await sha256Hex(part)).toBe(expected);
    }
    expect(await sha256Hex(new Blob([bytes]))).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
