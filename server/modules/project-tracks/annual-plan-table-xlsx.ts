import ExcelJS from 'exceljs';
import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { AnnualPlanGroup, AnnualPlanTable, AnnualPlanTableRow } from '../../../common/schemas/annual-plan-table';
import type { MessageKey } from '../../lib/messages';
import { CELL_BORDER, HEADER_STYLE, WAN_FORMAT, textCell, wrappedRowHeight, yuanToWan } from '../../lib/spreadsheets/workbook';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A sheet's column: its header, width, and the cell of a row; `money` columns are 万元 with two decimals. */
type Column<T> = { header: string; width: number; value: (row: T, index: number) => ExcelJS.CellValue; money?: boolean };

const HEADER_ROW = 3;
const TOTAL_FILL = 'FFE6F4FF';

/** A3 landscape, fitted to the page's width, the header row repeated on every printed page (as the ledger). */
function addSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 8 as ExcelJS.PaperSize, // A3
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
}

/** Title, note, header, a row per item, and a bold total row (its money the given sums) across the columns. */
function writeTable<T>(
  sheet: ExcelJS.Worksheet,
  heading: { title: string; note: string },
  columns: Column<T>[],
  rows: readonly T[],
  total: { label: string; values: (ExcelJS.CellValue | undefined)[] } | null,
) {
  const widths = columns.map((c) => c.width);
  sheet.columns = widths.map((width) => ({ width }));
  const last = columns.length;
  const title = sheet.addRow([heading.title]);
  title.height = 32;
  title.getCell(1).style = { font: { bold: true, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.mergeCells(1, 1, 1, last);
  const note = sheet.addRow([heading.note]);
  note.getCell(1).style = { font: { size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' } };
  sheet.mergeCells(2, 1, 2, last);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 30;
  columns.forEach((_, i) => {
    header.getCell(i + 1).style = HEADER_STYLE;
  });
  rows.forEach((item, index) => {
    const values = columns.map((c) => c.value(item, index));
    const row = sheet.addRow(values);
    row.height = wrappedRowHeight(
      values.map((v) => (typeof v === 'string' ? v : null)),
      widths,
    );
    columns.forEach((c, i) => {
      row.getCell(i + 1).style = {
        font: { size: 10 },
        border: CELL_BORDER,
        alignment: { vertical: 'middle', horizontal: c.money ? 'right' : i === 0 ? 'center' : 'left', wrapText: !c.money },
        numFmt: c.money ? WAN_FORMAT : undefined,
      };
    });
  });
  if (!total) return;
  const row = sheet.addRow([total.label, ...total.values.slice(1)]);
  columns.forEach((c, i) => {
    row.getCell(i + 1).style = {
      font: { bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL } },
      border: CELL_BORDER,
      alignment: { vertical: 'middle', horizontal: c.money ? 'right' : 'left' },
      numFmt: c.money ? WAN_FORMAT : undefined,
    };
  });
}

const monthColumns = <T>(t: Translate, monthsOf: (row: T) => number[]): Column<T>[] =>
  Array.from({ length: 12 }, (_, i) => ({
    header: t('annualPlanTable.col.month', { month: i + 1 }),
    width: 11,
    value: (row: T) => yuanToWan(monthsOf(row)[i] ?? 0),
    money: true,
  }));

/** The sums of a group as the cells of a total row, in the group columns' order (after the label cells). */
const groupCells = (g: AnnualPlanGroup, labelCells: number) => [
  ...Array.from({ length: labelCells }, () => undefined),
  g.count,
  yuanToWan(g.baselineYuan),
  yuanToWan(g.currentYuan),
  yuanToWan(g.changeYuan),
  g.draftCount,
  ...g.monthlyYuan.map((yuan) => yuanToWan(yuan)),
];

function groupColumns(t: Translate, nameHeader: string, noName: string): Column<AnnualPlanGroup>[] {
  return [
    { header: t('annualPlanTable.col.index'), width: 6, value: (_, i) => i + 1 },
    { header: nameHeader, width: 24, value: (g) => textCell(g.name ?? noName) },
    { header: t('annualPlanTable.col.count'), width: 8, value: (g) => g.count },
    { header: t('annualPlanTable.col.baseline'), width: 14, value: (g) => yuanToWan(g.baselineYuan), money: true },
    { header: t('annualPlanTable.col.current'), width: 14, value: (g) => yuanToWan(g.currentYuan), money: true },
    { header: t('annualPlanTable.col.change'), width: 12, value: (g) => yuanToWan(g.changeYuan), money: true },
    { header: t('annualPlanTable.col.drafts'), width: 8, value: (g) => g.draftCount },
    ...monthColumns<AnnualPlanGroup>(t, (g) => g.monthlyYuan),
  ];
}

/**
 * The district's annual plan of a year as a workbook: by project (current version beside the baseline, months
 * 1–12), by lead unit, by category — each with its total row, the same sums the page shows — and 未填报.
 */
export async function annualPlanWorkbook(
  table: AnnualPlanTable,
  { locale, t, asOf }: { locale: Locale; t: Translate; asOf: string },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantu 蓝图';
  workbook.created = new Date();
  const heading = {
    title: t('annualPlanTable.title', { region: table.regionName, year: table.year }),
    note: t('annualPlanTable.note', { asOf }),
  };
  const totalLabel = t('annualPlanTable.total', { count: table.total.count });
  const versionOf = (row: AnnualPlanTableRow) =>
    t(row.frozen ? 'annualPlanTable.version' : 'annualPlanTable.version_draft', { n: row.versionNo });

  const projectColumns: Column<AnnualPlanTableRow>[] = [
    { header: t('annualPlanTable.col.index'), width: 6, value: (_, i) => i + 1 },
    { header: t('annualPlanTable.col.name'), width: 30, value: (r) => textCell(r.name) },
    { header: t('annualPlanTable.col.unit'), width: 18, value: (r) => textCell(r.leadUnitName) },
    { header: t('annualPlanTable.col.category'), width: 12, value: (r) => textCell(r.categoryName ?? t('annualPlanTable.no_category')) },
    { header: t('annualPlanTable.col.baseline'), width: 14, value: (r) => yuanToWan(r.baselineYuan), money: true },
    { header: t('annualPlanTable.col.current'), width: 14, value: (r) => yuanToWan(r.currentYuan), money: true },
    { header: t('annualPlanTable.col.change'), width: 12, value: (r) => yuanToWan(r.changeYuan), money: true },
    { header: t('annualPlanTable.col.version'), width: 10, value: (r) => versionOf(r) },
    ...monthColumns<AnnualPlanTableRow>(t, (r) => r.monthlyYuan),
  ];
  const total = table.total;
  writeTable(addSheet(workbook, t('annualPlanTable.sheet.projects')), heading, projectColumns, table.items, {
    label: totalLabel,
    values: [
      undefined,
      undefined,
      undefined,
      undefined,
      yuanToWan(total.baselineYuan),
      yuanToWan(total.currentYuan),
      yuanToWan(total.changeYuan),
      undefined,
      ...total.monthlyYuan.map((yuan) => yuanToWan(yuan)),
    ],
  });
  const units = groupColumns(t, t('annualPlanTable.col.unit'), '');
  writeTable(addSheet(workbook, t('annualPlanTable.sheet.units')), heading, units, table.byUnit, {
    label: totalLabel,
    values: groupCells(total, 2),
  });
  const categories = groupColumns(t, t('annualPlanTable.col.category'), t('annualPlanTable.no_category'));
  writeTable(addSheet(workbook, t('annualPlanTable.sheet.categories')), heading, categories, table.byCategory, {
    label: totalLabel,
    values: groupCells(total, 2),
  });

  type Owing = { unitName: string; name: string; pool: AnnualPlanTableRow['pool']; plannedStart: string | null };
  const owing: Owing[] = table.missing.flatMap((u) => u.projects.map((p) => ({ ...p, unitName: u.unitName })));
  const missingColumns: Column<Owing>[] = [
    { header: t('annualPlanTable.col.index'), width: 6, value: (_, i) => i + 1 },
    { header: t('annualPlanTable.col.unit'), width: 24, value: (r) => textCell(r.unitName) },
    { header: t('annualPlanTable.col.name'), width: 40, value: (r) => textCell(r.name) },
    { header: t('annualPlanTable.col.pool'), width: 10, value: (r) => enumLabel(locale, 'pool', r.pool) },
    { header: t('annualPlanTable.col.plannedStart'), width: 12, value: (r) => r.plannedStart },
  ];
  const missingNote =
    owing.length > 0
      ? t('annualPlanTable.missing_total', { count: owing.length, year: table.year })
      : t('annualPlanTable.none_missing', { year: table.year });
  writeTable(
    addSheet(workbook, t('annualPlanTable.sheet.missing')),
    { title: heading.title, note: missingNote },
    missingColumns,
    owing,
    null,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
