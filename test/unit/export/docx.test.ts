import { describe, expect, it } from 'vitest';
import { buildReportDocx } from '../../../renderer/export/docx/buildReportDocx';
import { chineseNumeral } from '../../../renderer/export/docx/sections';
import { computeTripReport } from '../../../shared/report';
import { demoReportInput } from '../report/demoInput';
import { keepArtifact } from './artifacts';
import { handReport } from './handReport';
import { columnByLabel, headingsOf, readDocx, tableStartingWith } from './readBack';

describe('buildReportDocx, from a hand-made report', () => {
  const report = handReport();

  it('has the title, the subtitle and the five sections as real Word headings', async () => {
    const doc = await readDocx(await buildReportDocx(report, 'zh-CN'));
    expect(headingsOf(doc, 'Title')).toEqual(['2025年专家服务团“走进江津”专家服务活动工作总结']);
    expect(headingsOf(doc, 'ReportSubtitle')).toEqual([
      '活动时间：2025年9月1日至9月3日（3天）',
      '活动地点：重庆市江津区',
      '主办单位：重庆市人力资源和社会保障局',
      '承办单位：江津区人力资源和社会保障局',
    ]);
    expect(headingsOf(doc, 'Heading1')).toEqual([
      '一、总体情况',
      '二、分组情况',
      '三、服务单位',
      '四、签订协议',
      '五、后续跟踪',
    ]);
    expect(headingsOf(doc, 'Heading2')).toEqual(['（一）重庆江津新材料有限公司', '（二）江津区中心医院']);
    // The heading styles exist in styles.xml, in 黑体 for East Asian text.
    const styles = doc.files['word/styles.xml'] ?? '';
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="SimHei"/);
    expect(styles).toContain('w:eastAsia="SimSun"');
  });

  it('states the sentence and the figures table with the report’s numbers', async () => {
    const doc = await readDocx(await buildReportDocx(report, 'zh-CN'));
    expect(doc.paragraphs.map((p) => p.text)).toContain(report.sentence.zh);
    const figures = tableStartingWith(doc, '项目', '数量', '单位', '说明');
    const value = columnByLabel(figures, 1);
    expect(value).toMatchObject({
      技术指导: '5',
      学术讲座: '3',
      座谈交流: '7',
      其他活动: '6',
      '解决疑难杂症/技术难题': '5',
      解决其他大小问题: '9',
      给出意见建议: '23',
      直接培训指导: '156',
      惠及基层群众: '1234',
      签订合作协议: '2',
      签订特聘专家聘任: '1',
      受聘特聘专家: '1',
      服务单位: '2',
      对接需求: '8',
      参与专家: '2',
      涉及领域: '2',
    });
    const notes = columnByLabel(figures, 3);
    expect(notes.其他活动).toBe('培训2次、门诊4次');
    expect(notes['解决疑难杂症/技术难题']).toBe('共发现6个');
    expect(notes.涉及领域).toBe('新材料、智能制造');
    expect(doc.text).toContain('注：已退回的 1 次走访及其问题、建议未计入以上数据。');
    expect(doc.text).toContain('注：已退回的 2 份协议未计入以上数据。');
  });

  it('lists groups, each host’s work, the agreements and the open follow-ups', async () => {
    const doc = await readDocx(await buildReportDocx(report, 'zh-CN'));
    const groups = tableStartingWith(doc, '分组', '参与专家');
    expect(groups[1]).toEqual([
      '新材料组',
      '李明远（首席专家）、王晓燕',
      '4',
      '2',
      '21',
      '14',
      '23',
      '156',
      '1234',
      '3',
    ]);
    expect(doc.text).toContain('走访日期：2025年9月1日、2025年9月2日');
    expect(doc.text).toContain('开展活动：技术指导3次、专题讲座1次');
    expect(doc.text).toContain('1. 注塑件翘曲变形（疑难杂症/技术难题，新材料，已解决）');
    expect(doc.text).toContain('1. 调整模温与保压时间（已采纳）');
    expect(doc.text).toContain('对接需求：高分子材料改性（企业技术需求）');
    const agreements = tableStartingWith(doc, '协议名称');
    expect(agreements).toHaveLength(2);
    expect(agreements[1]).toEqual([
      '材料改性技术合作协议',
      '合作协议',
      '重庆江津新材料有限公司',
      '重庆江津新材料有限公司、重庆大学',
      '2025-09-03',
      '已签约',
      '50',
    ]);
    const followUps = tableStartingWith(doc, '跟踪事项');
    expect(followUps[1]).toEqual([
      '回访注塑工艺改进效果',
      '服务单位：重庆江津新材料有限公司',
      '李明远',
      '2025-10-01',
      '计划中\n已逾期',
    ]);
  });

  it('is an A4 document with page numbers in the footer', async () => {
    const doc = await readDocx(await buildReportDocx(report, 'zh-CN'));
    expect(doc.files['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = Object.entries(doc.files).find(([name]) => name.startsWith('word/footer'))?.[1] ?? '';
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(footer).toContain('第 ');
  });

  it('is written in English when asked', async () => {
    const doc = await readDocx(await buildReportDocx(report, 'en'));
    expect(headingsOf(doc, 'Title')).toEqual(['2025年专家服务团“走进江津”: Expert Service Trip Report']);
    expect(headingsOf(doc, 'Heading1')).toEqual([
      '1. Overview',
      '2. Groups',
      '3. Host units',
      '4. Agreements',
      '5. Follow-up',
    ]);
    expect(doc.paragraphs.map((p) => p.text)).toContain(report.sentence.en);
    const value = columnByLabel(tableStartingWith(doc, 'Item', 'Count'), 1);
    expect(value['Technical guidance']).toBe('5');
    expect(value['People benefited']).toBe('1234');
    expect(headingsOf(doc, 'ReportSubtitle')[0]).toBe('Dates: 1 September 2025 to 3 September 2025 (3 days)');
  });

  it('says so when a section is empty', async () => {
    const empty = { ...handReport(), groups: [], hosts: [], agreements: [], openFollowUps: [] };
    const doc = await readDocx(await buildReportDocx(empty, 'zh-CN'));
    for (const line of ['暂无专家团成员。', '暂无走访记录。', '暂无协议。', '暂无待办的跟踪服务。']) {
      expect(doc.text).toContain(line);
    }
  });
});

describe('buildReportDocx, from the demo trip', () => {
  const TODAY = '2026-11-22';
  const report = computeTripReport(demoReportInput(TODAY));

  it('carries the article’s figures and every host', async () => {
    const bytes = await buildReportDocx(report, 'zh-CN');
    await keepArtifact('demo-report-zh.docx', bytes);
    await keepArtifact('demo-report-en.docx', await buildReportDocx(report, 'en'));
    const doc = await readDocx(bytes);
    expect(doc.paragraphs.map((p) => p.text)).toContain(report.sentence.zh);
    expect(report.sentence.zh).toContain('技术指导5次、学术讲座8场、座谈交流13次');
    const value = columnByLabel(tableStartingWith(doc, '项目', '数量'), 1);
    expect(value).toMatchObject({
      技术指导: '5',
      学术讲座: '8',
      座谈交流: '13',
      '解决疑难杂症/技术难题': '12',
      解决其他大小问题: '47',
      给出意见建议: '37',
      直接培训指导: '201',
      惠及基层群众: '1645',
      签订合作协议: '12',
      受聘特聘专家: '14',
      参与专家: '14',
    });
    const hostHeadings = headingsOf(doc, 'Heading2');
    expect(hostHeadings).toHaveLength(report.hosts.length);
    report.hosts.forEach((host, i) => {
      expect(hostHeadings[i]).toBe(`（${chineseNumeral(i + 1)}）${host.name}`);
    });
    expect(tableStartingWith(doc, '协议名称')).toHaveLength(report.agreements.length + 1);
    expect(tableStartingWith(doc, '分组')).toHaveLength(report.groups.length + 1);
    expect(tableStartingWith(doc, '跟踪事项')).toHaveLength(report.openFollowUps.length + 1);
  });
});

describe('chineseNumeral', () => {
  it('numbers sub-sections the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '100',
    ]);
  });
});
