import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recordSheets } from '../../../renderer/export/sheets/recordSheets';
import { buildReportXlsx, rowHeight } from '../../../renderer/export/xlsx/buildReportXlsx';
import { computeTripReport, type ReportInput } from '../../../shared/report';
import { demoReportInput } from '../report/demoInput';
import { keepArtifact } from './artifacts';

const TODAY = '2026-11-22';

/** The demo trip with its first visit and its first two agreements rejected by an organiser. */
function inputWithRejectedVisit(): ReportInput {
  const input = demoReportInput(TODAY);
  const [first, ...rest] = input.visits;
  if (!first) throw new Error('demo without visits');
  return {
    ...input,
    visits: [{ ...first, reviewState: 'rejected' }, ...rest],
    agreements: input.agreements.map((a, i) => (i < 2 ? { ...a, reviewState: 'rejected' } : a)),
  };
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

/** The summary's figures: label in column A → value in column B. */
function summaryFigures(sheet: ExcelJS.Worksheet): Map<string, unknown> {
  const figures = new Map<string, unknown>();
  let inTable = false;
  sheet.eachRow((row) => {
    const [label, value] = (row.values as unknown[]).slice(1);
    if (label === '项目') inTable = true;
    else if (inTable && typeof label === 'string' && label !== '') figures.set(label, value);
    if (inTable && (label === undefined || label === null)) inTable = false;
  });
  return figures;
}

const EXPECTED_HEADERS: Record<string, string[]> = {
  走访记录: ['日期', '服务单位', '专家', '活动内容', '活动主题', '实地调研', '技术指导', '专题讲座'],
  发现问题: ['走访日期', '服务单位', '问题', '描述', '类别', '领域', '状态', '所属走访审核状态', '记录编号'],
  意见建议: ['走访日期', '服务单位', '相关问题', '建议内容', '是否采纳', '所属走访审核状态', '记录编号'],
  合作协议: [
    '协议名称',
    '类别',
    '服务单位',
    '签约各方',
    '专家',
    '签订日期',
    '履行起始',
    '履行截止',
    '金额（万元）',
  ],
  需求: ['服务单位', '需求名称', '类别', '领域', '描述', '专家', '状态', '记录编号'],
  跟踪服务: ['跟踪事项', '关联类型', '关联记录', '负责人', '截止日期', '状态', '备注', '记录编号'],
  专家团队: ['姓名', '职称', '工作单位', '角色', '分组', '专业领域', '荣誉称号', '电话', '邮箱', '记录编号'],
  服务单位: [
    '单位名称',
    '统一社会信用代码',
    '单位类别',
    '所在区县',
    '所属行业',
    '联系人',
    '联系电话',
    '地址',
    '记录编号',
  ],
};

describe('buildReportXlsx', () => {
  const input = inputWithRejectedVisit();
  const report = computeTripReport(input);

  it('has a summary sheet with the figures, counted by the report’s rules', async () => {
    const bytes = await buildReportXlsx(report, input, 'zh-CN');
    await keepArtifact('demo-data-zh.xlsx', bytes);
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '汇总',
      '走访记录',
      '发现问题',
      '意见建议',
      '合作协议',
      '需求',
      '跟踪服务',
      '专家团队',
      '服务单位',
    ]);
    const summary = workbook.getWorksheet('汇总');
    if (!summary) throw new Error('no summary');
    expect(summary.getCell('A1').value).toBe(`${report.trip.title}专家服务活动工作总结`);
    const figures = summaryFigures(summary);
    // Numbers are numbers, and they are the report's (the rejected visit left out), not the raw rows'.
    expect(figures.get('技术指导')).toBe(report.figures.activities.technical_guidance);
    expect(figures.get('学术讲座')).toBe(report.figures.activities.lecture);
    expect(figures.get('座谈交流')).toBe(report.figures.activities.seminar);
    expect(figures.get('直接培训指导')).toBe(report.figures.peopleTrained);
    expect(figures.get('惠及基层群众')).toBe(report.figures.beneficiaries);
    expect(figures.get('签订合作协议')).toBe(10);
    expect(report.figures.visits).toBe(input.visits.length - 1);
    const counted = input.visits.filter((v) => v.reviewState !== 'rejected');
    expect(figures.get('直接培训指导')).toBe(counted.reduce((n, v) => n + v.peopleTrained, 0));
    const texts: string[] = [];
    summary.eachRow((row) => {
      texts.push(...(row.values as unknown[]).filter((v): v is string => typeof v === 'string'));
    });
    expect(texts).toContain(report.sentence.zh);
    expect(texts).toContain('注：已退回的 1 次走访及其问题、建议未计入以上数据。');
    expect(texts).toContain('注：已退回的 2 份协议未计入以上数据。');
  });

  it('has one sheet per record type with Chinese headers, every live record and readable cells', async () => {
    const workbook = await readWorkbook(await buildReportXlsx(report, input, 'zh-CN'));
    const expectedRows: Record<string, number> = {
      走访记录: input.visits.length,
      发现问题: input.problems.length,
      意见建议: input.recommendations.length,
      合作协议: input.agreements.length,
      需求: input.needs.length,
      跟踪服务: input.followUps.length,
      专家团队: input.members.length,
      服务单位: input.hosts.length,
    };
    for (const [name, headers] of Object.entries(EXPECTED_HEADERS)) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      expect(rowValues(sheet, 1).slice(0, headers.length), name).toEqual(headers);
      expect(sheet.actualRowCount - 1, name).toBe(expectedRows[name]);
      expect(sheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, name).toBeTruthy();
    }
    const visits = workbook.getWorksheet('走访记录');
    if (!visits) throw new Error('no visits sheet');
    const header = rowValues(visits, 1);
    const col = (name: string) => header.indexOf(name);
    const hostNames = new Set(input.hosts.map((h) => h.name));
    const rows = Array.from({ length: input.visits.length }, (_, i) => rowValues(visits, i + 2));
    for (const row of rows) {
      expect(row[col('日期')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(hostNames.has(row[col('服务单位')] as string)).toBe(true);
      expect(typeof row[col('培训人次')]).toBe('number');
    }
    // The rejected visit is listed, with its review state in words.
    const states = rows.map((r) => r[col('审核状态')]);
    expect(states.filter((s) => s === '已退回')).toHaveLength(1);
    const labels = ['草稿', '已提交', '待修改', '已通过', '已退回'];
    for (const state of states) expect(labels).toContain(state);
    // Column widths were set, not left at Excel's default.
    expect(visits.getColumn(col('服务单位') + 1).width).toBe(30);
  });

  it('uses English headers and sheet names when asked', async () => {
    const workbook = await readWorkbook(await buildReportXlsx(report, input, 'en'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Visits',
      'Problems',
      'Recommendations',
      'Agreements',
      'Needs',
      'Follow-ups',
      'Team',
      'Hosts',
    ]);
    const visits = workbook.getWorksheet('Visits');
    expect(visits && rowValues(visits, 1).slice(0, 3)).toEqual(['Date', 'Host', 'Experts']);
  });

  it('reports its progress sheet by sheet, ending at 1', async () => {
    const seen: number[] = [];
    await buildReportXlsx(report, input, 'zh-CN', (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(recordSheets(input, 'zh-CN').length + 1);
  });
});

describe('rowHeight', () => {
  it('grows with wrapped text, counting Chinese characters double, up to a cap', () => {
    expect(rowHeight([])).toBe(18);
    expect(rowHeight([['短', 20]])).toBe(18);
    expect(rowHeight([['中'.repeat(19), 20]])).toBe(2 * 14 + 4);
    expect(rowHeight([['a'.repeat(19), 20]])).toBe(18);
    expect(rowHeight([['一\n二\n三', 20]])).toBe(3 * 14 + 4);
    expect(rowHeight([['中'.repeat(2000), 20]])).toBe(12 * 14 + 4);
  });
});
