import type { Writable } from 'node:stream';
import { colourOfLevel } from '../../../common/domain/warnings';
import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { ProjectExportRow } from './list-rows';
import { widePrintSetup } from './page-setup';
import { projectValueOf } from '../imports';
import type { Column, Lookups } from '../../lib/spreadsheets/columns/types';
import { HEADER_STYLE, streamingWorkbook, waitForReader } from '../../lib/spreadsheets/workbook';

type SheetColumn = Column<string, unknown>;

/**
 * A column's cell for a project: the project's value written the way the import reads it back. An empty value is
 * no cell at all (undefined), which ExcelJS skips: most rows leave many columns empty.
 */
const cellOf = (column: SheetColumn, row: ProjectExportRow, lookups: Lookups) =>
  column.format(projectValueOf(column, row), lookups) ?? undefined;

/**
 * Writes the projects as the import's projects sheet of the district (same columns, custom fields included, same
 * headers, same cell formats), streaming, so the file can be edited and imported back unchanged: one header row,
 * frozen, with filters; printed like the ledger (A3 landscape, fitted to the width, the header row on every page).
 */
export async function writeProjectList(
  stream: Writable,
  input: {
    batches: AsyncIterable<ProjectExportRow[]>;
    columns: readonly SheetColumn[];
    lookups: Lookups;
    locale: Locale;
    sheetName: string;
    /** The header of the last column, the warning colour: computed, so the import ignores it (no import column has it). */
    warningHeader: string;
  },
): Promise<void> {
  const { columns } = input;
  const workbook = streamingWorkbook(stream);
  const sheet = workbook.addWorksheet(input.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: widePrintSetup('1:1'),
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + 1 } };
  sheet.columns = [...columns.map((c) => ({ width: c.width })), { width: 12 }];
  const header = sheet.addRow([...columns.map((c) => c.header[input.locale]), input.warningHeader]);
  header.height = 30;
  for (let i = 0; i <= columns.length; i++) header.getCell(i + 1).style = HEADER_STYLE;
  header.commit();
  // Only the number formats (万元, dates): a data file needs no borders, and 3.6 million styled cells cost seconds.
  const formats = columns.flatMap((c, i) => (c.numFmt ? [{ column: i + 1, numFmt: c.numFmt }] : []));

  for await (const batch of input.batches) {
    for (const project of batch) {
      const colour = colourOfLevel(project.warningLevel);
      const warning = colour ? enumLabel(input.locale, 'warningColour', colour) : undefined;
      const row = sheet.addRow([...columns.map((c) => cellOf(c, project, input.lookups)), warning]);
      for (const { column, numFmt } of formats) row.getCell(column).numFmt = numFmt;
      row.commit();
    }
    await waitForReader(stream);
  }
  sheet.commit();
  await workbook.commit();
}
