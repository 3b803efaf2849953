import { Alert, App, Button, Card, Empty, Flex, Grid, Popconfirm, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { describeError, useShowError } from '../../../lib/use-show-error';
import type { UnboundMilestone } from '../api/plan-templates-api';
import { useBindMilestone, useUnboundMilestones } from '../hooks/use-plan-templates';

/**
 * The office's report of plan milestones left unbound although their name binds them (施工许可 ↔ 建筑工程施工许可证),
 * because the project's approval item says another day than the plan. Each links to its project; 按审批事项绑定 binds
 * the milestone, which then takes the approval item's date.
 */
export function UnboundMilestones() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = Grid.useBreakpoint().md === false;
  const list = useUnboundMilestones();
  const bind = useBindMilestone();
  const date = (value: string | null) => value ?? t('templates.notReached');

  const bindButton = (row: UnboundMilestone) =>
    row.bindable ? (
      <Popconfirm
        title={t('templates.bindConfirm', { milestone: row.milestoneName, type: row.approvalTypeName, date: date(row.approvalDate) })}
        okText={t('templates.bind')}
        cancelText={t('action.cancel')}
        onConfirm={() =>
          bind.mutate(row, {
            onSuccess: () => message.success(t('templates.bound', { milestone: row.milestoneName })),
            onError: (error) => showError(error),
          })
        }
      >
        <Button
          size="small"
          loading={bind.isPending && bind.variables?.milestoneId === row.milestoneId}
          data-testid={`unbound-bind-${row.milestoneId}`}
        >
          {t('templates.bind')}
        </Button>
      </Popconfirm>
    ) : null;
  const projectLink = (row: UnboundMilestone) => <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>;

  const columns: ColumnsType<UnboundMilestone> = [
    { title: t('templates.project'), key: 'project', render: (_, row) => projectLink(row) },
    { title: t('plan.milestone'), dataIndex: 'milestoneName', width: 120 },
    { title: t('templates.approvalItem'), dataIndex: 'approvalTypeName', width: 200 },
    { title: t('templates.planDate'), key: 'planDate', width: 130, render: (_, row) => date(row.planDate) },
    { title: t('templates.approvalDate'), key: 'approvalDate', width: 130, render: (_, row) => date(row.approvalDate) },
    { title: t('common.actions'), key: 'bind', width: 150, render: (_, row) => bindButton(row) },
  ];

  return (
    <Flex vertical gap={12} data-testid="unbound-milestones">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('templates.unboundIntro')}
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} />}
      {phone ? (
        list.data && list.data.length === 0 ? (
          <Empty description={t('templates.unboundNone')} />
        ) : (
          (list.data ?? []).map((row) => (
            <Card key={row.milestoneId} size="small" title={projectLink(row)} data-testid="unbound-card">
              <Flex vertical gap={4}>
                <Typography.Text>
                  {row.milestoneName} · {row.approvalTypeName}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('templates.planDate')}：{date(row.planDate)}　{t('templates.approvalDate')}：{date(row.approvalDate)}
                </Typography.Text>
                <div>{bindButton(row)}</div>
              </Flex>
            </Card>
          ))
        )
      ) : (
        <Table<UnboundMilestone>
          rowKey="milestoneId"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('templates.unboundNone') }}
        />
      )}
    </Flex>
  );
}
