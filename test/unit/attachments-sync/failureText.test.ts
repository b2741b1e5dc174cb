import { describe, expect, it } from 'vitest';
import { uploadFailureText } from '../../../renderer/attachments/sync/failureText';
import { translate } from '../../../shared/i18n';

const failure = (code: string, details?: unknown) => ({
  code,
  message: 'server words',
  failedAt: 0,
  details,
});
const say = (code: string, details?: unknown) => {
  const { key, params } = uploadFailureText(failure(code, details));
  return { zh: translate('zh-CN', key, params), en: translate('en', key, params) };
};

describe('the words for a refused upload', () => {
  it('names the file size and the limit, rounding an excess up', () => {
    const words = say('blob_too_large', { size: 50 * 1024 * 1024 + 3, maxBytes: 50 * 1024 * 1024 });
    expect(words.zh).toContain('文件大小为 50.1 MB，服务器最多接受 50 MB');
    expect(words.en).toContain('This file is 50.1 MB; the server accepts files up to 50 MB');
  });

  it('explains types, HEIC, membership; falls back to the code for anything else', () => {
    expect(say('unsupported_blob_type').zh).toContain('扫描件请使用 PDF');
    expect(say('heic_not_supported').en).toContain('Export it as JPEG');
    expect(say('not_trip_member').zh).toContain('您不是该活动的成员');
    expect(say('blob_too_large').en).toBe('The server refused this file (blob_too_large).');
    expect(say('chunk_out_of_range').zh).toBe('服务器拒绝了该文件（chunk_out_of_range）。');
  });
});
