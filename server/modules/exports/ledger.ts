import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Pool } from '../../../common/schemas/projects';
import { type CustomFieldDef, type CustomValue, customFieldLabel, formatCustomValue } from '../../../common/domain/custom-fields';
import type { Locale } from '../../../common/locale';
import type { MessageKey } from '../../lib/messages';
import { colourOfLevel } from '../../../common/domain/warnings';
import { enumLabel, levelsOf } from '../../../common/labels';
import type { LedgerRow } from './ledger-rows';
import { widePrintSetup } from './page-setup';
import {
  CELL_BORDER,
  HEADER_STYLE,
  WAN_FORMAT,
  streamingWorkbook,
  textCell,
  waitForReader,
  wrappedRowHeight,
  yuanToWan,
} from '../../lib/spreadsheets/workbook';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
/** The reader's language: messages by key, and the page's labels of pools, natures and levels. */
export type LedgerText = { locale: Locale; t: Translate };

/** What the ledger says about itself: its title, the year and "1–N月", the date it is as of and time elapsed. */
export type LedgerHeading = { title: string; year: number; throughMonth: number; asOf: string; timeElapsed: string };

type Column = {
  /** The header: a message, or the text itself (a custom field's label). */
  label: MessageKey | { text: string };
  /** Columns under a shared upper header (the year's investment, the construction period). */
  group?: MessageKey;
  width: number;
  value: (row: LedgerRow, text: LedgerText) => ExcelJS.CellValue;
  /** Money in 万元, totalled in the subtotal and total rows. */
  money?: (row: LedgerRow) => number | null;
  date?: boolean;
  align?: 'left' | 'center';
};

const dateValue = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);
const money = (label: MessageKey, yuan: (row: LedgerRow) => number | null, group?: MessageKey): Column => ({
  label,
  group,
  width: 16,
  value: (row) => yuanToWan(yuan(row)),
  money: yuan,
});

// Investment completed is the sum of the year's approved monthly reports through the month (DOMAIN.md, 工作台账).
const completedToDate = (row: LedgerRow): number | null => row.completedToDateYuan;

// The warning colour (红黄绿灯) in words; empty before it is first computed.
const warningOf = (row: LedgerRow, locale: Locale) => {
  const colour = colourOfLevel(row.warningLevel);
  return colour ? enumLabel(locale, 'warningColour', colour) : null;
};

const FIXED_COLUMNS: Column[] = [
  { label: 'ledger.col.index', width: 6, value: () => null, align: 'center' },
  { label: 'ledger.col.name', width: 28, value: (r) => textCell(r.name) },
  { label: 'ledger.col.code', width: 25, value: (r) => textCell(r.code), align: 'center' },
  { label: 'ledger.col.owner', width: 22, value: (r) => textCell(r.ownerName) },
  { label: 'ledger.col.content', width: 44, value: (r) => textCell(r.constructionContent) },
  { label: 'ledger.col.lead_unit', width: 18, value: (r) => textCell(r.leadUnitName) },
  { label: 'ledger.col.leaders', width: 12, value: (r, { t }) => textCell(r.leaders.map((l) => l.name).join(t('export.list_separator'))) },
  { label: 'ledger.col.street', width: 12, value: (r) => textCell(r.streetName), align: 'center' },
  { label: 'ledger.col.level', width: 12, value: (r, { locale, t }) => levelsOf(locale, r, t('export.list_separator')), align: 'center' },
  { label: 'ledger.col.nature', width: 8, value: (r, { locale }) => enumLabel(locale, 'nature', r.nature), align: 'center' },
  money('ledger.col.total', (r) => r.totalInvestmentYuan),
  money('ledger.col.annual_plan', (r) => r.annualPlanYuan, 'ledger.group.year'),
  money('ledger.col.plan_to_date', (r) => r.planToDateYuan, 'ledger.group.year'),
  money('ledger.col.completed_to_date', completedToDate, 'ledger.group.year'),
  // 开工以来累计完成: the opening amount (期初累计完成投资) and the approved reports after it, through the month.
  money('ledger.col.completed_since_start', (r) => r.completedSinceStartYuan),
  { label: 'ledger.col.planned_start', group: 'ledger.group.dates', width: 12, value: (r) => dateValue(r.plannedStart), date: true },
  {
    label: 'ledger.col.planned_completion',
    group: 'ledger.group.dates',
    width: 12,
    value: (r) => dateValue(r.plannedCompletion),
    date: true,
  },
  { label: 'ledger.col.warning', width: 8, value: (r, { locale }) => warningOf(r, locale), align: 'center' },
];

