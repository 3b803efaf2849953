import { Alert, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { formatWan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { chinaToday } from '../../../lib/china-today';
import { EditDeleteActions } from '../../../ui/EditDeleteActions';
import type { LandFigures } from '../api/land-efficiency-api';
import { useEnterpriseLandYears, useRemoveLandYear } from '../hooks/use-land-efficiency';
import { LandClassTag } from './LandClassTag';
import { LandYearModal, type LandYearTarget } from './LandYearModal';

const two = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** The enterprise page's 亩均效益: its years with per-亩 values and class; adding and correcting a year for keepers. */
export function EnterpriseLandCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const years = useEnterpriseLandYears(enterpriseId);
  const remove = useRemoveLandYear(enterpriseId);
  const [target, setTarget] = useState<LandYearTarget | null>(null);
  const data = years.data;
  if (!data || (data.notApplicable && data.items.length === 0)) return null;
  const manage = data.abilities.manage === true && !data.notApplicable;
  const taken = data.items.map((y) => y.year);
  const lastYear = chinaToday().year() - 1;
  // The class and the per-亩 values first, so a phone shows them without scrolling; the totals after.
  const columns: ColumnsType<LandFigures> = [
    { title: t('land.year'), dataIndex: 'year', width: 64 },
    { title: t('land.class'), dataIndex: 'landClass', render: (_, row) => <LandClassTag grade={row.landClass} year={row.year} /> },
    { title: `${t('land.taxPerMu')}（${t('land.wanPerMu')}）`, dataIndex: 'taxWanPerMu', align: 'right', render: two },
    { title: `${t('land.outputPerMu')}（${t('land.wanPerMu')}）`, dataIndex: 'outputWanPerMu', align: 'right', render: two },
    { title: `${t('land.outputPerTce')}（${t('land.wanPerTce')}）`, dataIndex: 'outputWanPerTce', align: 'right', render: two },
    { title: `${t('land.landMu')}（${t('land.mu')}）`, dataIndex: 'landMu', align: 'right', render: two },
    { title: `${t('land.tax')}（${t('money.wan')}）`, dataIndex: 'taxYuan', align: 'right', render: (v: number) => formatWan(v) },
    { title: `${t('land.output')}（${t('money.wan')}）`, dataIndex: 'outputYuan', align: 'right', render: (v: number) => formatWan(v) },
  ];
  if (manage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      // Pinned, so editing a year never needs a sideways scroll at 1440 px.
      fixed: 'right',
      render: (_, row) => (
        <EditDeleteActions
          onEdit={() => setTarget({ mode: 'edit', figures: row })}
          onDelete={() => remove.mutate(row.year)}
          confirmTitle={t('land.deleteConfirm', { year: row.year })}
          editTestId={`land-edit-${row.year}`}
        />
      ),
    });
  return (
    <Card
      title={t('land.section')}
      size="small"
      data-testid="enterprise-land"
      extra={
        manage && (
          <Button
            size="small"
            onClick={() => setTarget({ mode: 'create', year: taken.includes(lastYear) ? lastYear + 1 : lastYear, taken })}
            data-testid="land-add-year"
          >
            {t('land.addYear')}
          </Button>
        )
      }
    >
      {data.notApplicable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(data.notApplicable === 'not_local' ? 'land.notLocal' : 'land.notIndustrial')}
        />
      )}
      {data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('land.noYears')}</Typography.Text>
      ) : (
        <Table<LandFigures>
          rowKey="year"
          size="small"
          columns={columns}
          dataSource={data.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      <LandYearModal enterpriseId={enterpriseId} target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
