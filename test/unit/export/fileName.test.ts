import { describe, expect, it } from 'vitest';
import { placeOf, reportFileName, sanitiseFileName } from '../../../shared/report/fileName';

const trip = {
  title: '2025年成渝地区双城经济圈专家团“走进璧山”',
  region: '重庆市璧山区',
  endDate: '2025-06-25',
};

describe('exportFileName', () => {
  it('names the file after the place, what it is and the trip’s last day', () => {
    expect(reportFileName(trip, 'docx', 'zh-CN')).toBe('璧山区专家服务活动-工作总结-2025-06-25.docx');
    expect(reportFileName(trip, 'xlsx', 'zh-CN')).toBe('璧山区专家服务活动-数据汇总-2025-06-25.xlsx');
    expect(reportFileName(trip, 'csv', 'zh-CN')).toBe('璧山区专家服务活动-数据表-2025-06-25.zip');
    expect(reportFileName(trip, 'json', 'zh-CN')).toBe('璧山区专家服务活动-备份-2025-06-25.json');
    expect(reportFileName(trip, 'docx', 'en')).toBe('璧山区 expert trip-report-2025-06-25.docx');
  });

  it('falls back to the title when there is no region, and stays a valid name', () => {
    const name = reportFileName({ ...trip, region: '', title: '走进/眉山: 第1站?' }, 'docx', 'zh-CN');
    expect(name).toBe('走进_眉山_ 第1站_专家服务活动-工作总结-2025-06-25.docx');
  });
});

describe('placeOf', () => {
  it('drops the province and city when something follows them', () => {
    expect(placeOf('重庆市璧山区')).toBe('璧山区');
    expect(placeOf('四川省眉山市')).toBe('眉山市');
    expect(placeOf('四川省成都市武侯区')).toBe('武侯区');
    expect(placeOf('广西壮族自治区南宁市')).toBe('南宁市');
    expect(placeOf('眉山市')).toBe('眉山市');
    expect(placeOf('Meishan')).toBe('Meishan');
  });
});

describe('sanitiseFileName', () => {
  it('replaces what Windows refuses and trims what it drops', () => {
    expect(sanitiseFileName('a<b>c:d"e/f\\g|h?i*j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(sanitiseFileName('报告\u0001\t名')).toBe('报告__名');
    expect(sanitiseFileName('总结. . ')).toBe('总结');
    expect(sanitiseFileName('CON')).toBe('_CON');
    expect(sanitiseFileName('lpt1.report')).toBe('_lpt1.report');
    expect(sanitiseFileName('...')).toBe('export');
    expect([...sanitiseFileName('长'.repeat(500))]).toHaveLength(120);
  });
});
