import type { CellValue } from 'exceljs';
import type { Locale } from '../../../../common/locale';
import { safeCellText } from '../safe-text';
import { WAN_FORMAT } from '../workbook';
import type { AreaUnit } from '../../../../common/domain/area';
import { cellText, isEmptyCell, readArea, readDate, readNumber, readText, readWan, splitList, writeDate, writeWan } from './cells';
import type { CellContext, Column, ListKind, Lookups, Parsed } from './types';

// The builders every table's columns are made of, so a kind of cell is read and written one way everywhere.

type Header = Record<Locale, string>;
type Options = { width?: number; required?: boolean; synonyms?: readonly string[] };
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A column from a cell reader: an empty cell is a problem when the column is required, else `blank`
 * (null clears a field that may be empty, [] a list; undefined leaves a field that may not be empty as it is).
 */
function column<Key extends string, Value>(
  key: Key,
  header: Header,
  options: Options & {
    list?: ListKind;
    numFmt?: string;
    blank: Value | undefined;
    reads?: Column<Key, Value>['reads'];
    areaUnit?: AreaUnit;
  },
  read: (cell: CellValue, lookups: Lookups, context: CellContext) => Parsed<Value>,
  write: (value: NonNullable<Value>, lookups: Lookups) => CellValue,
): Column<Key, Value> {
  const { width = 14, required = false, list, numFmt, blank, synonyms, reads, areaUnit } = options;
  return {
    key,
    header,
    width,
    required,
    ...(list ? { list } : {}),
    ...(numFmt ? { numFmt } : {}),
    ...(synonyms ? { synonyms } : {}),
    ...(reads ? { reads } : {}),
    ...(areaUnit ? { areaUnit } : {}),
    parse(cell, lookups, context = {}): Parsed<Value> {
      if (!isEmptyCell(cell)) return read(cell, lookups, context);
      return required ? { ok: false, problem: { code: 'import.required' } } : { ok: true, value: blank };
    },
    format: (value, lookups) => (value === null || value === undefined ? null : write(value as NonNullable<Value>, lookups)),
  };
}

/** Free text; its length is judged by the field's zod rule. */
export const textColumn = <Key extends string>(key: Key, header: Header, options: Options = {}) =>
  column<Key, string | null>(key, header, { ...options, blank: null }, readText, safeCellText);

/** A plain number (亩, m², 套, degrees). */
export const numberColumn = <Key extends string>(key: Key, header: Header, options: Options = {}) =>
  column<Key, number | null>(key, header, { ...options, blank: null }, readNumber, (value) => value);

/**
 * An area kept in `unit` (亩 or 平方米, two decimals): a number in the header's unit (用地面积（平方米）) or the
 * column's, or text with its own (100亩, 1.2万平方米), converted exactly.
 */
export const areaColumn = <Key extends string>(key: Key, header: Header, unit: AreaUnit, options: Options = {}) =>
  column<Key, number | null>(
    key,
    header,
    { ...options, blank: null, reads: 'area', areaUnit: unit },
    (cell, _lookups, context) => readArea(cell, unit, context),
    (value) => value,
  );

/** Money entered and shown in 万元 (two decimals), stored as whole 元. */
export const moneyColumn = <Key extends string>(key: Key, header: Header, options: Options & { blank?: null | undefined } = {}) =>
  column<Key, number | null>(
    key,
    header,
    { blank: null, ...options, numFmt: WAN_FORMAT, reads: 'money' },
    (cell, _lookups, context) => readWan(cell, context),
    writeWan,
  );

/**
 * A calendar date. A month written alone (2024年3月, 2024.3, 2024-03) means its first day, or its last day for a
 * column with `monthEnd` (completion dates: 计划竣工 2024年12月 is done by 31 December).
 */
export const dateColumn = <Key extends string>(key: Key, header: Header, options: Options & { monthEnd?: boolean } = {}) =>
  column<Key, string | null>(
    key,
    header,
    { ...options, blank: null, numFmt: DATE_FORMAT, reads: 'date' },
    (cell) => readDate(cell, options.monthEnd ? 'last' : 'first'),
    writeDate,
  );

/** One item of a list, written by its name and stored by its code; `blank` says what an empty cell means. */
export const listColumn = <Key extends string, Code extends string = string>(
  key: Key,
  header: Header,
  list: ListKind,
  options: Options & { blank?: null | undefined } = {},
) =>
  column<Key, Code | null>(
    key,
    header,
    { blank: null, ...options, list },
    (cell, lookups) => {
      const found = lookups.find(list, cellText(cell));
      return 'problem' in found ? { ok: false, problem: found.problem } : { ok: true, value: found.code as Code };
    },
    (code, lookups) => safeCellText(lookups.name(list, code)),
  );

const readFlag = (cell: CellValue, lookups: Lookups): Parsed<boolean> => {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const found = lookups.find('yes_no', cellText(cell));
  return 'problem' in found ? { ok: false, problem: found.problem } : { ok: true, value: found.code === 'yes' };
};
const writeFlag = (value: boolean, lookups: Lookups) => lookups.name('yes_no', value ? 'yes' : 'no');

/** 是 / 否, stored as a boolean; an empty cell leaves the flag as it is. */
export const flagColumn = <Key extends string>(key: Key, header: Header, options: Options = {}) =>
  column<Key, boolean>(key, header, { ...options, blank: undefined, list: 'yes_no' }, readFlag, writeFlag);

/** 是 / 否 a row may leave unsaid: an empty cell is "not stated" (null), written back as an empty cell. */
export const statedFlagColumn = <Key extends string>(key: Key, header: Header, options: Options = {}) =>
  column<Key, boolean | null>(key, header, { ...options, blank: null, list: 'yes_no' }, readFlag, writeFlag);

/**
 * Several items of a list in one cell (separated by 、 or commas), stored by their codes; empty = none. The template
 * offers the list as a drop-down (its warning lets a person type several) unless it names the column multi-valued.
 */
export const listsColumn = <Key extends string>(key: Key, header: Header, list: ListKind, options: Options = {}) =>
  column<Key, string[]>(
    key,
    header,
    { ...options, blank: [], list },
    (cell, lookups) => {
      const codes: string[] = [];
      for (const name of splitList(cellText(cell))) {
        const found = lookups.find(list, name);
        if ('problem' in found) return { ok: false, problem: found.problem };
        codes.push(found.code);
      }
      return { ok: true, value: codes };
    },
    (codes, lookups) => safeCellText(codes.map((code) => lookups.name(list, code)).join('、')),
  );

/** Several free names in one cell (separated by 、 or commas); empty = none. */
export const namesColumn = <Key extends string>(key: Key, header: Header, options: Options = {}) =>
  column<Key, string[]>(
    key,
    header,
    { ...options, blank: [] },
    (cell) => ({ ok: true, value: splitList(cellText(cell)) }),
    (names) => safeCellText(names.join('、')),
  );
