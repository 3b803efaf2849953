import { Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../i18n';

type EditDeleteActionsProps = {
  onEdit: () => void;
  onDelete: () => void;
  /** The question the delete confirmation asks, naming the record. */
  confirmTitle: string;
  editTestId?: string;
};

/** A table row's 编辑 and 删除 links, the delete behind a confirmation. */
export function EditDeleteActions({ onEdit, onDelete, confirmTitle, editTestId }: EditDeleteActionsProps) {
  const { t } = useI18n();
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit} data-testid={editTestId}>
        {t('action.edit')}
      </Button>
      <Popconfirm
        title={confirmTitle}
        okText={t('action.delete')}
        cancelText={t('action.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={onDelete}
      >
        <Button type="link" size="small" danger>
          {t('action.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
