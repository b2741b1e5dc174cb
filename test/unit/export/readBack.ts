import JSZip from 'jszip';

/**
 * Reads a generated .docx back the way a test needs it: paragraphs with their style and text, and
 * tables as rows of cell texts. A small regex reader is enough for the regular XML the docx package
 * writes, and it keeps the tests free of a second Word library.
 */

export type DocParagraph = { style: string; text: string };
export type DocTable = string[][];
export type DocxContent = {
  paragraphs: DocParagraph[];
  tables: DocTable[];
  /** Every paragraph's text, tables included, in order. */
  text: string;
  files: Record<string, string>;
};

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

function paragraphs(xml: string): DocParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
    text: paragraphText(m[0]),
  }));
}

function tables(xml: string): DocTable[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        paragraphs(cell[0])
          .map((p) => p.text)
          .join('\n'),
      ),
    ),
  );
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml')) files[name] = (await zip.file(name)?.async('string')) ?? '';
  }
  const body = files['word/document.xml'] ?? '';
  const paras = paragraphs(body);
  return { paragraphs: paras, tables: tables(body), text: paras.map((p) => p.text).join('\n'), files };
}

/** The table whose header row starts with the given cells. */
export function tableStartingWith(content: DocxContent, ...header: string[]): DocTable {
  const table = content.tables.find((t) => header.every((h, i) => t[0]?.[i] === h));
  if (!table) throw new Error(`no table with header ${header.join(' | ')}`);
  return table;
}

/** A two-column view of a table: first cell → the cell at `column`. */
export function columnByLabel(table: DocTable, column: number): Record<string, string> {
  return Object.fromEntries(table.slice(1).map((row) => [row[0] ?? '', row[column] ?? '']));
}

export const headingsOf = (content: DocxContent, style: string) =>
  content.paragraphs.filter((p) => p.style === style).map((p) => p.text);
