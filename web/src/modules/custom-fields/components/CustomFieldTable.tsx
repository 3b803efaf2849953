import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { customFieldLabel } from '../../../../../common/domain/custom-fields';
import { useI18n } from '../../../i18n';
import { EditDeleteActions } from '../../../ui/EditDeleteActions';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import type { CustomField } from '../api/custom-fields-api';

type CustomFieldTableProps = {
  fields: CustomField[];
  loading: boolean;
  onEdit: (field: CustomField) => void;
  onDelete: (field: CustomField) => void;
};

/** A district's custom fields in display order, with how many projects hold a value (which blocks deletion). */
export function CustomFieldTable({ fields, loading, onEdit, onDelete }: CustomFieldTableProps) {
  const { t, locale } = useI18n();
  const categories = useDictionaryOptions('project_category');
  const columns: ColumnsType<CustomField> = [
    { title: t('customField.sortOrder'), dataIndex: 'sortOrder', width: 70 },
    {
      title: t('customField.label'),
      key: 'label',
      render: (_, field) => (
        <Space size={4}>
          {customFieldLabel(field, locale)}
          {field.required && <Tag color="red">{t('customField.required')}</Tag>}
        </Space>
      ),
    },
    { title: t('customField.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
    { title: t('customField.type'), dataIndex: 'type', render: (type: CustomField['type']) => t(`customField.type.${type}`) },
    {
      title: t('customField.options'),
      dataIndex: 'options',
      render: (options: string[]) => (options.length > 0 ? options.map((o) => <Tag key={o}>{o}</Tag>) : '—'),
    },
    {
      title: t('customField.category'),
      dataIndex: 'categoryCode',
      render: (code: string | null) => (code ? categories.label(code) : t('customField.allCategories')),
    },
    { title: t('customField.projectCount'), dataIndex: 'projectCount', align: 'right', render: (n: number | null) => n ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, field) =>
        field.abilities.delete ? (
          <EditDeleteActions
            onEdit={() => onEdit(field)}
            onDelete={() => onDelete(field)}
            confirmTitle={t('customField.deleteConfirm', { label: customFieldLabel(field, locale) })}
            editTestId={`custom-field-edit-${field.key}`}
          />
        ) : (
          <Space size={0}>
            <Typography.Link onClick={() => onEdit(field)} data-testid={`custom-field-edit-${field.key}`}>
              {t('action.edit')}
            </Typography.Link>
            <Tooltip title={t('customField.inUse', { count: field.projectCount ?? 0 })}>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {t('action.delete')}
              </Typography.Text>
            </Tooltip>
          </Space>
        ),
    },
  ];
  return (
    <Table<CustomField>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={fields}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('customField.empty') }}
      data-testid="custom-field-table"
    />
  );
}
