import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import { EditDeleteActions } from '../../../../ui/EditDeleteActions';
import type { ApprovalStatus } from '../../../../lib/enums';
import { formatDate } from '../../../../lib/format';
import { useShowError } from '../../../../lib/use-show-error';
import type { ApprovalItem } from '../../api/tracks-api';
import { useApprovalItems, useDeleteApprovalItem } from '../../hooks/use-tracks';
import { ApprovalItemModal, type ApprovalItemTarget } from './ApprovalItemModal';

const STATUS_COLOURS: Record<ApprovalStatus, string> = {
  pending: 'default',
  in_progress: 'processing',
  done: 'success',
  not_required: 'default',
};

/** 立项: the approval items with their status, dates and document numbers. */
export function ApprovalTrack({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const list = useApprovalItems(projectId);
  const items = list.data?.items ?? [];
  const editable = list.data?.abilities.create === true;
  const remove = useDeleteApprovalItem(projectId);
  const [target, setTarget] = useState<ApprovalItemTarget | null>(null);

  const columns: ColumnsType<ApprovalItem> = [
    { title: t('approval.type'), dataIndex: 'typeName' },
    {
      title: t('approval.status'),
      dataIndex: 'status',
      render: (status: ApprovalStatus) => <Tag color={STATUS_COLOURS[status]}>{t(`approvalStatus.${status}`)}</Tag>,
    },
    { title: t('approval.appliedOn'), dataIndex: 'appliedOn', render: formatDate },
    { title: t('approval.approvedOn'), dataIndex: 'approvedOn', render: formatDate },
    { title: t('approval.documentNumber'), dataIndex: 'documentNumber', render: (v: string | null) => v ?? '—' },
    { title: t('approval.note'), dataIndex: 'note', responsive: ['lg'], render: (v: string | null) => v ?? '' },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, item: ApprovalItem) => (
              <EditDeleteActions
                onEdit={() => setTarget({ mode: 'edit', item })}
                onDelete={() =>
                  remove.mutate(item.id, { onSuccess: () => message.success(t('common.deleted')), onError: (e) => showError(e) })
                }
                confirmTitle={t('approval.deleteConfirm', { name: item.typeName })}
                editTestId={`approval-edit-${item.typeCode}`}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {editable && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create', usedTypes: items.map((i) => i.typeCode) })}
            data-testid="approval-add"
          >
            {t('approval.add')}
          </Button>
        </Flex>
      )}
      <Table<ApprovalItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('approval.empty') }}
        data-testid="approval-table"
      />
      <ApprovalItemModal projectId={projectId} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
