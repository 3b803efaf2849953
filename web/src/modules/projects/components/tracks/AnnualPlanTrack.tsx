import { App, Button, Descriptions, Flex, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { todayInChina } from '../../../../../../common/domain/dates';
import { describeTimeProgress } from '../../../../../../common/domain/time-progress';
import { useI18n } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import { useShowError } from '../../../../lib/use-show-error';
import type { AnnualPlan } from '../../api/tracks-api';
import { useAnnualPlans, useFreezeAnnualPlan, useTimeProgress } from '../../hooks/use-tracks';
import { formatWan } from '../../../../../../common/domain/money';
import { Money } from '../ProjectTags';
import { AnnualPlanModal, type AnnualPlanTarget } from './AnnualPlanModal';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

/** 年度计划: the year's planned investment by month, its versions (baseline, adjustments) and progress against time. */
export function AnnualPlanTrack({ projectId }: { projectId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const plans = useAnnualPlans(projectId, year);
  const progress = useTimeProgress(projectId, year);
  const freeze = useFreezeAnnualPlan(projectId);
  const [target, setTarget] = useState<AnnualPlanTarget | null>(null);
  const current = plans.data?.current ?? null;
  const baseline = plans.data?.baseline ?? null;
  // The server knows the pool (only advancing and implementing projects get an annual plan) and the data scope.
  const canPlan = plans.data?.abilities.save === true;
  const canFreeze = plans.data?.abilities.freeze === true;

  const versionLabel = (plan: AnnualPlan) => t('annual.versionNo', { no: plan.versionNo });
  const monthRows = [
    current && { key: 'current', label: t('annual.current'), plan: current },
    baseline && baseline.id !== current?.id && { key: 'baseline', label: t('annual.baseline'), plan: baseline },
  ].filter((row): row is { key: string; label: string; plan: AnnualPlan } => Boolean(row));
  const monthColumns: ColumnsType<(typeof monthRows)[number]> = [
    { title: '', dataIndex: 'label', fixed: 'left' },
    ...MONTHS.map((i) => ({
      title: t('annual.month', { month: i + 1 }),
      key: `m${i}`,
      align: 'right' as const,
      render: (_: unknown, row: (typeof monthRows)[number]) => formatWan(row.plan.monthlyYuan[i] ?? 0),
    })),
  ];
  const versionColumns: ColumnsType<AnnualPlan> = [
    { title: t('annual.versions'), dataIndex: 'versionNo', render: (_, plan) => versionLabel(plan) },
    { title: t('annual.plannedWan'), dataIndex: 'plannedYuan', align: 'right', render: (yuan: number) => formatWan(yuan) },
    {
      title: t('annual.state'),
      key: 'state',
      render: (_, plan) =>
        plan.frozen ? (
          <Tag color="blue">{t('annual.frozenAt', { at: formatDateTime(plan.frozenAt) })}</Tag>
        ) : (
          <Tag>{t('annual.draft')}</Tag>
        ),
    },
    { title: t('annual.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
  ];

  return (
    <Flex vertical gap={16} data-testid="annual-plan">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Typography.Text>{t('annual.year')}</Typography.Text>
          <Select
            value={year}
            onChange={setYear}
            options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
            data-testid="annual-year"
          />
        </Space>
        <Space wrap>
          {canPlan && !current && (
            <Button type="primary" onClick={() => setTarget({ year, from: null })} data-testid="annual-create">
              {t('annual.create')}
            </Button>
          )}
          {canPlan && current && !current.frozen && (
            <Button onClick={() => setTarget({ year, from: current })} data-testid="annual-edit">
              {t('annual.edit')}
            </Button>
          )}
          {canFreeze && current && !current.frozen && (
            <Popconfirm
              title={t('annual.freeze')}
              description={<div style={{ maxWidth: 320 }}>{t('annual.freezeConfirm')}</div>}
              okText={t('action.confirm')}
              cancelText={t('action.cancel')}
              onConfirm={() =>
                freeze.mutate(current, { onSuccess: () => message.success(t('annual.frozenDone')), onError: (e) => showError(e) })
              }
            >
              <Button type="primary" loading={freeze.isPending} data-testid="annual-freeze">
                {t('annual.freeze')}
              </Button>
            </Popconfirm>
          )}
          {canPlan && current?.frozen && (
            <Button onClick={() => setTarget({ year, from: current })} data-testid="annual-adjust">
              {t('annual.adjust')}
            </Button>
          )}
        </Space>
      </Flex>

      {plans.isPending ? (
        <Skeleton active />
      ) : !current ? (
        <Typography.Text type="secondary">{t('annual.none', { year })}</Typography.Text>
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            items={[
              {
                key: 'current',
                label: t('annual.current'),
                children: (
                  <Space wrap>
                    <Money yuan={current.plannedYuan} strong />
                    <Tag>{versionLabel(current)}</Tag>
                    {current.frozen ? <Tag color="blue">{t('annual.frozen')}</Tag> : <Tag>{t('annual.draft')}</Tag>}
                  </Space>
                ),
              },
              { key: 'baseline', label: t('annual.baseline'), children: baseline ? <Money yuan={baseline.plannedYuan} /> : '—' },
              {
                key: 'completed',
                label: t('annual.completed'),
                children: (
                  <Space wrap>
                    <Money yuan={progress.data?.completedYuan ?? null} />
                  </Space>
                ),
              },
              {
                key: 'progress',
                label: t('annual.progress'),
                children: progress.data ? (
                  <Typography.Text strong type={progress.data.status === 'behind' ? 'danger' : undefined} data-testid="time-progress">
                    {describeTimeProgress(progress.data, locale)}
                  </Typography.Text>
                ) : (
                  '—'
                ),
              },
            ]}
          />
          <Table
            rowKey="key"
            size="small"
            columns={monthColumns}
            dataSource={monthRows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="annual-months"
          />
          {(plans.data?.items.length ?? 0) > 1 && (
            <Table<AnnualPlan>
              rowKey="id"
              size="small"
              columns={versionColumns}
              dataSource={plans.data?.items}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          )}
        </>
      )}
      <AnnualPlanModal projectId={projectId} target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
