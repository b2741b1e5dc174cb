import { defineMessages } from '../core';

export const validationMessages = defineMessages({
  'v.required': { zh: '此项必填', en: 'This field is required' },
  'v.tooLong': { zh: '最多 {max} 个字', en: 'At most {max} characters' },
  'v.date': { zh: '请填写有效日期（年-月-日）', en: 'Enter a valid date (YYYY-MM-DD)' },
  'v.number': { zh: '请填写数字', en: 'Enter a number' },
  'v.integer': { zh: '请填写整数', en: 'Enter a whole number' },
  'v.nonNegative': { zh: '不能为负数', en: 'Cannot be negative' },
  'v.tooLarge': { zh: '数值过大', en: 'The number is too large' },
  'v.atLeastOne': { zh: '至少为 1', en: 'Must be at least 1' },
  'v.choice': { zh: '请从列表中选择', en: 'Choose a value from the list' },
  'v.id': { zh: '请选择一项', en: 'Please choose one' },
  'v.email': { zh: '邮箱格式不正确', en: 'Not a valid e-mail address' },
  'v.endBeforeStart': { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'v.mergeSelf': { zh: '不能把记录合并到它自己', en: 'A record cannot be merged into itself' },
  'v.expertsRequired': { zh: '请至少选择一位在场专家', en: 'Choose at least one expert who was present' },
  'v.activitiesRequired': { zh: '请至少添加一项活动', en: 'Add at least one activity' },
  'v.signedDateRequired': {
    zh: '已签约的协议需要填写签约日期',
    en: 'A signed agreement needs its signing date',
  },
  'v.creditCode.empty': { zh: '请填写统一社会信用代码', en: 'Enter the unified social credit code' },
  'v.creditCode.length': {
    zh: '统一社会信用代码应为 18 位，当前为 {length} 位',
    en: 'The credit code must have 18 characters; this one has {length}',
  },
  'v.creditCode.character': {
    zh: '第 {position} 位的“{char}”不是有效字符（不使用 I、O、Z、S、V）',
    en: 'Character {position} ("{char}") is not allowed (I, O, Z, S and V are never used)',
  },
  'v.creditCode.division': {
    zh: '第 {position} 位应为数字（第 3–8 位是行政区划代码）',
    en: 'Character {position} must be a digit (characters 3–8 are the region code)',
  },
  'v.creditCode.check': {
    zh: '校验位不符：第 18 位应为“{expected}”，填写的是“{actual}”，请核对是否有输错的字符',
    en: 'Check character mismatch: the 18th character should be "{expected}", not "{actual}"; look for a mistyped character',
  },
  'v.invalid': { zh: '填写内容无效', en: 'This value is not valid' },
});
