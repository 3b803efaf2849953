import { Button, Popconfirm, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Unit } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import type { Page, Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';
import { dropEmptyActions } from '../../../ui/action-column';

type UnitTableProps = {
  page: Page<Unit> | undefined;
  loading: boolean;
  sort: string | undefined;
  onPagingChange: (paging: Paging) => void;
  onEdit: (unit: Unit) => void;
  onDelete: (unit: Unit) => void;
};

/** Units with their kind, region and parent; edit and delete appear only where the record allows them. */
export function UnitTable({ page, loading, sort, onPagingChange, onEdit, onDelete }: UnitTableProps) {
  const { t } = useI18n();
  const columns: ColumnsType<Unit> = [
    { title: t('unit.name'), dataIndex: 'name', sorter: true },
    { title: t('unit.shortName'), dataIndex: 'shortName', responsive: ['lg'] },
    {
      title: t('unit.kind'),
      dataIndex: 'kind',
      sorter: true,
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
    <PagedTable<Unit>
      columns={dropEmptyActions(columns, page?.items ?? [], (unit) => unit.abilities.update === true || unit.abilities.delete === true)}
      page={page}
      loading={loading}
      sort={sort}
      onPagingChange={onPagingChange}
      data-testid="unit-table"
    />
  );
}
