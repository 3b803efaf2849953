import { Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router';
import type { WarningColour } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { DEFAULT_PAGE_SIZE } from '../../../lib/list';
import type { ProjectListParams } from '../../projects/api/projects-api';
import { searchFromParams } from '../../projects/utils/list-params';
import type { WarningSummary, WarningSummaryBy } from '../api/warnings-api';

type Group = WarningSummary['groups'][number];
type Counts = WarningSummary['totals'];

const COLOURS: WarningColour[] = ['red', 'yellow', 'green'];
// The counts in the lights' own colours (Ant Design's red, gold and green), so a glance finds the reds.
const TEXT_COLOURS: Record<WarningColour, string> = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };

/** The project list's filter for one group: a group without a key (no street, no category) has none to link to. */
function groupFilter(by: WarningSummaryBy, key: string | null): Partial<ProjectListParams> | null {
  if (key === null) return null;
  switch (by) {
    case 'unit':
      return { leadUnitId: [key] };
    case 'category':
      return { categoryCode: [key] };
    case 'street':
      return { streetCode: [key] };
    case 'leader':
      return { leaderId: key };
  }
}

/** The address of the project list filtered by the group (all when `filter` is {}) and, when given, the colour. */
function listLink(filter: Partial<ProjectListParams>, colour: WarningColour | null): string {
  const params: ProjectListParams = { page: 1, pageSize: DEFAULT_PAGE_SIZE, ...filter, ...(colour ? { warning: [colour] } : {}) };
  const search = searchFromParams(params).toString();
  return search ? `/projects?${search}` : '/projects';
}

/**
 * The counts of red, yellow and green projects per group with the totals; each count opens the project list filtered
 * by that colour and group. On a phone each group is a small card, its counts side by side.
 */
export function WarningSummaryTable({ summary, loading }: { summary: WarningSummary | undefined; loading: boolean }) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const by = summary?.by ?? 'unit';

  const groupName = (g: Group) => g.name ?? g.key ?? t(`warning.noGroup.${by}`);

  /** A count: a link to the filtered list when there is something to see and a filter to say it, else the bare number. */
  const count = (n: number, filter: Partial<ProjectListParams> | null, colour: WarningColour | null, group: string): ReactNode => {
    const style = colour && n > 0 ? { color: TEXT_COLOURS[colour], fontWeight: 600 } : undefined;
    if (n === 0 || filter === null) return <span style={style}>{n}</span>;
    return (
      <Link to={listLink(filter, colour)} style={style} data-testid={`warning-count-${colour ?? 'total'}`} data-group={group}>
        {n}
      </Link>
    );
  };

  const columns: ColumnsType<Group> = [
    { title: t(`warning.by.${by}`), key: 'name', render: (_, g) => groupName(g) },
    ...COLOURS.map((colour) => ({
      title: t(`warningColour.${colour}`),
      key: colour,
      align: 'right' as const,
      width: 96,
      render: (_: unknown, g: Group) => count(g[colour], groupFilter(by, g.key), colour, g.key ?? ''),
    })),
    {
      title: t('warning.notComputedShort'),
      key: 'none',
      align: 'right',
      width: 96,
      render: (_, g) => <Typography.Text type="secondary">{g.total - g.red - g.yellow - g.green}</Typography.Text>,
    },
    {
      title: t('warning.total'),
      key: 'total',
      align: 'right',
      width: 96,
      render: (_, g) => count(g.total, groupFilter(by, g.key), null, g.key ?? ''),
    },
  ];

  const totalsCells = (totals: Counts) => (
    <Table.Summary fixed>
      <Table.Summary.Row data-testid="warning-totals">
        <Table.Summary.Cell index={0}>
          <Typography.Text strong>{t('warning.totals')}</Typography.Text>
        </Table.Summary.Cell>
        {COLOURS.map((colour, i) => (
          <Table.Summary.Cell key={colour} index={i + 1} align="right">
            {count(totals[colour], {}, colour, '*')}
          </Table.Summary.Cell>
        ))}
        <Table.Summary.Cell index={4} align="right">
          <Typography.Text type="secondary">{totals.total - totals.red - totals.yellow - totals.green}</Typography.Text>
        </Table.Summary.Cell>
        <Table.Summary.Cell index={5} align="right">
          {count(totals.total, {}, null, '*')}
        </Table.Summary.Cell>
      </Table.Summary.Row>
    </Table.Summary>
  );

  if (phone) {
    if (!summary) return loading ? <Card loading /> : <Empty />;
    const line = (label: ReactNode, counts: Counts, filter: Partial<ProjectListParams> | null, group: string, testId: string) => (
      <Card size="small" key={group} data-testid={testId} data-group={group}>
        <Typography.Text strong>{label}</Typography.Text>
        <Flex gap={16} wrap style={{ marginTop: 4 }}>
          {COLOURS.map((colour) => (
            <span key={colour}>
              {t(`warningColour.${colour}`)} {count(counts[colour], filter, colour, group)}
            </span>
          ))}
          <span>
            {t('warning.total')} {count(counts.total, filter, null, group)}
          </span>
        </Flex>
      </Card>
    );
    return (
      <Flex vertical gap={8} data-testid="warning-summary-cards">
        {line(t('warning.totals'), summary.totals, {}, '*', 'warning-totals')}
        {summary.groups.length === 0 && <Empty />}
        {summary.groups.map((g) => line(groupName(g), g, groupFilter(by, g.key), g.key ?? '', 'warning-group'))}
      </Flex>
    );
  }

  return (
    <Table<Group>
      rowKey={(g) => g.key ?? ''}
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={summary?.groups}
      onRow={(g) => ({ 'data-testid': 'warning-group', 'data-group': g.key ?? '' }) as HTMLAttributes<HTMLTableRowElement>}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() => (summary ? totalsCells(summary.totals) : null)}
      data-testid="warning-summary-table"
    />
  );
}
