import type { ColumnsType } from 'antd/es/table';

/**
 * A table's columns without its 操作 column (key `actions`) when no row on the page offers an action: a reader who
 * may not change anything sees no empty column.
 */
export function dropEmptyActions<T>(columns: ColumnsType<T>, rows: readonly T[], hasAction: (row: T) => boolean): ColumnsType<T> {
  return rows.some(hasAction) ? columns : columns.filter((column) => column.key !== 'actions');
}
