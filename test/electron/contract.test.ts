import { describe, expect, it } from 'vitest';
import {
  isMenuCommand,
  MAX_SAVE_FILE_BYTES,
  menuCommandEvent,
  saveFileRequestSchema,
  serverKey,
} from '../../shared/ipc/contract';

describe('saveFileRequestSchema', () => {
  const base = { suggestedName: '走访记录-2025.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] };

  it('accepts text, bytes and base64 text', () => {
    expect(saveFileRequestSchema.safeParse({ ...base, data: 'a,b\n1,2' }).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ ...base, data: new Uint8Array([1, 2, 3]) }).success).toBe(true);
    expect(saveFileRequestSchema.safeParse({ ...base, data: 'AQID', encoding: 'base64' }).success).toBe(true);
  });

  it('accepts a bare file name only', () => {
    for (const suggestedName of [
      'a/b.csv',
      'a\\b.csv',
      '/etc/passwd',
      '..',
      '',
      'bad\u0000.csv',
      'line\nbreak.csv',
    ]) {
      expect(
        saveFileRequestSchema.safeParse({ ...base, suggestedName, data: 'x' }).success,
        suggestedName,
      ).toBe(false);
    }
  });

  it('refuses data beyond the size limit', () => {
    const tooBig = new Uint8Array(MAX_SAVE_FILE_BYTES + 1);
    expect(saveFileRequestSchema.safeParse({ ...base, data: tooBig }).success).toBe(false);
  });
});

describe('menu commands', () => {
  it('validates the main → renderer payload', () => {
    expect(menuCommandEvent.channel).toBe('menu:command');
    expect(menuCommandEvent.payload.safeParse('new-visit').success).toBe(true);
    expect(menuCommandEvent.payload.safeParse('rm -rf').success).toBe(false);
    expect(isMenuCommand('search')).toBe(true);
    expect(isMenuCommand('constructor')).toBe(false);
    expect(isMenuCommand(1)).toBe(false);
  });
});

describe('serverKey', () => {
  it('gives one key per server, ignoring a trailing slash, query and fragment', () => {
    expect(serverKey('https://sync.example.cn')).toBe('https://sync.example.cn');
    expect(serverKey('https://sync.example.cn/')).toBe('https://sync.example.cn');
    expect(serverKey('HTTPS://Sync.Example.cn/api/?x=1#y')).toBe('https://sync.example.cn/api');
    expect(serverKey('http://10.0.0.2:8080/sync/')).toBe('http://10.0.0.2:8080/sync');
    expect(serverKey('https://a.cn/one')).not.toBe(serverKey('https://a.cn/two'));
  });

  it('refuses anything but http(s)', () => {
    expect(() => serverKey('file:///tmp')).toThrow();
    expect(() => serverKey('not a url')).toThrow();
  });
});