/** A custom field of the district as a ledger column after the fixed ones, headed with its label. */
function customColumn(def: CustomFieldDef, locale: Locale): Column {
  const storedValue = (row: LedgerRow) => (row.customValues as Record<string, CustomValue> | null)?.[def.key] ?? null;
  if (def.type === 'date')
    return {
      label: { text: customFieldLabel(def, locale) },
      width: 12,
      value: (r) => dateValue(storedValue(r) as string | null),
      date: true,
    };
  return {
    label: { text: customFieldLabel(def, locale) },
    width: def.type === 'text' ? 20 : 12,
    value: (r) => {
      const value = storedValue(r);
      return def.type === 'number' && typeof value === 'number' ? value : textCell(formatCustomValue(def, value) || null);
    },
    align: def.type === 'number' ? 'center' : 'left',
  };
}

/** The ledger's columns (the fixed ones, then the custom fields) and what every row needs to know of them. */
type Layout = { columns: Column[]; widths: number[]; dataStyles: Partial<ExcelJS.Style>[]; firstMoneyColumn: number };

function layoutOf(customFields: readonly CustomFieldDef[], locale: Locale): Layout {
  const columns = [...FIXED_COLUMNS, ...customFields.map((def) => customColumn(def, locale))];
  return {
    columns,
    widths: columns.map((c) => c.width),
    dataStyles: columns.map((c) => ({
      font: { size: 10 },
      border: CELL_BORDER,
      alignment: { vertical: 'middle', horizontal: c.money || c.date ? 'right' : (c.align ?? 'left'), wrapText: !c.money && !c.date },
      numFmt: c.money ? WAN_FORMAT : c.date ? 'yyyy-mm-dd' : undefined,
    })),
    firstMoneyColumn: columns.findIndex((c) => c.money) + 1,
  };
}

/** The ledger's fixed rows: title, note, two header rows; projects start below them. */
export const LEDGER_HEADER_ROWS = 4;
const GROUP_FILL = 'FFFFF7E6';
const SUBTOTAL_FILL = 'FFF5F5F5';
const TOTAL_FILL = 'FFE6F4FF';
const ORDINALS = { 'zh-CN': ['一', '二', '三', '四', '五'], 'en-US': ['I', 'II', 'III', 'IV', 'V'] };

const columnLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : `${columnLetter(Math.floor((n - 1) / 26))}${columnLetter(((n - 1) % 26) + 1)}`;

