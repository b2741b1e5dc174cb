import { defineMessages } from '../core';

export const problemsMessages = defineMessages({
  'problems.category': { zh: '问题类别', en: 'Category' },
  'problems.visitDate': { zh: '走访日期', en: 'Visit date' },
  'problems.textFilter': { zh: '关键词', en: 'Keyword' },
  'problems.summary': { zh: '问题统计', en: 'Problem figures' },
  'problems.solvedOfTotal': { zh: '已解决 / 问题总数', en: 'Solved / total' },
  'problems.shown': { zh: '显示 {shown} 条，共 {total} 条', en: 'Showing {shown} of {total}' },
  'problems.noMatch': { zh: '没有符合筛选条件的问题', en: 'No problem matches the filters' },
  'problems.editTitle': { zh: '编辑问题', en: 'Edit problem' },
  'problems.empty.title': { zh: '本次活动还没有登记问题', en: 'No problems recorded for this trip yet' },
  'problems.empty.body': {
    zh: '问题在走访记录中登记：打开一次走访，在走访表单中添加专家诊断出的问题，它们会汇总到这里。',
    en: 'Problems are recorded on a visit: open a visit and add the problems the experts diagnosed; they are gathered here.',
  },
  'problems.empty.toVisits': { zh: '前往走访记录', en: 'Go to the visit log' },
});
