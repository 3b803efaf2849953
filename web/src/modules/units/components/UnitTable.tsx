import { Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import type { Unit } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { type Page, sortFromSorter, sortOrderOf } from '../../../lib/list';

type UnitTableProps = {
  page: Page<Unit> | undefined;
  loading: boolean;
  sort: string | undefined;
  onChange: (change: { page: number; pageSize: number; sort: string | undefined }) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
};

/** Units with their kind, region and parent; edit and delete appear only where the record allows them. */
export function UnitTable({ page, loading, sort, onChange, onEdit, onDelete }: UnitTableProps) {
  const { t } = useI18n();
  const columns: ColumnsType<Unit> = [
    { title: t('unit.name'), dataIndex: 'name', sorter: true, sortOrder: sortOrderOf(sort, 'name') },
    { title: t('unit.shortName'), dataIndex: 'shortName', responsive: ['lg'] },
    {
      title: t('unit.kind'),
      dataIndex: 'kind',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'kind'),
      render: (kind: Unit['kind']) => <Tag>{t(`unitKind.${kind}`)}</Tag>,
    },
    { title: t('unit.region'), dataIndex: 'regionName', responsive: ['md'] },
    { title: t('unit.parent'), dataIndex: 'parentName', responsive: ['md'], render: (name: string | null) => name ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, unit) => (
        <Space size={0}>
          {unit.abilities.update && (
            <Button type="link" size="small" onClick={() => onEdit(unit)} data-testid={`unit-edit-${unit.id}`}>
              {t('action.edit')}
            </Button>
          )}
          {unit.abilities.delete && (
            <Popconfirm
              title={t('unit.deleteConfirm', { name: unit.name })}
              okText={t('action.delete')}
              cancelText={t('action.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(unit)}
            >
              <Button type="link" size="small" danger data-testid={`unit-delete-${unit.id}`}>
                {t('action.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<Unit>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page?.page,
        pageSize: page?.pageSize,
        total: page?.total,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      onChange={(pagination: TablePaginationConfig, _filters, sorter: SorterResult<Unit> | SorterResult<Unit>[]) =>
        onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20, sort: sortFromSorter(sorter) })
      }
      data-testid="unit-table"
    />
  );
}