function writeHeading(sheet: ExcelJS.Worksheet, { columns }: Layout, heading: LedgerHeading, t: Translate) {
  const params = { year: heading.year, month: heading.throughMonth };
  const lastColumn = columns.length;
  const labelOf = (label: Column['label']) => (typeof label === 'string' ? t(label, params) : label.text);
  const title = sheet.addRow([heading.title]);
  title.height = 36;
  title.getCell(1).style = { font: { bold: true, size: 18 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.mergeCells(1, 1, 1, lastColumn);
  const note = sheet.addRow([t('ledger.note', { asOf: heading.asOf, elapsed: heading.timeElapsed })]);
  note.getCell(1).style = { font: { size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' } };
  sheet.mergeCells(2, 1, 2, lastColumn);

  // Two header rows: a column without a group spans both; a group's label spans its columns above their own labels.
  const upper = columns.map((c) => (c.group ? t(c.group, params) : labelOf(c.label)));
  const lower = columns.map((c) => labelOf(c.label));
  for (const values of [upper, lower]) {
    const row = sheet.addRow(values);
    row.height = 36;
    values.forEach((_, i) => {
      row.getCell(i + 1).style = HEADER_STYLE;
    });
  }
  columns.forEach((column, i) => {
    if (!column.group) sheet.mergeCells(3, i + 1, 4, i + 1);
    else if (columns[i - 1]?.group !== column.group) {
      const span = columns.slice(i).findIndex((c) => c.group !== column.group);
      sheet.mergeCells(3, i + 1, 3, i + (span === -1 ? columns.length - i : span));
    }
  });
}

/** A label row across the text columns (group heading, subtotal, total), money columns as SUBTOTAL formulas. */
function writeLabelRow(
  sheet: ExcelJS.Worksheet,
  { columns, firstMoneyColumn }: Layout,
  label: string,
  sums: { from: number; to: number; yuan: number[] } | null,
  fill: string,
): number {
  const values: ExcelJS.CellValue[] = columns.map(() => null);
  values[0] = label;
  const row = sheet.addRow(values);
  const moneyColumns = columns.map((c, i) => (c.money ? i : -1)).filter((i) => i >= 0);
  if (sums) {
    moneyColumns.forEach((i, m) => {
      const letter = columnLetter(i + 1);
      // SUBTOTAL skips other SUBTOTAL cells in its range, so a total over groups never counts a subtotal twice.
      const formula = sums.to >= sums.from ? `SUBTOTAL(9,${letter}${sums.from}:${letter}${sums.to})` : undefined;
      const result = (sums.yuan[m] ?? 0) / 10_000;
      row.getCell(i + 1).value = formula ? { formula, result } : result;
    });
  }
  columns.forEach((c, i) => {
    row.getCell(i + 1).style = {
      font: { bold: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } },
      border: CELL_BORDER,
      alignment: { vertical: 'middle', horizontal: i === 0 ? 'left' : 'right' },
      numFmt: c.money ? WAN_FORMAT : undefined,
    };
  });
  sheet.mergeCells(row.number, 1, row.number, firstMoneyColumn - 1);
  row.commit();
  return row.number;
}

type Group = { pool: Pool; firstRow: number; lastRow: number; count: number; yuan: number[] };

/**
 * Writes the ledger officials circulate, streaming: title and note, a two-row header with units, projects grouped
 * by pool with a subtotal after each group and a total at the end (formulas with their values), 万元 with two
 * decimals, the header frozen, A3 landscape fitted to the width with the header repeated on every page.
 */
export async function writeLedger(
  stream: Writable,
  input: { heading: LedgerHeading; batches: AsyncIterable<LedgerRow[]>; customFields: readonly CustomFieldDef[]; text: LedgerText },
): Promise<void> {
  const { heading, text } = input;
  const { locale, t } = text;
  const layout = layoutOf(input.customFields, locale);
  const { columns, widths, dataStyles } = layout;
  const workbook = streamingWorkbook(stream);
  const sheet = workbook.addWorksheet(t('export.sheet.ledger'), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: LEDGER_HEADER_ROWS }],
    pageSetup: widePrintSetup(`3:${LEDGER_HEADER_ROWS}`),
    headerFooter: { oddFooter: `&C${t('ledger.footer')}` },
  });
  sheet.columns = widths.map((width) => ({ width }));
  writeHeading(sheet, layout, heading, t);

  const moneyOf = columns.filter((c) => c.money).map((c) => c.money as (row: LedgerRow) => number | null);
  const total: Group = {
    pool: 'implementing',
    firstRow: LEDGER_HEADER_ROWS + 1,
    lastRow: LEDGER_HEADER_ROWS,
    count: 0,
    yuan: moneyOf.map(() => 0),
  };
  const groups: Group[] = [];
  const closeGroup = (g: Group) => {
    total.lastRow = writeLabelRow(
      sheet,
      layout,
      t('ledger.subtotal', { count: g.count }),
      { from: g.firstRow, to: g.lastRow, yuan: g.yuan },
      SUBTOTAL_FILL,
    );
  };
  // Rows arrive ordered by pool: a new pool closes the previous group with its subtotal and opens the next.
  const groupOf = (pool: Pool): Group => {
    const open = groups.at(-1);
    if (open?.pool === pool) return open;
    if (open) closeGroup(open);
    const ordinal = ORDINALS[locale][groups.length] ?? String(groups.length + 1);
    const headingRow = writeLabelRow(
      sheet,
      layout,
      t('ledger.group', { ordinal, pool: enumLabel(locale, 'pool', pool) }),
      null,
      GROUP_FILL,
    );
    const next = { pool, firstRow: headingRow + 1, lastRow: headingRow, count: 0, yuan: moneyOf.map(() => 0) };
    groups.push(next);
    return next;
  };

  for await (const batch of input.batches) {
    for (const row of batch) {
      const group = groupOf(row.pool);
      total.count += 1;
      group.count += 1;
      moneyOf.forEach((yuanOf, m) => {
        const yuan = yuanOf(row) ?? 0;
        total.yuan[m] = (total.yuan[m] ?? 0) + yuan;
        group.yuan[m] = (group.yuan[m] ?? 0) + yuan;
      });
      const values = columns.map((c) => c.value(row, text));
      values[0] = total.count;
      const written = sheet.addRow(values);
      written.height = wrappedRowHeight(
        values.map((v) => (typeof v === 'string' ? v : null)),
        widths,
      );
      dataStyles.forEach((style, i) => {
        written.getCell(i + 1).style = style;
      });
      written.commit();
      group.lastRow = written.number;
    }
    await waitForReader(stream);
  }
  const last = groups.at(-1);
  if (last) closeGroup(last);
  writeLabelRow(
    sheet,
    layout,
    t('ledger.total', { count: total.count }),
    { from: total.firstRow, to: total.lastRow, yuan: total.yuan },
    TOTAL_FILL,
  );
  const footnote = sheet.addRow([t('ledger.footnote')]);
  footnote.getCell(1).style = { font: { size: 9, italic: true }, alignment: { horizontal: 'left' } };
  sheet.mergeCells(footnote.number, 1, footnote.number, columns.length);
  footnote.commit();
  sheet.commit();
  await workbook.commit();
}
