import { defineMessages } from '../core';

/**
 * Words of the device-side attachments core: why a file was not attached.
 * Keys start with "attachments.core." so they never collide with the attachments screens' own file.
 * Registered in shared/i18n/messages/features.ts like every feature's messages.
 */
export const attachmentsCoreMessages = defineMessages({
  'attachments.core.refused.photoType': {
    zh: '“{name}”不是照片。可以添加 JPEG、PNG 或 WebP 格式的图片。',
    en: '“{name}” is not a photo. You can add JPEG, PNG or WebP images.',
  },
  'attachments.core.refused.scanType': {
    zh: '“{name}”不是可添加的扫描件。可以添加 PDF 文件或 JPEG、PNG、WebP 格式的图片。',
    en: '“{name}” cannot be added as a scan. You can add PDF files or JPEG, PNG and WebP images.',
  },
  'attachments.core.refused.heic': {
    zh: '“{name}”是 HEIC 格式（苹果手机照片），本应用无法显示。请在手机上改为导出 JPEG（“最兼容”格式）后再添加。',
    en: '“{name}” is a HEIC photo (iPhone format), which this app cannot show. Export it as JPEG on the phone (“Most Compatible”) and add it again.',
  },
  'attachments.core.refused.size': {
    zh: '“{name}”有 {size}，超过了单个文件 {max} 的上限。',
    en: '“{name}” is {size}, more than the {max} limit for one file.',
  },
  'attachments.core.refused.empty': {
    zh: '“{name}”是空文件。',
    en: '“{name}” is empty.',
  },
  'attachments.core.refused.unreadable': {
    zh: '无法读取“{name}”，文件可能已损坏。请换一个文件再试。',
    en: '“{name}” could not be read; the file may be damaged. Try another file.',
  },
  'attachments.core.refused.quota': {
    zh: '本机存储空间不足，“{name}”（{size}）未能保存。请先删除不需要的附件以释放空间。',
    en: 'Not enough storage space on this device to save “{name}” ({size}). Free some space first (for example by removing attachments you no longer need).',
  },
});

export type AttachmentMessageKey = keyof typeof attachmentsCoreMessages;
