import { defineMessages } from '../core';

/**
 * Messages of attachment transfers (renderer/attachments/sync/); keys start with "attachmentsSync.".
 * A refused upload is shown by the server's code, with the numbers from its details.
 */
export const attachmentsSyncMessages = defineMessages({
  'attachmentsSync.failed.blob_too_large': {
    zh: '文件大小为 {size}，服务器最多接受 {max}，未能上传。请把文件缩小（例如降低扫描分辨率或拆分 PDF），或请管理员提高上限。',
    en: 'This file is {size}; the server accepts files up to {max}, so it was not uploaded. Make it smaller (for example scan at a lower resolution, or split the PDF), or ask your administrator to raise the limit.',
  },
  'attachmentsSync.failed.unsupported_blob_type': {
    zh: '服务器不接受这种文件，未能上传。照片和签名请使用 JPEG、PNG 或 WebP，扫描件请使用 PDF。',
    en: 'The server does not accept this kind of file, so it was not uploaded. Photos and signatures can be JPEG, PNG or WebP; scans must be PDF.',
  },
  'attachmentsSync.failed.heic_not_supported': {
    zh: '这是 HEIC 格式的照片，服务器不接受。请导出为 JPEG 后重新添加（iPhone：设置 › 相机 › 格式 › 兼容性最佳）。',
    en: 'This is a HEIC photo, which the server does not accept. Export it as JPEG and add it again (iPhone: Settings › Camera › Formats › Most Compatible).',
  },
  'attachmentsSync.failed.empty_blob': {
    zh: '文件是空的（0 字节），未能上传。请重新选择该文件。',
    en: 'The file is empty (0 bytes), so it was not uploaded. Choose the file again.',
  },
  'attachmentsSync.failed.hash_mismatch': {
    zh: '文件在上传过程中发生了变化，未能上传。请删除后重新添加该文件。',
    en: 'The file changed while it was being uploaded, so it was not stored. Remove it and add it again.',
  },
  'attachmentsSync.failed.not_trip_member': {
    zh: '您不是该活动的成员，无法为其上传文件。请组织者把您加入团队后点“重试”。',
    en: 'You are not a member of this trip, so its files cannot be uploaded. Ask an organiser to add you to the team, then choose “Try again”.',
  },
  'attachmentsSync.failed.other': {
    zh: '服务器拒绝了该文件（{code}）。',
    en: 'The server refused this file ({code}).',
  },
  'attachmentsSync.retry': { zh: '重试', en: 'Try again' },
  'attachmentsSync.keepOffline.label': {
    zh: '离线保留本活动的照片和扫描件',
    en: 'Keep this trip’s photos and scans offline',
  },
  'attachmentsSync.keepOffline.hint': {
    zh: '开启后，现在和每次同步后都会把本活动的全部文件下载到本机，没有网络时也能查看，但会占用存储空间。',
    en: 'When on, every file of this trip is downloaded to this device now and after each sync, so it can be viewed without a network; this uses storage space.',
  },
  'attachmentsSync.keepOffline.toDownload': {
    zh: '还有 {count} 个文件待下载',
    en: '{count:file|files} still to download',
  },
  'attachmentsSync.keepOffline.allHere': { zh: '全部文件都已在本机', en: 'All files are on this device' },
  'attachmentsSync.keepOffline.failed': {
    zh: '未能保存该设置，请重试。',
    en: 'The setting could not be saved. Please try again.',
  },
  'attachmentsSync.uploads.title': { zh: '附件上传', en: 'Attachment uploads' },
  'attachmentsSync.uploads.allDone': {
    zh: '所有照片、扫描件和签名都已上传。',
    en: 'All photos, scans and signatures have been uploaded.',
  },
  'attachmentsSync.uploads.waiting': {
    zh: '{count} 个文件等待上传',
    en: '{count:file|files} waiting to upload',
  },
  'attachmentsSync.uploads.waitingForTrip': {
    zh: '等待活动先同步',
    en: 'Waiting for the trip to sync first',
  },
  'attachmentsSync.uploads.waitingHint': {
    zh: '联网并登录后会自动上传，无需操作。',
    en: 'They upload by themselves when online and signed in; nothing to do.',
  },
  'attachmentsSync.uploads.refused': {
    zh: '{count} 个文件被服务器拒绝',
    en: '{count:file|files} refused by the server',
  },
  'attachmentsSync.uploads.unknownTrip': { zh: '（已删除的活动）', en: '(deleted trip)' },
  'attachmentsSync.uploads.unnamed': { zh: '未命名文件', en: 'Unnamed file' },
  'attachmentsSync.retryFailed': {
    zh: '未能重试，请稍后再试。',
    en: 'Could not try again. Please try later.',
  },
});
