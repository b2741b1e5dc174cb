import { defineMessages } from '../core';

export const agreementsMessages = defineMessages({
  'agreements.add': { zh: '新增协议', en: 'Add agreement' },
  'agreements.newTitle': { zh: '新增协议', en: 'New agreement' },
  'agreements.editTitle': { zh: '编辑协议', en: 'Edit agreement' },
  'agreements.title': { zh: '协议名称', en: 'Title' },
  'agreements.parties': { zh: '签约各方', en: 'Parties' },
  'agreements.experts': { zh: '参与专家', en: 'Experts' },
  'agreements.signedDate': { zh: '签约日期', en: 'Signed on' },
  'agreements.signedDateHint': { zh: '此状态下须填写签约日期', en: 'Required for this status' },
  'agreements.termStart': { zh: '履约开始', en: 'Term starts' },
  'agreements.termEnd': { zh: '履约结束', en: 'Term ends' },
  'agreements.term': { zh: '履约期限', en: 'Term' },
  'agreements.amount': { zh: '金额（万元）', en: 'Amount (10,000 yuan)' },
  'agreements.amountShort': { zh: '金额（万元）', en: 'Amount (万元)' },
  'agreements.amountHint': { zh: '以万元为单位，无金额可留空', en: 'In 10,000 yuan; leave empty if none' },
  'agreements.visitNeedsHost': { zh: '先选择服务单位', en: 'Choose the host first' },
  'agreements.noVisits': {
    zh: '本次活动还没有走访该单位的记录',
    en: 'This trip has no visit to this host yet',
  },
  'agreements.noVisit': { zh: '（不关联走访）', en: '(no visit)' },
  'agreements.textFilter': { zh: '关键词', en: 'Keyword' },
  'agreements.signedCount': {
    zh: '已签约（共 {total} 份协议）',
    en: 'Signed (of {total:agreement|agreements})',
  },
  'agreements.amountTotal': { zh: '已签约金额合计（万元）', en: 'Signed amount (10,000 yuan)' },
  'agreements.shown': { zh: '显示 {shown} 条，共 {total} 条', en: 'Showing {shown} of {total}' },
  'agreements.noMatch': { zh: '没有符合筛选条件的协议', en: 'No agreement matches the filters' },
  'agreements.empty': {
    zh: '还没有协议。点击“新增协议”登记签约，也可以在走访记录中直接添加。',
    en: 'No agreements yet. Use “Add agreement”, or add one from a visit.',
  },
});
