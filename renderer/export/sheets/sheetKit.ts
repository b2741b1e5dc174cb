import { type Labelled, type Lang, labelOf, reviewStates } from '../../../shared/enums';
import type { MessageKey } from '../../../shared/i18n';
import { type Lookup, makeLookup } from '../../../shared/report/reportLookup';
import type { ReportInput } from '../../../shared/report/tripReport';
import type { Visit } from '../../../shared/schemas';
import { joinList, labelFor, type Tx, textFor } from '../text';

/**
 * The record tables of the Excel workbook and the CSV files, resolved to cells once: both files are
 * made from the same `RecordSheet`s, so a column added here appears in both, with the same header.
 *
 * Cells are for people: names instead of ids, enum labels, dates as YYYY-MM-DD text, counts as numbers.
 * Every live record is listed, rejected visits included, with its review state: these sheets are the
 * data, while the summary follows the report's counting rules.
 */
export type Cell = string | number;

export type SheetKey =
  | 'visits'
  | 'problems'
  | 'recommendations'
  | 'agreements'
  | 'needs'
  | 'followUps'
  | 'team'
  | 'hosts';

export type SheetColumn = {
  header: string;
  /** Column width in characters (Excel's unit); CJK characters count double. */
  width: number;
  /** Long text: wrap it in the workbook instead of widening the column. */
  wrap?: boolean;
};

export type RecordSheet = { key: SheetKey; title: string; columns: SheetColumn[]; rows: Cell[][] };

/** What a column builder gets: the wording, the lookups and a few formatters. */
export type SheetContext = {
  lang: Lang;
  t: Tx;
  lookup: Lookup;
  label: <K extends string>(table: Record<K, Labelled>, key: string) => string;
  list: (items: readonly string[]) => string;
  yesNo: (value: boolean) => string;
  hostName: (id: string) => string;
  expertNames: (ids: readonly string[]) => string;
  visitOf: (id: string) => Visit | undefined;
  reviewLabel: (state: string) => string;
};

export function sheetContext(input: ReportInput, lang: Lang): SheetContext {
  const t = textFor(lang);
  const lookup = makeLookup(input);
  const list = (items: readonly string[]) => joinList(items, lang);
  return {
    lang,
    t,
    lookup,
    label: (table, key) => labelFor(table, key, lang),
    list,
    yesNo: (value) => t(value ? 'common.yes' : 'common.no'),
    hostName: (id) => lookup.hosts.get(id)?.name ?? '',
    expertNames: (ids) => list(ids.map((id) => lookup.experts.get(id)?.name ?? '')),
    visitOf: (id) => lookup.visits.get(id),
    reviewLabel: (state) => (state ? labelOf(reviewStates, state as keyof typeof reviewStates, lang) : ''),
  };
}

/** One column: its header (a message key or an already-worded label), width and cell. */
export type ColumnSpec<R> = {
  header: MessageKey | { text: string };
  width: number;
  wrap?: boolean;
  cell: (row: R) => Cell;
};

export function resolveSheet<R>(
  key: SheetKey,
  title: MessageKey,
  specs: readonly ColumnSpec<R>[],
  rows: readonly R[],
  ctx: SheetContext,
): RecordSheet {
  return {
    key,
    title: ctx.t(title),
    columns: specs.map((s) => ({
      header: typeof s.header === 'string' ? ctx.t(s.header) : s.header.text,
      width: s.width,
      ...(s.wrap ? { wrap: true } : {}),
    })),
    rows: rows.map((row) => specs.map((s) => s.cell(row))),
  };
}
