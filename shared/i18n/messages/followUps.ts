import { defineMessages } from '../core';

export const followUpsMessages = defineMessages({
  'followUps.add': { zh: '新增跟踪任务', en: 'Add follow-up' },
  'followUps.newTitle': { zh: '新增跟踪任务', en: 'New follow-up' },
  'followUps.editTitle': { zh: '编辑跟踪任务', en: 'Edit follow-up' },
  'followUps.action': { zh: '跟踪事项', en: 'Action' },
  'followUps.related': { zh: '关联记录', en: 'Related record' },
  'followUps.relatedType': { zh: '关联类型', en: 'Related to' },
  'followUps.noRelated': { zh: '（不关联）', en: '(none)' },
  'followUps.missingRecord': {
    zh: '（记录已删除或尚未同步到本机）',
    en: '(record deleted or not on this device yet)',
  },
  'followUps.noRecordsOfType': {
    zh: '本次活动还没有这类记录',
    en: 'This trip has no records of this kind yet',
  },
  'followUps.owner': { zh: '负责人', en: 'Owner' },
  'followUps.ownerHint': {
    zh: '可从本次活动的专家中选择，也可直接填写',
    en: 'Pick one of the trip’s experts or type a name',
  },
  'followUps.dueDate': { zh: '截止日期', en: 'Due date' },
  'followUps.textFilter': { zh: '关键词', en: 'Keyword' },
  'followUps.overdueOnly': { zh: '只看已逾期（{count}）', en: 'Overdue only ({count})' },
  'followUps.overdueFirst': { zh: '逾期优先', en: 'Overdue first' },
  'followUps.overdue': { zh: '已逾期 {days} 天', en: '{days:day|days} overdue' },
  'followUps.dueToday': { zh: '今天到期', en: 'Due today' },
  'followUps.dueIn': { zh: '{days} 天后到期', en: 'Due in {days:day|days}' },
  'followUps.shown': {
    zh: '显示 {shown} 条，共 {total} 条，其中 {overdue} 条已逾期',
    en: 'Showing {shown} of {total}; {overdue} overdue',
  },
  'followUps.noMatch': { zh: '没有符合筛选条件的跟踪任务', en: 'No follow-up matches the filters' },
  'followUps.empty': {
    zh: '还没有跟踪任务。可点击“按 1346 节奏生成”一次排好活动后的跟踪服务。',
    en: 'No follow-ups yet. “1346 cadence” schedules the usual follow-up service in one go.',
  },
  'followUps.cadence.open': { zh: '按 1346 节奏生成', en: '1346 cadence' },
  'followUps.cadence.title': { zh: '“1346”跟踪服务节奏', en: 'The “1346” follow-up cadence' },
  'followUps.cadence.intro': {
    zh: '为所选的每一项创建一条跟踪任务，截止日期从今天起算。创建后可以逐条修改。',
    en: 'Creates one follow-up for each chosen step, due from today. Each can be edited afterwards.',
  },
  'followUps.cadence.steps': { zh: '跟踪节奏', en: 'Steps' },
  'followUps.cadence.due': { zh: '截止 {date}', en: 'due {date}' },
  'followUps.cadence.create': { zh: '创建 {count} 项跟踪任务', en: 'Create {count:follow-up|follow-ups}' },
  'followUps.cadence.created': {
    zh: '已创建 {count} 项跟踪任务',
    en: 'Created {count:follow-up|follow-ups}',
  },
  'followUps.cadence.salon': { zh: '每周沙龙', en: 'Weekly salon' },
  'followUps.cadence.groupVisit': { zh: '每月组团走访', en: 'Monthly group visit' },
  'followUps.cadence.consultation': { zh: '每季度会诊', en: 'Quarterly consultation' },
  'followUps.cadence.jointResearch': { zh: '每半年联合攻关', en: 'Half-yearly joint research' },
  'followUps.cadence.transfer': { zh: '每年成果转化', en: 'Yearly transfer of results' },
});
