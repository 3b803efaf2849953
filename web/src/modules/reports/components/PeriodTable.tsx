import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import type { PeriodList, ReportingPeriod } from '../api/reports-api';
import { useClosePeriod } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';

/** The year's periods, newest first, with how many owed reports stand where; 未报送 and closing from each row. */
export function PeriodTable({ list, loading }: { list: PeriodList | undefined; loading: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const close = useClosePeriod();
  const count = (n: number, colour?: string) => (n > 0 && colour ? <Tag color={colour}>{n}</Tag> : n);

  const columns: ColumnsType<ReportingPeriod> = [
    {
      title: t('period.month'),
      dataIndex: 'period',
      render: (_, p) => (
        <Link to={`/reporting-periods/${p.id}`} data-testid={`period-${p.period}`}>
          {periodLabel(t, p.period)}
        </Link>
      ),
    },
    { title: t('period.deadline'), dataIndex: 'deadline' },
    {
      title: t('period.status'),
      dataIndex: 'status',
      render: (_, p) => <Tag color={p.status === 'open' ? 'processing' : 'default'}>{t(`periodStatus.${p.status}`)}</Tag>,
    },
    { title: t('period.owed'), key: 'owed', align: 'right', render: (_, p) => p.counts.owed },
    { title: t('period.submitted'), key: 'submitted', align: 'right', render: (_, p) => count(p.counts.submitted, 'processing') },
    { title: t('period.approved'), key: 'approved', align: 'right', render: (_, p) => p.counts.approved },
    { title: t('period.returned'), key: 'returned', align: 'right', render: (_, p) => count(p.counts.returned, 'error') },
    {
      title: t('period.missing'),
      key: 'missing',
      align: 'right',
      render: (_, p) =>
        p.counts.missing > 0 ? (
          <Link to={`/reporting-periods/${p.id}/missing`} data-testid={`period-missing-${p.period}`}>
            {p.counts.missing}
          </Link>
        ) : (
          0
        ),
    },
    { title: t('period.late'), key: 'late', align: 'right', render: (_, p) => count(p.counts.late, 'warning') },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0}>
          <Link to={`/reporting-periods/${p.id}`}>
            <Button type="link" size="small">
              {t('period.view')}
            </Button>
          </Link>
          {p.abilities.close && (
            <Popconfirm
              title={t('period.closeConfirm')}
              okText={t('period.close')}
              cancelText={t('action.cancel')}
              onConfirm={() =>
                close
                  .mutateAsync({ id: p.id, version: p.version })
                  .then(() => message.success(t('period.closed')))
                  .catch((error) => showError(error))
              }
            >
              <Button type="link" size="small" danger data-testid={`period-close-${p.period}`}>
                {t('period.close')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<ReportingPeriod>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list?.items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('period.none') }}
      data-testid="period-table"
    />
  );
}
