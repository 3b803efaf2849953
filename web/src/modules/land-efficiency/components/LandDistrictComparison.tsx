import { Alert, Card, Empty, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { LAND_CLASSES } from '../../../../../common/domain/land-efficiency';
import { useI18n } from '../../../i18n';
import type { LandByDistrict, LandByDistrictRow, LandClass } from '../api/land-efficiency-api';
import { useLandByDistrict } from '../hooks/use-land-efficiency';
import { LAND_CLASS_COLOURS } from './LandClassTag';

type Sums = LandByDistrict['total'];
const two = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const percent = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(1)}%` : '—');
/** A column title with its unit on a second, smaller line, so the table fits at 1440 px. */
const twoLines = (title: string, unit: string) => (
  <>
    {title}
    <div style={{ fontWeight: 'normal', fontSize: 12 }}>{unit}</div>
  </>
);
const graded = (s: Sums) => LAND_CLASSES.reduce((n, c) => n + s.counts[c], 0);

type Props = {
  year: number;
  /** Opens a district's own view (`?region=`). */
  onOpen: (regionCode: string) => void;
};

/**
 * 区县对比: a city's (or province's) districts side by side for the year — the count and share per class by each
 * district's own thresholds (shown), those not entered, land and per-亩 figures as Σ ÷ Σ, and the total. A district
 * with nothing entered says so instead of showing zeros. A table at 1440 px, cards on a phone; a district opens its view.
 */
export function LandDistrictComparison({ year, onOpen }: Props) {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const query = useLandByDistrict(year);
  const data = query.data;
  const totalLabel = data ? t(`land.cmp.total.${data.regionLevel}`) : '';

  // Why a row has no classes: nothing entered, or entered but the district set no thresholds.
  const blank = (s: Sums, thresholds: LandByDistrictRow['thresholds'] | 'total') =>
    s.withFigures === 0 ? t('land.cmp.notEntered') : thresholds === null ? t('land.cmp.noThresholds') : null;
  const classCell = (s: Sums, grade: LandClass) => (
    <span data-testid={`land-cmp-cell-${grade}`}>
      {t('land.cmp.classCell', { n: s.counts[grade], share: percent(s.counts[grade], graded(s)) })}
    </span>
  );
  const thresholdsText = (row: LandByDistrictRow) =>
    row.thresholds
      ? (['A', 'B', 'C'] as const).map((g) => (
          <div key={g}>
            {t('land.cmp.thresholdsShort', {
              grade: g,
              tax: two(row.thresholds?.[g].taxWanPerMu ?? null),
              output: two(row.thresholds?.[g].outputWanPerMu ?? null),
            })}
          </div>
        ))
      : t('land.cmp.noThresholdsShort');

  const classColumns: ColumnsType<LandByDistrictRow> = LAND_CLASSES.map((grade, i) => ({
    title: <Tag color={LAND_CLASS_COLOURS[grade]}>{t('land.classN', { grade })}</Tag>,
    key: grade,
    align: 'right' as const,
    onCell: (row: LandByDistrictRow) => (blank(row, row.thresholds) ? { colSpan: i === 0 ? 4 : 0, style: { textAlign: 'center' } } : {}),
    render: (_: unknown, row: LandByDistrictRow) => {
      const why = blank(row, row.thresholds);
      return why ? (
        <Typography.Text type="secondary" data-testid="land-cmp-blank">
          {why}
        </Typography.Text>
      ) : (
        classCell(row, grade)
      );
    },
  }));
  const columns: ColumnsType<LandByDistrictRow> = [
    {
      title: t('land.cmp.district'),
      dataIndex: 'regionName',
      fixed: 'left',
      render: (name: string, row) => (
        <Typography.Link onClick={() => onOpen(row.regionCode)} data-testid={`land-cmp-open-${row.regionCode}`}>
          {name}
        </Typography.Link>
      ),
    },
    ...classColumns,
    { title: t('land.cmp.withFigures'), dataIndex: 'withFigures', align: 'right' },
    { title: t('land.cmp.missing'), dataIndex: 'missing', align: 'right' },
    { title: t('land.cmp.landMu'), dataIndex: 'landMu', align: 'right', render: (v: number, row) => (row.withFigures ? two(v) : '—') },
    { title: twoLines(t('land.taxPerMu'), t('land.wanPerMu')), dataIndex: 'taxWanPerMu', align: 'right', render: two },
    { title: twoLines(t('land.outputPerMu'), t('land.wanPerMu')), dataIndex: 'outputWanPerMu', align: 'right', render: two },
    {
      title: twoLines(t('land.cmp.thresholds'), t('land.cmp.thresholdsUnit')),
      key: 'thresholds',
      render: (_, row) => <Typography.Text type="secondary">{thresholdsText(row)}</Typography.Text>,
    },
  ];

  const total = data?.total;
  const summary = () =>
    total && (
      <Table.Summary fixed>
        <Table.Summary.Row data-testid="land-cmp-total">
          <Table.Summary.Cell index={0}>
            <Typography.Text strong>{totalLabel}</Typography.Text>
          </Table.Summary.Cell>
          {total.withFigures === 0 ? (
            <Table.Summary.Cell index={1} colSpan={4} align="center">
              <Typography.Text type="secondary">{t('land.cmp.notEntered')}</Typography.Text>
            </Table.Summary.Cell>
          ) : (
            LAND_CLASSES.map((grade, i) => (
              <Table.Summary.Cell key={grade} index={i + 1} align="right">
                <Typography.Text strong>{classCell(total, grade)}</Typography.Text>
              </Table.Summary.Cell>
            ))
          )}
          <Table.Summary.Cell index={5} align="right">
            {total.withFigures}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">
            {total.missing}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={7} align="right">
            {total.withFigures ? two(total.landMu) : '—'}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={8} align="right">
            <Typography.Text strong>{two(total.taxWanPerMu)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={9} align="right">
            <Typography.Text strong>{two(total.outputWanPerMu)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={10}>
            <Typography.Text type="secondary">—</Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      </Table.Summary>
    );

  // On a phone: a card per district, then the total's card.
  const card = (
    key: string,
    title: React.ReactNode,
    s: Sums,
    thresholds: LandByDistrictRow['thresholds'] | 'total',
    row?: LandByDistrictRow,
  ) => {
    const why = blank(s, thresholds);
    return (
      <Card key={key} size="small" title={title} data-testid={row ? `land-cmp-card-${row.regionCode}` : 'land-cmp-total'}>
        {why ? (
          <Typography.Text type="secondary" data-testid="land-cmp-blank">
            {why}
          </Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {LAND_CLASSES.map((grade) => (
              <Tag key={grade} color={LAND_CLASS_COLOURS[grade]}>
                {grade} {classCell(s, grade)}
              </Tag>
            ))}
          </Flex>
        )}
        <Space direction="vertical" size={0} style={{ marginTop: 8, width: '100%' }}>
          {s.withFigures ? (
            <>
              <Typography.Text>
                {t('land.cmp.withFigures')} {s.withFigures} · {t('land.cmp.missing')} {s.missing} · {t('land.cmp.landMu')} {two(s.landMu)}
              </Typography.Text>
              <Typography.Text>
                {t('land.taxPerMu')} {two(s.taxWanPerMu)} · {t('land.outputPerMu')} {two(s.outputWanPerMu)}（{t('land.wanPerMu')}）
              </Typography.Text>
            </>
          ) : (
            // Nothing entered: no zeros, only how many have not entered (if the register has any).
            s.missing > 0 && (
              <Typography.Text>
                {t('land.cmp.missing')} {s.missing}
              </Typography.Text>
            )
          )}
          {row && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('land.cmp.thresholds')}：
              {row.thresholds
                ? (['A', 'B', 'C'] as const)
                    .map((g) =>
                      t('land.cmp.thresholdsShort', {
                        grade: g,
                        tax: two(row.thresholds?.[g].taxWanPerMu ?? null),
                        output: two(row.thresholds?.[g].outputWanPerMu ?? null),
                      }),
                    )
                    .join('；')
                : t('land.cmp.noThresholdsShort')}
            </Typography.Text>
          )}
          {thresholds === 'total' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('land.cmp.totalNote', { total: totalLabel })}
            </Typography.Text>
          )}
        </Space>
      </Card>
    );
  };

  return (
    <div data-testid="land-comparison">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('land.cmp.title', { year })}
      </Typography.Title>
      <Alert type="info" showIcon message={t('land.cmp.note')} style={{ marginBottom: 12 }} />
      {data && data.items.length === 0 ? (
        <Empty description={t('land.cmp.empty')} />
      ) : phone ? (
        <Flex vertical gap={8}>
          {data?.items.map((row) =>
            card(
              row.regionCode,
              <Typography.Link onClick={() => onOpen(row.regionCode)} data-testid={`land-cmp-open-${row.regionCode}`}>
                {row.regionName}
              </Typography.Link>,
              row,
              row.thresholds,
              row,
            ),
          )}
          {total && card('total', totalLabel, total, 'total')}
        </Flex>
      ) : (
        <Table<LandByDistrictRow>
          rowKey="regionCode"
          size="small"
          bordered
          loading={query.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          summary={summary}
          onRow={(row) => ({ 'data-testid': `land-cmp-row-${row.regionCode}` }) as React.HTMLAttributes<HTMLElement>}
          data-testid="land-cmp-table"
          footer={() => <Typography.Text type="secondary">{t('land.cmp.totalNote', { total: totalLabel })}</Typography.Text>}
        />
      )}
    </div>
  );
}
