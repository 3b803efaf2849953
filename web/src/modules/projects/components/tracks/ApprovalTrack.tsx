import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import type { ApprovalStatus } from '../../../../lib/enums';
import { formatDate } from '../../../../lib/format';
import type { ApprovalItem } from '../../api/tracks-api';
import { useApprovalItems, useDeleteApprovalItem } from '../../hooks/use-tracks';
import { ApprovalItemModal, type ApprovalItemTarget } from './ApprovalItemModal';
import { TrackTable } from './TrackTable';

const STATUS_COLOURS: Record<ApprovalStatus, string> = {
  pending: 'default',
  in_progress: 'processing',
  done: 'success',
  not_required: 'default',
};

/** 立项: the approval items with their status, dates and document numbers. */
export function ApprovalTrack({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const list = useApprovalItems(projectId);
  const items = list.data?.items ?? [];
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
  ];

  return (
    <>
      <TrackTable<ApprovalItem>
        testId="approval"
        rows={items}
        loading={list.isPending}
        editable={list.data?.abilities.create === true}
        columns={columns}
        emptyText={t('approval.empty')}
        addLabel={t('approval.add')}
        onAdd={() => setTarget({ mode: 'create', usedTypes: items.map((i) => i.typeCode) })}
        onEdit={(item) => setTarget({ mode: 'edit', item })}
        onDelete={(item) => remove.mutateAsync(item.id)}
        deleteConfirm={(item) => t('approval.deleteConfirm', { name: item.typeName })}
        rowKey={(item) => item.typeCode}
      />
      <ApprovalItemModal projectId={projectId} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
