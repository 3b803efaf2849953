import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import { EditDeleteActions } from '../../../../ui/EditDeleteActions';
import { useShowError } from '../../../../lib/use-show-error';
import type { FundingLine } from '../../api/tracks-api';
import { useDeleteFundingLine, useFundingLines } from '../../hooks/use-tracks';
import { formatWan } from '../../../../../../common/domain/money';
import { FundingLineModal, type FundingLineTarget } from './FundingLineModal';

const AMOUNTS = ['plannedYuan', 'appliedYuan', 'approvedYuan', 'receivedYuan'] as const;
const AMOUNT_LABELS = {
  plannedYuan: 'funding.planned',
  appliedYuan: 'funding.applied',
  approvedYuan: 'funding.approved',
  receivedYuan: 'funding.received',
} as const;

/** 融资: the funding plan by source, amounts applied / approved / received in 万元, with a totals row. */
export function FundingTrack({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const lines = useFundingLines(projectId);
  const remove = useDeleteFundingLine(projectId);
  const [target, setTarget] = useState<FundingLineTarget | null>(null);
  const items = lines.data?.items ?? [];
  const editable = lines.data?.abilities.create === true;

  const columns: ColumnsType<FundingLine> = [
    { title: t('funding.source'), dataIndex: 'sourceName' },
    ...AMOUNTS.map((field) => ({
      title: t(AMOUNT_LABELS[field]),
      dataIndex: field,
      align: 'right' as const,
      render: (yuan: number) => formatWan(yuan),
    })),
    { title: t('funding.note'), dataIndex: 'note', responsive: ['lg'], render: (note: string | null) => note ?? '' },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, line: FundingLine) => (
              <EditDeleteActions
                onEdit={() => setTarget({ mode: 'edit', line })}
                onDelete={() =>
                  remove.mutate(line.id, { onSuccess: () => message.success(t('common.deleted')), onError: (e) => showError(e) })
                }
                confirmTitle={t('funding.deleteConfirm', { name: line.sourceName })}
                editTestId={`funding-edit-${line.sourceCode}`}
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
            onClick={() => setTarget({ mode: 'create', usedSources: items.map((l) => l.sourceCode) })}
            data-testid="funding-add"
          >
            {t('funding.add')}
          </Button>
        </Flex>
      )}
      <Table<FundingLine>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={lines.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('funding.empty') }}
        data-testid="funding-table"
        summary={() =>
          items.length > 0 && lines.data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('funding.total')}</Typography.Text>
              </Table.Summary.Cell>
              {AMOUNTS.map((field, i) => (
                <Table.Summary.Cell key={field} index={i + 1} align="right">
                  <Typography.Text strong data-testid={`funding-total-${field}`}>
                    {formatWan(lines.data.totals[field])}
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={5} colSpan={editable ? 2 : 1} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <FundingLineModal projectId={projectId} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
