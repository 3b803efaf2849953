import { Button, Grid, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { CommitmentKind } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import type { Commitment } from '../api/targets-api';
import { formatTarget } from './format';

type Props = {
  kind: CommitmentKind;
  items: Commitment[];
  loading: boolean;
  onEnter: (c: Commitment) => void;
  onDone: (c: Commitment, done: boolean) => void;
  onRaise: (c: Commitment) => void;
};

/** Pledges or 民生实事: the task, its unit, target, deadline, latest progress, done or late, and the actions the reader may take. */
export function CommitmentsTable({ kind, items, loading, onEnter, onDone, onRaise }: Props) {
  const { t, locale } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const status = (c: Commitment) =>
    c.done ? (
      <Tag color="success">{t('commitment.done')}</Tag>
    ) : c.late ? (
      <Tag color="error">{t('commitment.late')}</Tag>
    ) : (
      <Tag color="processing">{t('commitment.inProgress')}</Tag>
    );
  const progress = (c: Commitment) =>
    c.latestValue === null ? (
      <Typography.Text type="secondary">{t('commitment.none')}</Typography.Text>
    ) : (
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <span>
          {c.latestValue}
          {t(`targetMeasure.${c.measure}`)}（{t('target.monthLabel', { month: c.latestMonth ?? 0 })}）
        </span>
        <Progress percent={Math.round((c.completionRate ?? 0) * 1000) / 10} size="small" style={{ marginBottom: 0 }} />
      </Space>
    );
  const actions = (c: Commitment) => (
    <Space size={0} wrap>
      {c.abilities.enter && (
        <Button type="link" size="small" onClick={() => onEnter(c)} data-testid={`commitment-enter-${c.title}`}>
          {t('commitment.enter')}
        </Button>
      )}
      {c.abilities.markDone && (
        <Button type="link" size="small" onClick={() => onDone(c, !c.done)}>
          {c.done ? t('commitment.markUndone') : t('commitment.markDone')}
        </Button>
      )}
      {c.abilities.raiseMatter && (
        <Button type="link" size="small" danger onClick={() => onRaise(c)}>
          {t('commitment.raiseMatter')}
        </Button>
      )}
      {c.matterId && <Link to={`/matters/${c.matterId}`}>{t('commitment.matterRaised')}</Link>}
    </Space>
  );
  const unitTitle = kind === 'livelihood' ? t('commitment.leadUnit') : t('commitment.unit');
  const columns: ColumnsType<Commitment> = phone
    ? [
        {
          title: t('commitment.title'),
          key: 'card',
          render: (_, c) => (
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{c.title}</Typography.Text>
                {status(c)}
              </Space>
              {c.publicWording && <Typography.Text type="secondary">{c.publicWording}</Typography.Text>}
              <Typography.Text>
                {t('commitment.target')}：{formatTarget(t, locale, { targetValue: c.targetValue, measure: c.measure })} ·{' '}
                {t('commitment.deadline')}：{c.deadline}
              </Typography.Text>
              {progress(c)}
              <Typography.Text type="secondary">{c.unitName}</Typography.Text>
              {actions(c)}
            </Space>
          ),
        },
      ]
    : [
        {
          title: t('commitment.title'),
          key: 'title',
          render: (_, c) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{c.title}</Typography.Text>
              {c.publicWording && <Typography.Text type="secondary">{c.publicWording}</Typography.Text>}
            </Space>
          ),
        },
        { title: unitTitle, dataIndex: 'unitName', width: 170, ellipsis: true },
        {
          title: t('commitment.target'),
          key: 'target',
          width: 120,
          render: (_, c) => formatTarget(t, locale, { targetValue: c.targetValue, measure: c.measure }),
        },
        { title: t('commitment.deadline'), dataIndex: 'deadline', width: 110 },
        { title: t('commitment.progress'), key: 'progress', width: 200, render: (_, c) => progress(c) },
        { title: t('commitment.status'), key: 'status', width: 100, render: (_, c) => status(c) },
        { title: t('common.actions'), key: 'actions', width: 200, render: (_, c) => actions(c) },
      ];
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={phone ? undefined : { x: 1000 }}
      data-testid="commitments-table"
    />
  );
}
