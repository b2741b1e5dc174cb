import type { Lang } from '../../../shared/enums';
import type { ReportInput } from '../../../shared/report/tripReport';
import { followUpsSheet, hostsSheet, needsSheet, teamSheet } from './planSheets';
import { type RecordSheet, sheetContext } from './sheetKit';
import { agreementsSheet, problemsSheet, recommendationsSheet, visitsSheet } from './tripSheets';

export type { Cell, RecordSheet, SheetColumn, SheetKey } from './sheetKit';

/** Every record sheet of a trip, in the order of the workbook's tabs and the CSV files' numbers. */
export function recordSheets(input: ReportInput, lang: Lang): RecordSheet[] {
  const ctx = sheetContext(input, lang);
  return [
    visitsSheet(input, ctx),
    problemsSheet(input, ctx),
    recommendationsSheet(input, ctx),
    agreementsSheet(input, ctx),
    needsSheet(input, ctx),
    followUpsSheet(input, ctx),
    teamSheet(input, ctx),
    hostsSheet(input, ctx),
  ];
}
