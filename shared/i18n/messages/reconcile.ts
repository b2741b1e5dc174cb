import { defineMessages } from '../core';

/** Messages of the reconcile feature (conflicts, duplicates and merges); keys start with "reconcile.". */
export const reconcileMessages = defineMessages({
  // Columns shared by both tabs
  'reconcile.col.record': { zh: '记录', en: 'Record' },
  'reconcile.col.field': { zh: '内容项', en: 'Field' },
  'reconcile.col.current': { zh: '当前值', en: 'Current value' },
  'reconcile.col.other': { zh: '另一值', en: 'Other value' },
  'reconcile.col.when': { zh: '时间', en: 'When' },
  'reconcile.col.resolution': { zh: '处理结果', en: 'Resolution' },

  // Conflicts: the list
  'reconcile.conflicts.title': { zh: '数据冲突', en: 'Conflicts' },
  'reconcile.conflicts.which': { zh: '显示哪些冲突', en: 'Which conflicts' },
  'reconcile.conflicts.open': { zh: '待处理（{count}）', en: 'To resolve ({count})' },
  'reconcile.conflicts.resolved': { zh: '已解决（{count}）', en: 'Resolved ({count})' },
  'reconcile.conflicts.explain': {
    zh: '两台设备同时修改了同一项内容时，系统先采用较晚的修改，另一个值保留在这里，请决定最终采用哪一个。',
    en: 'When two devices changed the same field at the same time, the later change is used and the other value is kept here for you to decide.',
  },
  'reconcile.conflicts.empty': { zh: '没有需要处理的冲突', en: 'No conflicts to resolve' },
  'reconcile.conflicts.emptyHint': {
    zh: '同步时若有人同时修改了同一项内容，会在这里列出。',
    en: 'If people change the same field at the same time, it shows up here after syncing.',
  },
  'reconcile.conflicts.emptyResolved': { zh: '还没有已解决的冲突', en: 'No resolved conflicts yet' },
  'reconcile.conflicts.readOnly': {
    zh: '处理冲突需要组织者账号；你可以查看，但不能在这里修改。',
    en: 'Resolving conflicts needs an organiser account; you can look but not change them here.',
  },
  'reconcile.conflicts.more': { zh: '另有 {count} 个值', en: '+{count} more' },

  // Conflicts: one disagreement
  'reconcile.conflict.title': { zh: '处理冲突', en: 'Resolve conflict' },
  'reconcile.conflict.directory': { zh: '专家与单位库', en: 'Directory' },
  'reconcile.conflict.openRecord': { zh: '打开记录', en: 'Open record' },
  'reconcile.conflict.fieldLine': { zh: '有冲突的内容项：{field}', en: 'Field in conflict: {field}' },
  'reconcile.conflict.byline': { zh: '{name} · {time}', en: '{name} · {time}' },
  'reconcile.conflict.unknownAuthor': { zh: '未知用户', en: 'Unknown user' },
  'reconcile.conflict.added': { zh: '比当前值多：{items}', en: 'Adds: {items}' },
  'reconcile.conflict.removed': { zh: '比当前值少：{items}', en: 'Lacks: {items}' },
  'reconcile.conflict.laterEdit': { zh: '之后的修改', en: 'A later change' },
  'reconcile.conflict.recordMissing': {
    zh: '（记录已删除或不在本机）',
    en: '(record deleted or not on this device)',
  },
  'reconcile.conflict.recordGone': {
    zh: '这条记录已被删除或不在本机，只能选择“保留当前值”结束此冲突。',
    en: 'This record was deleted or is not on this device: you can only keep the current value to close the conflict.',
  },
  'reconcile.conflict.noOther': { zh: '（与当前值相同）', en: '(same as now)' },
  'reconcile.conflict.sameNow': {
    zh: '另一值已与当前值相同，确认“保留当前值”即可结束此冲突。',
    en: 'The other value now equals the current one; keep the current value to close the conflict.',
  },
  'reconcile.conflict.noEdit': {
    zh: '这一项请在上面的值中选择，或打开记录修改。',
    en: 'Choose one of the values above for this field, or open the record to change it.',
  },
  'reconcile.conflict.newValue': { zh: '新的{field}', en: 'New value: {field}' },
  'reconcile.conflict.done': { zh: '已处理：{title} 的{field}', en: 'Resolved: {field} of {title}' },
  'reconcile.conflict.resolvedLine': {
    zh: '{resolution} · {name} · {time}',
    en: '{resolution} · {name} · {time}',
  },
  'reconcile.by.thisDevice': { zh: '本机', en: 'This device' },
  'reconcile.action.keepCurrent': { zh: '保留当前值', en: 'Keep current value' },
  'reconcile.action.useOther': { zh: '改用另一值', en: 'Use the other value' },
  'reconcile.action.useThis': { zh: '改用此值', en: 'Use this value' },
  'reconcile.action.edit': { zh: '编辑', en: 'Edit' },
  'reconcile.action.saveEdited': { zh: '保存新值', en: 'Save new value' },
  'reconcile.resolution.open': { zh: '待处理', en: 'Open' },
  'reconcile.resolution.kept_current': { zh: '保留了当前值', en: 'Kept the current value' },
  'reconcile.resolution.kept_other': { zh: '改用了另一值', en: 'Used the other value' },
  'reconcile.resolution.edited': { zh: '改为新值', en: 'Set a new value' },
  'reconcile.error.missing': {
    zh: '这条冲突已不存在，可能已在其他设备上处理。',
    en: 'This conflict no longer exists; it may have been resolved on another device.',
  },
  'reconcile.error.resolved': {
    zh: '这条冲突已经处理过了。',
    en: 'This conflict has already been resolved.',
  },
  'reconcile.error.recordGone': {
    zh: '记录已被删除或不在本机，无法写入该值；可选择“保留当前值”结束此冲突。',
    en: 'The record was deleted or is not on this device, so the value cannot be written; keep the current value to close the conflict.',
  },
  'reconcile.error.notEditable': {
    zh: '这一项不能在这里修改，请打开记录修改。',
    en: 'This field cannot be changed here; open the record to change it.',
  },
  'reconcile.error.invalid': {
    zh: '该值已不符合记录的要求：{issues}',
    en: 'That value no longer fits the record: {issues}',
  },

  // Values and fields in words
  'reconcile.value.empty': { zh: '（空）', en: '(empty)' },
  'reconcile.value.deleted': { zh: '已删除', en: 'Deleted' },
  'reconcile.value.live': { zh: '未删除', en: 'Not deleted' },
  'reconcile.value.missingRecord': {
    zh: '（已删除或不在本机的记录）',
    en: '(a record deleted or not on this device)',
  },
  'reconcile.field.reviewState': { zh: '审核状态', en: 'Review state' },
  'reconcile.field.locked': { zh: '已锁定', en: 'Locked' },
  'reconcile.field.adopted': { zh: '已采纳', en: 'Adopted' },
  'reconcile.field.problemId': { zh: '关联问题', en: 'Problem' },
  'reconcile.field.body': { zh: '意见内容', en: 'Comment' },
  'reconcile.field.authorName': { zh: '填写人', en: 'Author' },
  'reconcile.field.deleted': { zh: '删除状态', en: 'Deleted' },

  // Duplicates: the list
  'reconcile.dupes.title': { zh: '疑似重复', en: 'Possible duplicates' },
  'reconcile.dupes.which': { zh: '显示哪类记录', en: 'Which records' },
  'reconcile.dupes.all': { zh: '全部（{count}）', en: 'All ({count})' },
  'reconcile.dupes.hosts': { zh: '服务单位（{count}）', en: 'Hosts ({count})' },
  'reconcile.dupes.visits': { zh: '走访记录（{count}）', en: 'Visits ({count})' },
  'reconcile.dupes.explain': {
    zh: '同一服务单位或同一次走访被录入了两次时，可在这里合并：保留一条，其余记录的走访、需求、问题等改为指向保留的那条。服务单位会与整个单位库比对。',
    en: 'When a host or a visit was entered twice, merge them here: one record stays and everything that pointed at the others points at it. Hosts are compared with the whole directory.',
  },
  'reconcile.dupes.readOnly': {
    zh: '合并记录需要组织者账号；你可以查看疑似重复，但不能在这里合并。',
    en: 'Merging needs an organiser account; you can look at possible duplicates but not merge them here.',
  },
  'reconcile.dupes.searching': { zh: '正在查找疑似重复的记录…', en: 'Looking for possible duplicates…' },
  'reconcile.dupes.empty': { zh: '没有发现疑似重复的记录', en: 'No possible duplicates found' },
  'reconcile.dupes.emptyHint': {
    zh: '统一社会信用代码相同、名称相近的服务单位，以及同一天走访同一单位且有相同专家的记录，会在这里列出。',
    en: 'Hosts with the same credit code or a similar name, and visits to one host on one day with experts in common, are listed here.',
  },
  'reconcile.dupes.noneOfKind': { zh: '这一类没有疑似重复', en: 'No possible duplicates of this kind' },
  'reconcile.dupes.col.kind': { zh: '类别', en: 'Kind' },
  'reconcile.dupes.col.reason': { zh: '原因', en: 'Why' },
  'reconcile.dupes.col.count': { zh: '条数', en: 'Records' },
  'reconcile.reason.creditCode': { zh: '统一社会信用代码相同', en: 'Same credit code' },
  'reconcile.reason.name': { zh: '名称相同或相近', en: 'Same or similar name' },
  'reconcile.reason.sameVisit': {
    zh: '同一单位、同一天、有相同专家',
    en: 'Same host, same day, experts in common',
  },

  // Duplicates: one group
  'reconcile.dupes.hostTitle': { zh: '合并服务单位', en: 'Merge hosts' },
  'reconcile.dupes.visitTitle': { zh: '合并走访记录', en: 'Merge visits' },
  'reconcile.dupes.hostHelp': {
    zh: '选择保留哪一条。保留的单位中空缺的信用代码、联系人、地址等会从其他记录补全。',
    en: 'Choose the record that stays. Its empty credit code, contact, address and so on are filled from the others.',
  },
  'reconcile.dupes.visitHelp': {
    zh: '选择保留哪一条。保留的记录沿用自己的活动内容和人次，另一条的在场专家和对接需求会并入，走访纪要不同时附在后面。',
    en: 'Choose the record that stays. It keeps its own activities and figures, gains the other’s experts and needs, and the other’s notes when they differ.',
  },
  'reconcile.dupes.visitN': { zh: '记录 {n}', en: 'Record {n}' },
  'reconcile.dupes.field': { zh: '内容项', en: 'Field' },
  'reconcile.dupes.keep': { zh: '保留这一条', en: 'Keep this one' },
  'reconcile.dupes.keepThis': { zh: '保留“{label}”', en: 'Keep “{label}”' },
  'reconcile.dupes.stays': { zh: '将保留', en: 'Stays' },
  'reconcile.dupes.goes': { zh: '将并入', en: 'Merged in' },
  'reconcile.dupes.created': { zh: '录入时间', en: 'Entered' },
  'reconcile.dupes.references': { zh: '关联记录', en: 'Linked records' },
  'reconcile.dupes.noReferences': { zh: '无', en: 'None' },
  'reconcile.dupes.reason': { zh: '合并原因（可选）', en: 'Reason (optional)' },
  'reconcile.dupes.merge': { zh: '合并…', en: 'Merge…' },
  'reconcile.dupes.notDuplicate': { zh: '不是重复', en: 'Not duplicates' },
  'reconcile.dupes.dismissed': {
    zh: '已标记为不是重复，本机不再提示这一组。',
    en: 'Marked as not duplicates; this device will not suggest this group again.',
  },
  'reconcile.dupes.merged': {
    zh: '已将 {count} 条记录合并到“{into}”',
    en: 'Merged {count:record|records} into “{into}”',
  },
  'reconcile.dupes.confirmTitle': { zh: '确认合并', en: 'Confirm the merge' },
  'reconcile.dupes.quoted': { zh: '“{label}”', en: '“{label}”' },
  'reconcile.dupes.confirmQuestion': {
    zh: '将{from}合并到“{into}”？',
    en: 'Merge {from} into “{into}”?',
  },
  'reconcile.dupes.confirmMoves': {
    zh: '“{from}”的{moved}将改为指向“{into}”。',
    en: 'The {moved} of “{from}” will point at “{into}”.',
  },
  'reconcile.dupes.confirmNothing': {
    zh: '没有其他记录指向“{from}”。',
    en: 'Nothing else points at “{from}”.',
  },
  'reconcile.dupes.confirmVisitKeeps': {
    zh: '“{into}”的活动内容和人次保持不变。',
    en: '“{into}” keeps its own activities and figures.',
  },
  'reconcile.dupes.confirmFill': {
    zh: '“{into}”将补充：{fields}。',
    en: '“{into}” gains: {fields}.',
  },
  'reconcile.dupes.confirmDelete': {
    zh: '随后删除{from}。合并经过会留在合并记录中，并同步到所有设备。',
    en: 'Then {from} is removed. The merge is kept in the merge trail and syncs to every device.',
  },
  'reconcile.dupes.confirmYes': { zh: '确认合并', en: 'Merge' },
  'reconcile.mergeError.missing': {
    zh: '其中一条记录已被删除或合并，列表已更新，请重新选择。',
    en: 'One of these records was deleted or merged meanwhile; the list is updated, please choose again.',
  },
  'reconcile.mergeError.same': {
    zh: '不能把一条记录合并到它自己。',
    en: 'A record cannot be merged into itself.',
  },
  'reconcile.mergeError.otherTrip': {
    zh: '不同活动的走访记录不能合并。',
    en: 'Visits of different trips cannot be merged.',
  },
  'reconcile.count.visits': { zh: '走访 {count} 次', en: '{count:visit|visits}' },
  'reconcile.count.needs': { zh: '需求 {count} 条', en: '{count:need|needs}' },
  'reconcile.count.problems': { zh: '问题 {count} 个', en: '{count:problem|problems}' },
  'reconcile.count.recommendations': { zh: '建议 {count} 条', en: '{count:recommendation|recommendations}' },
  'reconcile.count.agreements': { zh: '协议 {count} 份', en: '{count:agreement|agreements}' },
  'reconcile.count.followUps': { zh: '跟踪任务 {count} 项', en: '{count:follow-up|follow-ups}' },
  'reconcile.count.comments': { zh: '审核意见 {count} 条', en: '{count:review comment|review comments}' },
});
