import { Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../i18n';
import { DEFAULT_PAGE_SIZE, type Page, type Paging, sortFromSorter, sortOrderOf } from '../lib/list';

type PagedTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'pagination' | 'onChange' | 'columns'> & {
  columns: ColumnsType<T>;
  /** The list response shown: its items, page, page size and total (a lower bound when `totalCapped`). */
  page: Page<T> | undefined;
  /** The `sort` of the current query; each column with `sorter: true` shows it, by its `dataIndex`. */
  sort?: string;
  /** The page, page size and sort the user picked, to become the next query. */
  onPagingChange: (paging: Paging) => void;
};

/** Marks a sortable column with the order the query asks for, so the table shows the server's order. */
function withSortOrder<T>(column: ColumnsType<T>[number], sort: string | undefined): ColumnsType<T>[number] {
  if (!('dataIndex' in column) || column.sorter !== true || typeof column.dataIndex !== 'string') return column;
  return { ...column, sortOrder: sortOrderOf(sort, column.dataIndex) };
}

/**
 * A table over one page of a server list: the pager follows the response, and paging or sorting (a column with
 * `sorter: true` sorts by its `dataIndex`) is reported as the next page, page size and `sort`, never done locally.
 */
export function PagedTable<T extends object>({ columns, page, sort, onPagingChange, ...table }: PagedTableProps<T>) {
  const { t } = useI18n();
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      scroll={{ x: 'max-content' }}
      {...table}
      columns={columns.map((column) => withSortOrder(column, sort))}
      dataSource={page?.items}
      pagination={{
        current: page?.page,
        pageSize: page?.pageSize,
        total: page?.total,
        showSizeChanger: true,
        showTotal: (total) => t(page?.totalCapped ? 'common.totalMoreThan' : 'common.total', { total }),
      }}
      onChange={(pagination, _filters, sorter) =>
        onPagingChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE, sort: sortFromSorter(sorter) })
      }
    />
  );
}
