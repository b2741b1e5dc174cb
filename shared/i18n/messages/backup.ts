import { defineMessages } from '../core';

/** Messages of the backup feature; keys start with "backup.". */
export const backupMessages = defineMessages({
  'backup.import.button': { zh: '从备份导入…', en: 'Import from backup…' },
  'backup.import.title': { zh: '从备份导入活动', en: 'Import a trip from a backup' },
  'backup.import.intro': {
    zh: '选择从本应用导出的活动备份文件（.json，或含照片和扫描件的 .zip）。导入前会先检查整个文件，确认后才写入本机。',
    en: 'Choose a trip backup file exported from this app (.json, or .zip with photos and scans). The whole file is checked first; nothing is written until you confirm.',
  },
  'backup.import.choose': { zh: '选择备份文件…', en: 'Choose a backup file…' },
  'backup.import.chooseAnother': { zh: '选择其他文件…', en: 'Choose another file…' },
  'backup.import.dropHint': {
    zh: '也可以把备份文件直接拖到活动列表页面上。',
    en: 'You can also drop a backup file onto the trips page.',
  },
  'backup.import.dropHere': { zh: '松开鼠标，从这个备份导入', en: 'Drop to import from this backup' },
  'backup.import.reading': { zh: '正在读取并检查“{name}”…', en: 'Reading and checking “{name}”…' },
  'backup.import.confirm': { zh: '导入', en: 'Import' },
  'backup.import.importing': { zh: '正在导入…（{done}/{total}）', en: 'Importing… ({done}/{total})' },
  'backup.preview.file': { zh: '文件', en: 'File' },
  'backup.preview.trip': { zh: '活动', en: 'Trip' },
  'backup.preview.region': { zh: '地区', en: 'Region' },
  'backup.preview.dates': { zh: '日期', en: 'Dates' },
  'backup.preview.exportedAt': { zh: '导出时间', en: 'Exported at' },
  'backup.preview.records': { zh: '记录', en: 'Records' },
  'backup.preview.count': { zh: '{count} 条', en: '{count}' },
  'backup.preview.countDeleted': {
    zh: '{count} 条（含已删除 {deleted} 条）',
    en: '{count} ({deleted} deleted)',
  },
  'backup.preview.total': { zh: '共 {count} 条记录', en: '{count:record|records} in all' },
  'backup.preview.tripDeleted': {
    zh: '备份中的这个活动已被删除：导入后它不会出现在活动列表中。',
    en: 'This trip was deleted when it was backed up: after the import it will not appear in the trips list.',
  },
  'backup.preview.existing': {
    zh: '本机已有这个活动：导入时逐项比较修改时间，保留较新的内容，不会产生重复记录。',
    en: 'This trip is already on this device: the import compares each field by when it was changed and keeps the newer one, without duplicating records.',
  },
  'backup.preview.new': {
    zh: '本机还没有这个活动：导入后它会出现在活动列表中。',
    en: 'This trip is not on this device yet: after the import it appears in the trips list.',
  },
  'backup.preview.deletedHere': {
    zh: '这个活动在本机已被删除：导入时按修改时间合并，如果删除发生在备份之后，活动仍保持删除。',
    en: 'This trip was deleted on this device: the import merges by when things changed, so if the delete came after the backup, the trip stays deleted.',
  },
  'backup.preview.plan': {
    zh: '导入后预计：新增 {new} 条，更新 {updated} 条，未变化 {unchanged} 条。',
    en: 'The import will add {new}, update {updated} and leave {unchanged} unchanged.',
  },
  'backup.preview.upload': {
    zh: '登录同步后，导入的内容会上传到服务器，服务器已有的内容不会重复。',
    en: 'When you sign in to sync, the imported records are uploaded; what the server already has is not duplicated.',
  },
  'backup.preview.files': { zh: '照片和扫描件', en: 'Photos and scans' },
  'backup.preview.filesCount': {
    zh: '{count} 个文件（{size}）',
    en: '{count:file|files} ({size})',
  },
  'backup.preview.filesMissing': {
    zh: '另有 {count} 个文件导出时不在那台设备上，未包含在备份中。',
    en: 'Not in the backup, because the exporting device did not have them: {count:more file|more files}.',
  },
  'backup.result.files': {
    zh: '照片和扫描件：新增 {added} 个，本机已有 {present} 个。',
    en: 'Photos and scans: {added} added, {present} already on this device.',
  },
  'backup.result.filesMissing': {
    zh: '{count} 个文件不在备份中、本机也没有：在别的设备上传后，同步时会自动下载；在此之前显示为占位图。',
    en: '{count:file is|files are} neither in the backup nor on this device: they download after another device uploads them, and show as placeholders until then.',
  },
  'backup.import.checkingFiles': {
    zh: '正在核对文件…（{done}/{total}）',
    en: 'Checking the files… ({done}/{total})',
  },
  'backup.result.title': { zh: '导入完成', en: 'Import finished' },
  'backup.result.summary': {
    zh: '已导入：新增 {new} 条，更新 {updated} 条，未变化 {unchanged} 条',
    en: 'Imported: {new} new, {updated} updated, {unchanged} unchanged',
  },
  'backup.result.nothingChanged': {
    zh: '本机已有这个备份的全部内容，没有任何改动。',
    en: 'This device already had everything in the backup; nothing was changed.',
  },
  'backup.result.table': { zh: '类别', en: 'Kind' },
  'backup.result.new': { zh: '新增', en: 'New' },
  'backup.result.updated': { zh: '更新', en: 'Updated' },
  'backup.result.unchanged': { zh: '未变化', en: 'Unchanged' },
  'backup.result.openTrip': { zh: '打开活动', en: 'Open the trip' },
  'backup.refused.title': { zh: '无法导入', en: 'Cannot import' },
  'backup.refused.file': { zh: '文件：{name}', en: 'File: {name}' },
  'backup.refused.nothingChanged': {
    zh: '本机数据没有任何改动。',
    en: 'Nothing on this device was changed.',
  },
  'backup.problem.not_backup': {
    zh: '这不是专家服务活动的备份文件。请选择从本应用“导出”得到的 .json 或 .zip 备份文件。',
    en: 'This is not a backup file of an expert service trip. Choose a .json or .zip backup exported from this app.',
  },
  'backup.problem.file_damaged': {
    zh: '备份压缩包中的文件（{hash}）已损坏或被改动，与其校验值不符。为免导入错误的照片或扫描件，整个备份都没有导入。请使用原始的备份文件。',
    en: 'A file in the backup archive ({hash}) is damaged or was changed: it does not match its checksum. To avoid importing wrong photos or scans, nothing from this backup was imported. Use the original backup file.',
  },
  'backup.problem.newer_version': {
    zh: '该文件由更新版本的应用导出，请先更新应用，再导入。',
    en: 'This file was exported by a newer version of the app. Update the app first, then import it.',
  },
  'backup.problem.damaged': {
    zh: '文件已损坏或被改动（可能没有复制完整，或被手工编辑过）。请使用原始的备份文件。',
    en: 'The file is damaged or was changed (perhaps it was not copied completely, or was edited by hand). Use the original backup file.',
  },
  'backup.problem.invalid_record': {
    zh: '文件中第 {position} 条{table}（{id}）有误：{field}：{issue}',
    en: 'Record {position} of “{table}” ({id}) in the file is not valid: {field}: {issue}',
  },
  'backup.problem.invalid_recordNoField': {
    zh: '文件中第 {position} 条{table}（{id}）有误：{issue}',
    en: 'Record {position} of “{table}” ({id}) in the file is not valid: {issue}',
  },
  'backup.problem.foreign_record': {
    zh: '文件中混入了其他活动的记录（{table}，{id}）。一个备份文件只能包含一个活动。',
    en: 'The file contains a record of another trip ({table}, {id}). A backup holds exactly one trip.',
  },
  'backup.problem.id_clash': {
    zh: '本机已有编号相同（{id}）、但属于其他活动的{table}。为免数据错乱，没有导入。',
    en: 'This device already has a record with the same id ({id}) in another trip (“{table}”). To avoid mixing trips, nothing was imported.',
  },
  'backup.problem.clock_ahead': {
    zh: '备份中的修改时间比本机时钟超前约 {amount}。请先核对本机（或导出备份的电脑）的日期、时间和时区，再导入。',
    en: 'The changes in the backup are about {amount} ahead of this device’s clock. Check the date, time and time zone of this device (or of the computer that exported the backup), then import again.',
  },
  'backup.problem.readFailed': {
    zh: '无法读取文件：{message}',
    en: 'The file could not be read: {message}',
  },
  'backup.problem.failed': {
    zh: '导入失败：{message}',
    en: 'The import failed: {message}',
  },
  'backup.time.minutes': { zh: '{n} 分钟', en: '{n:minute|minutes}' },
  'backup.time.hours': { zh: '{n} 小时', en: '{n:hour|hours}' },
  'backup.time.days': { zh: '{n} 天', en: '{n:day|days}' },
  'backup.table.trips': { zh: '活动', en: 'Trip' },
  'backup.table.experts': { zh: '专家', en: 'Experts' },
  'backup.table.tripMembers': { zh: '团队成员', en: 'Team members' },
  'backup.table.hosts': { zh: '服务单位', en: 'Hosts' },
  'backup.table.needs': { zh: '需求', en: 'Needs' },
  'backup.table.visits': { zh: '走访记录', en: 'Visits' },
  'backup.table.problems': { zh: '问题', en: 'Problems' },
  'backup.table.recommendations': { zh: '建议', en: 'Recommendations' },
  'backup.table.agreements': { zh: '协议', en: 'Agreements' },
  'backup.table.followUps': { zh: '跟踪服务', en: 'Follow-ups' },
  'backup.table.comments': { zh: '审核意见', en: 'Review comments' },
  'backup.table.merges': { zh: '合并记录', en: 'Merges' },
  'backup.table.conflicts': { zh: '冲突', en: 'Conflicts' },
  'backup.table.attachments': { zh: '附件', en: 'Attachments' },
});
