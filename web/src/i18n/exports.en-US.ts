import type { exportsZhCN } from './exports.zh-CN';

/** English for every key of exports.zh-CN.ts; a missing or extra key is a compile error. */
export const exportsEnUS: Record<keyof typeof exportsZhCN, string> = {
  'export.menu': 'Export',
  'export.list': 'Export list',
  'export.listHint': 'The current filters, in columns the import reads back',
  'export.ledger': 'Export ledger',
  'export.ledgerHint': "The year's progress ledger for the current filters (A3 landscape)",
  'export.summary': 'Summary (Word)',
  'export.done': 'Downloaded: {name}',
};
