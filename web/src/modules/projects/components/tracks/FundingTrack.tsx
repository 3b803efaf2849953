import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatWan } from '../../../../../../common/domain/money';
import { useI18n } from '../../../../i18n';
import type { FundingLine } from '../../api/tracks-api';
import { useDeleteFundingLine, useFundingLines } from '../../hooks/use-tracks';
import { FundingLineModal, type FundingLineTarget } from './FundingLineModal';
import { TrackTable } from './TrackTable';

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
  ];

  return (
    <>
      <TrackTable<FundingLine>
        testId="funding"
        rows={items}
        loading={lines.isPending}
        editable={editable}
        columns={columns}
        emptyText={t('funding.empty')}
        addLabel={t('funding.add')}
        onAdd={() => setTarget({ mode: 'create', usedSources: items.map((l) => l.sourceCode) })}
        onEdit={(line) => setTarget({ mode: 'edit', line })}
        onDelete={(line) => remove.mutateAsync(line.id)}
        deleteConfirm={(line) => t('funding.deleteConfirm', { name: line.sourceName })}
        rowKey={(line) => line.sourceCode}
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
