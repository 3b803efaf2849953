import { App, Button, Card, Empty, Flex, Form, Grid, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { FormModal } from '../../../ui/FormModal';
import type { PeriodList, ReportingPeriod } from '../api/reports-api';
import { useClosePeriod, useReopenPeriod } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';

/**
 * The year's periods, newest first, with how many owed reports stand where; 未报送, closing and reopening (with a
 * reason) from each row. On a phone each period is a card, its counts wrapping, so nothing needs scrolling sideways.
 */
export function PeriodTable({ list, loading }: { list: PeriodList | undefined; loading: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const close = useClosePeriod();
  const reopen = useReopenPeriod();
  const [reopening, setReopening] = useState<ReportingPeriod | null>(null);
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const phone = Grid.useBreakpoint().md === false;
  const count = (n: number, colour?: string) => (n > 0 && colour ? <Tag color={colour}>{n}</Tag> : n);
  // A city or province reader's list holds several districts' periods of a month: each says whose it is.
  const severalDistricts = new Set((list?.items ?? []).map((p) => p.regionCode)).size > 1;

  const actions = (p: ReportingPeriod) => (
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
      {p.abilities.reopen && (
        <Button type="link" size="small" onClick={() => setReopening(p)} data-testid={`period-reopen-${p.period}`}>
          {t('period.reopen')}
        </Button>
      )}
    </Space>
  );

  // Reopening a closed month lets its units report late; the reason is kept in the audit log.
  const reopenModal = (
    <FormModal<{ reason: string }, ReportingPeriod>
      target={reopening}
      title={reopening ? t('period.reopenTitle', { month: periodLabel(t, reopening.period) }) : ''}
      okText={t('period.reopen')}
      okTestId="period-reopen-confirm"
      testId="period-reopen-form"
      form={reopenForm}
      onValuesChange={() => reopenForm.setFields([{ name: 'reason', errors: [] }])}
      onClose={() => setReopening(null)}
      onSubmit={async (values, target) => {
        await reopen.mutateAsync({ id: target.id, version: target.version, reason: values.reason ?? '' });
        message.success(t('period.reopened'));
      }}
    >
      <Typography.Paragraph type="secondary">{t('period.reopenHint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('period.reopenReason')}>
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="period-reopen-reason" />
      </Form.Item>
    </FormModal>
  );
  const withModal = (content: ReactNode) => (
    <>
      {content}
      {reopenModal}
    </>
  );

  const districtColumn: ColumnsType<ReportingPeriod> = severalDistricts
    ? [
        {
          title: t('period.district'),
          dataIndex: 'regionName',
          render: (name: string) => <span data-testid="period-district">{name}</span>,
        },
      ]
    : [];
  const columns: ColumnsType<ReportingPeriod> = [
    ...districtColumn,
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
      render: (_, p) => missingLink(p),
    },
    { title: t('period.late'), key: 'late', align: 'right', render: (_, p) => count(p.counts.late, 'warning') },
    { title: t('common.actions'), key: 'actions', render: (_, p) => actions(p) },
  ];

  const missingLink = (p: ReportingPeriod) =>
    p.counts.missing > 0 ? (
      <Link to={`/reporting-periods/${p.id}/missing`} data-testid={`period-missing-${p.period}`}>
        {p.counts.missing}
      </Link>
    ) : (
      0
    );

  if (phone) {
    const items = list?.items ?? [];
    return withModal(
      <Flex vertical gap={8} data-testid="period-table">
        {items.length === 0 && !loading && <Empty description={t('period.none')} />}
        {items.map((p) => (
          <Card key={p.id} size="small">
            <Flex justify="space-between" align="center" gap={8}>
              <Link to={`/reporting-periods/${p.id}`} data-testid={`period-${p.period}`} style={{ fontWeight: 600 }}>
                {severalDistricts ? `${p.regionName} · ` : ''}
                {periodLabel(t, p.period)}
              </Link>
              <Tag color={p.status === 'open' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
                {t(`periodStatus.${p.status}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('period.deadline')} {p.deadline}
            </Typography.Text>
            <Flex wrap gap="4px 16px" style={{ marginBlock: 8, fontSize: 13 }}>
              <span>
                {t('period.owed')} {p.counts.owed}
              </span>
              <span>
                {t('period.submitted')} {count(p.counts.submitted, 'processing')}
              </span>
              <span>
                {t('period.approved')} {p.counts.approved}
              </span>
              <span>
                {t('period.returned')} {count(p.counts.returned, 'error')}
              </span>
              <span>
                {t('period.missing')} {missingLink(p)}
              </span>
              <span>
                {t('period.late')} {count(p.counts.late, 'warning')}
              </span>
            </Flex>
            <Flex justify="end">{actions(p)}</Flex>
          </Card>
        ))}
      </Flex>,
    );
  }

  return withModal(
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
    />,
  );
}
