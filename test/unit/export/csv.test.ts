import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BOM, buildCsvFiles, csvField, toCsv, zipCsvFiles } from '../../../renderer/export/csv/buildCsvFiles';
import type { ReportInput } from '../../../shared/report';
import { demoReportInput } from '../report/demoInput';
import { keepArtifact } from './artifacts';

const TRICKY = '含逗号,和"引号"\n以及换行';

function inputWithTrickyNote(): ReportInput {
  const input = demoReportInput('2026-11-22');
  const [first, ...rest] = input.visits;
  if (!first) throw new Error('demo without visits');
  return { ...input, visits: [{ ...first, notes: TRICKY }, ...rest] };
}

/** RFC 4180 reader, enough to check what Excel and other systems will read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('csvField', () => {
  it('quotes only what needs quoting, doubling quotes', () => {
    expect(csvField('璧山区')).toBe('璧山区');
    expect(csvField(1645)).toBe('1645');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField('一\r\n二')).toBe('"一\r\n二"');
    expect(csvField('')).toBe('');
  });

  it('ends every record with CRLF after a byte order mark', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe(`${BOM}a,1\r\nb,2\r\n`);
  });
});

describe('buildCsvFiles', () => {
  const input = inputWithTrickyNote();
  const files = buildCsvFiles(input, 'zh-CN');

  it('makes one numbered file per record type', () => {
    expect(files.map((f) => f.name)).toEqual([
      '01-走访记录.csv',
      '02-发现问题.csv',
      '03-意见建议.csv',
      '04-合作协议.csv',
      '05-需求.csv',
      '06-跟踪服务.csv',
      '07-专家团队.csv',
      '08-服务单位.csv',
    ]);
  });

  it('starts with a BOM, keeps Chinese intact and quotes a field with a comma, quote and newline', () => {
    const visits = files[0];
    if (!visits) throw new Error('no visits file');
    expect(visits.text.startsWith('\uFEFF日期,服务单位,专家,')).toBe(true);
    expect(visits.text).toContain('"含逗号,和""引号""\n以及换行"');
    const rows = parseCsv(visits.text.slice(1));
    expect(rows).toHaveLength(input.visits.length + 1);
    const header = rows[0] ?? [];
    const notes = rows.map((r) => r[header.indexOf('备注')]);
    expect(notes).toContain(TRICKY);
    // Every row has as many fields as the header: no field broke out of its quotes.
    for (const row of rows) expect(row).toHaveLength(header.length);
    const hostNames = new Set(input.hosts.map((h) => h.name));
    for (const row of rows.slice(1)) expect(hostNames.has(row[1] ?? '')).toBe(true);
  });

  it('zips the files with their Chinese names and exact text', async () => {
    const bytes = await zipCsvFiles(files, new Date('2026-11-22T10:00:00Z'));
    await keepArtifact('demo-csv-zh.zip', bytes);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(files.map((f) => f.name).sort());
    for (const file of files) {
      const back = await zip.file(file.name)?.async('uint8array');
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(back)).toBe(file.text);
      expect([...(back ?? []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
  });
});
