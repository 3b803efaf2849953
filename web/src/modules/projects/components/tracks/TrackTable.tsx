import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../../../i18n';
import { useShowError } from '../../../../lib/use-show-error';
import { EditDeleteActions } from '../../../../ui/EditDeleteActions';

type TrackTableProps<Row extends { id: string }> = {
  /** The prefix of the test ids: `${testId}-table`, `${testId}-add`, `${testId}-edit-${rowKey(row)}`. */
  testId: string;
  rows: Row[];
  loading: boolean;
  /** Whether the user may add, edit and delete (the list's abilities): the add button and the actions column. */
  editable: boolean;
  /** The track's own columns; the actions column is added after them. */
  columns: ColumnsType<Row>;
  emptyText: string;
  addLabel: string;
  onAdd: () => void;
  onEdit: (row: Row) => void;
  /** Deletes the row (after the confirmation); the table says 已删除 or shows the refusal. */
  onDelete: (row: Row) => Promise<unknown>;
  /** The confirmation's question, naming the row. */
  deleteConfirm: (row: Row) => string;
  /** What names the row in its edit button's test id (its type or source code). */
  rowKey: (row: Row) => string;
  summary?: TableProps<Row>['summary'];
};

/** A track's short list of records (approval items, funding lines): an add button, the rows, and each row's 编辑 / 删除. */
export function TrackTable<Row extends { id: string }>({
  testId,
  rows,
  loading,
  editable,
  columns,
  emptyText,
  addLabel,
  onAdd,
  onEdit,
  onDelete,
  deleteConfirm,
  rowKey,
  summary,
}: TrackTableProps<Row>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();

  const actions: ColumnsType<Row> = [
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, row: Row) => (
        <EditDeleteActions
          onEdit={() => onEdit(row)}
          onDelete={() => {
            // Not returned: the confirmation closes at once, as it always has, rather than wait for the answer.
            void onDelete(row).then(() => message.success(t('common.deleted')), showError);
          }}
          confirmTitle={deleteConfirm(row)}
          editTestId={`${testId}-edit-${rowKey(row)}`}
        />
      ),
    },
  ];

  return (
    <>
      {editable && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={onAdd} data-testid={`${testId}-add`}>
            {addLabel}
          </Button>
        </Flex>
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        columns={editable ? [...columns, ...actions] : columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText }}
        data-testid={`${testId}-table`}
        summary={summary}
      />
    </>
  );
}
