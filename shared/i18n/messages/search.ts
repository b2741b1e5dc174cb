import { defineMessages } from '../core';

export const searchMessages = defineMessages({
  'search.placeholder': {
    zh: '搜索单位、走访、问题、协议…(Ctrl+K)',
    en: 'Search hosts, visits, problems, agreements… (Ctrl+K)',
  },
  'search.title': { zh: '搜索', en: 'Search' },
  'search.results': { zh: '“{query}”的结果：{count} 条', en: '{count:result|results} for “{query}”' },
  'search.none': { zh: '没有找到与“{query}”相关的记录', en: 'Nothing found for “{query}”' },
  'search.hint': {
    zh: '输入单位名称、信用代码、问题或协议中的任意词语，中文无需空格',
    en: 'Type any words from a host name, credit code, problem or agreement',
  },
  'search.onlyTrip': { zh: '只看当前活动', en: 'Current trip only' },
  'search.type.hosts': { zh: '服务单位', en: 'Host' },
  'search.type.visits': { zh: '走访', en: 'Visit' },
  'search.type.problems': { zh: '问题', en: 'Problem' },
  'search.type.agreements': { zh: '协议', en: 'Agreement' },
  'search.indexing': {
    zh: '正在为刚同步的 {count} 条记录建立搜索索引，结果可能暂不完整',
    en: 'Building the search index for {count:record|records} just synced; results may be incomplete for now',
  },
  'search.more': {
    zh: '仅显示前 {count} 条，请输入更具体的词语',
    en: 'Showing the first {count}; type more to narrow down',
  },
});
