import { defineMessages } from '../core';

/** Hosts & needs screen, the host form and picker, and the form pieces other record screens share. */
export const hostsMessages = defineMessages({
  'hosts.tab.needs': { zh: '需求清单', en: 'Needs list' },
  'hosts.tab.directory': { zh: '服务单位库', en: 'Host directory' },
  'hosts.unknownHost': { zh: '（单位未同步到本机）', en: '(host not on this device yet)' },

  'hosts.field.name': { zh: '单位名称', en: 'Name' },
  'hosts.field.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'hosts.field.kind': { zh: '单位类型', en: 'Type' },
  'hosts.field.district': { zh: '所在区县', en: 'District' },
  'hosts.field.industry': { zh: '所属行业', en: 'Industry' },
  'hosts.field.contactName': { zh: '联系人', en: 'Contact person' },
  'hosts.field.contactPhone': { zh: '联系电话', en: 'Contact phone' },
  'hosts.field.address': { zh: '地址', en: 'Address' },
  'hosts.col.visits': { zh: '本次走访', en: 'Visits (trip)' },

  'hosts.form.newTitle': { zh: '新建服务单位', en: 'New host' },
  'hosts.form.editTitle': { zh: '编辑服务单位', en: 'Edit host' },
  'hosts.creditCode.hint': {
    zh: '选填。18 位，由数字和大写字母组成（不含 I、O、Z、S、V）',
    en: 'Optional. 18 digits and capital letters (I, O, Z, S and V are never used)',
  },
  'hosts.creditCode.progress': { zh: '已输入 {count}/18 位', en: '{count} of 18 characters' },
  'hosts.creditCode.valid': { zh: '✓ 代码格式与校验位正确', en: '✓ Format and check character are correct' },
  'hosts.dup.title': { zh: '可能重复：', en: 'Possible duplicate:' },
  'hosts.dup.sameCode': { zh: '信用代码相同', en: 'Same credit code' },
  'hosts.dup.sameName': { zh: '名称相同', en: 'Same name' },
  'hosts.dup.open': { zh: '打开该单位', en: 'Open that host' },
  'hosts.dup.use': { zh: '改用该单位', en: 'Use that host instead' },

  'hosts.dir.search': { zh: '搜索单位', en: 'Search hosts' },
  'hosts.dir.searchPlaceholder': {
    zh: '输入单位名称的任意部分或统一社会信用代码',
    en: 'Any part of the name, or the credit code',
  },
  'hosts.dir.tripOnly': { zh: '只看本次活动涉及的单位', en: 'Only hosts of this trip' },
  'hosts.dir.add': { zh: '新建单位', en: 'New host' },
  'hosts.dir.empty': {
    zh: '单位库还是空的。点击“新建单位”添加第一家服务单位。',
    en: 'The directory is empty. Use “New host” to add the first one.',
  },
  'hosts.dir.noMatch': { zh: '没有找到匹配的单位', en: 'No host matches' },
  'hosts.dir.firstByName': {
    zh: '按名称显示前 {count} 家，输入名称或信用代码可查找其余单位',
    en: 'Showing the first {count} by name; search to find the others',
  },
  'hosts.dir.manyMatches': {
    zh: '匹配结果较多，仅显示前 {count} 条，请输入更完整的名称',
    en: 'Many matches; showing the first {count}. Type more of the name',
  },
  'hosts.dir.inUse': {
    zh: '该单位已被 {count} 条走访、需求、问题或协议记录引用，不能删除',
    en: 'Used by {count:record|records} (visits, needs, problems or agreements), so it cannot be deleted',
  },

  'hosts.need.add': { zh: '新增需求', en: 'Add need' },
  'hosts.need.newTitle': { zh: '新增需求', en: 'New need' },
  'hosts.need.editTitle': { zh: '编辑需求', en: 'Edit need' },
  'hosts.need.title': { zh: '需求名称', en: 'Need' },
  'hosts.need.experts': { zh: '对接专家', en: 'Assigned experts' },
  'hosts.need.visited': { zh: '已走访', en: 'Visited' },
  'hosts.need.textFilter': { zh: '领域或关键词', en: 'Field or keyword' },
  'hosts.need.noTeam': {
    zh: '本次活动还没有专家，请先在“专家团队”中添加',
    en: 'This trip has no experts yet; add them under Team first',
  },
  'hosts.need.empty': {
    zh: '还没有需求。点击“新增需求”录入各单位提交的需求清单。',
    en: 'No needs yet. Use “Add need” to enter the needs the hosts submitted.',
  },
  'hosts.need.noMatch': { zh: '没有符合筛选条件的需求', en: 'No need matches the filters' },
  'hosts.need.summary': {
    zh: '显示 {shown} 条，共 {total} 条需求，其中 {visited} 条已走访',
    en: 'Showing {shown} of {total:need|needs}; {visited} visited',
  },

  'hosts.picker.placeholder': { zh: '输入单位名称或信用代码搜索', en: 'Type a name or credit code' },
  'hosts.picker.typeToSearch': {
    zh: '输入名称的任意部分开始搜索',
    en: 'Type any part of the name to search',
  },
  'hosts.picker.noMatch': { zh: '单位库中没有匹配的单位', en: 'No host in the directory matches' },
  'hosts.picker.create': { zh: '+ 新建单位“{name}”', en: '+ New host “{name}”' },
  'hosts.picker.clear': { zh: '清除所选单位', en: 'Clear the chosen host' },

  'hosts.draft.restored': {
    zh: '已恢复上次未保存的填写内容',
    en: 'Your unsaved input from last time was restored',
  },
  'hosts.draft.discard': { zh: '放弃草稿', en: 'Discard draft' },
  'hosts.confirmDelete': { zh: '确定删除“{what}”？', en: 'Delete “{what}”?' },
});
