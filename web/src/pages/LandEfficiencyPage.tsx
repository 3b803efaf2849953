import { Button, Card, Col, DatePicker, Flex, Grid, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LAND_CLASSES } from '../../../common/domain/land-efficiency';
import { formatWan } from '../../../common/domain/money';
import { useI18n } from '../i18n';
import { chinaToday } from '../lib/china-today';
import { useAddressSearch } from '../lib/use-address-search';
import { useMe } from '../modules/auth/hooks/use-me';
import { LandDistrictComparison } from '../modules/land-efficiency/components/LandDistrictComparison';
import { LandDistrictPicker } from '../modules/land-efficiency/components/LandDistrictPicker';
import { LandSheetsMenu } from '../modules/land-efficiency/components/LandSheetsMenu';
import { seesSeveralDistricts } from '../modules/map/utils/region-choice';
import type { LandClass, LandTableRow } from '../modules/land-efficiency/api/land-efficiency-api';
import { LAND_CLASS_COLOURS, LandClassTag } from '../modules/land-efficiency/components/LandClassTag';
import { ThresholdsModal, type ThresholdsTarget } from '../modules/land-efficiency/components/ThresholdsModal';
import { useLandTable } from '../modules/land-efficiency/hooks/use-land-efficiency';

const two = (n: number | null) => (n === null ? '—' : n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const SORT_FIELDS: Record<string, string> = {
  taxWanPerMu: 'taxPerMu',
  outputWanPerMu: 'outputPerMu',
  outputWanPerTce: 'outputPerTce',
  landMu: 'landMu',
  name: 'name',
  landClass: 'class',
};

/**
 * 亩均效益评价: the district's year — counts per class, the table with a class filter, those not entered, the thresholds.
 * A city or province reader starts on 区县对比 (its districts side by side); a district opens its year (`?region=`).
 */
export function LandEfficiencyPage() {
  const { t } = useI18n();
  // The assessment of a year is made the year after: last year's figures by default.
  const [year, setYear] = useState(chinaToday().year() - 1);
  const [landClass, setLandClass] = useState<LandClass | undefined>();
  const [sort, setSort] = useState<string | undefined>();
  const [editing, setEditing] = useState<ThresholdsTarget | null>(null);
  // A city or province reader picks the district (`region=` in the address); a district's people see their own.
  const me = useMe();
  const several = seesSeveralDistricts(me);
  const [search, setSearch] = useAddressSearch();
  const picked = search.get('region') ?? '';
  const regionCode = several && /^\d{6}$/.test(picked) ? picked : undefined;
  // Opening a district from the comparison (or going back to it) is a step the browser's back button undoes.
  const pick = (code: string | undefined, replace = true) => {
    const next = new URLSearchParams(search);
    if (code) next.set('region', code);
    else next.delete('region');
    setSearch(next, { replace });
  };
  const phone = Grid.useBreakpoint().md === false;
  const params = { year, regionCode, landClass, sort };
  const waiting = several && !regionCode;
  const table = useLandTable(params, !waiting);
  const data = table.data;
  const manage = data?.abilities.manage === true;
  const total = data ? LAND_CLASSES.reduce((n, c) => n + data.counts[c], 0) : 0;

  // The class and the per-亩 values first, so they show at 1440 px with the menu open; the totals only on wide screens.
  const columns: ColumnsType<LandTableRow> = [
    {
      title: t('land.enterprise'),
      dataIndex: 'name',
      sorter: true,
      fixed: 'left',
      render: (name: string, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>,
    },
    {
      title: t('land.class'),
      dataIndex: 'landClass',
      sorter: true,
      render: (_, row) => <LandClassTag grade={row.landClass} year={year} />,
    },
    { title: `${t('land.taxPerMu')}（${t('land.wanPerMu')}）`, dataIndex: 'taxWanPerMu', align: 'right', sorter: true, render: two },
    { title: `${t('land.outputPerMu')}（${t('land.wanPerMu')}）`, dataIndex: 'outputWanPerMu', align: 'right', sorter: true, render: two },
    {
      title: `${t('land.outputPerTce')}（${t('land.wanPerTce')}）`,
      dataIndex: 'outputWanPerTce',
      align: 'right',
      sorter: true,
      responsive: ['md'],
      render: two,
    },
    { title: `${t('land.landMu')}（${t('land.mu')}）`, dataIndex: 'landMu', align: 'right', sorter: true, responsive: ['md'], render: two },
    { title: t('land.industry'), dataIndex: 'industryName', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    {
      title: `${t('land.tax')}（${t('money.wan')}）`,
      dataIndex: 'taxYuan',
      align: 'right',
      responsive: ['xxl'],
      render: (v: number) => formatWan(v),
    },
    {
      title: `${t('land.output')}（${t('money.wan')}）`,
      dataIndex: 'outputYuan',
      align: 'right',
      responsive: ['xxl'],
      render: (v: number) => formatWan(v),
    },
  ];

  const onSort = (sorter: SorterResult<LandTableRow> | SorterResult<LandTableRow>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = SORT_FIELDS[String(one?.field ?? '')];
    setSort(field && one?.order ? `${one.order === 'descend' ? '-' : ''}${field}` : undefined);
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('land.title')}
        extra={
          <Space size={phone ? 4 : 8} wrap style={{ justifyContent: 'flex-end' }}>
            {several && regionCode && !phone && (
              <Button onClick={() => pick(undefined, false)} data-testid="land-back-to-comparison">
                {t('land.cmp.back')}
              </Button>
            )}
            {several && !phone && <LandDistrictPicker own={me.region} value={regionCode} onChange={pick} />}
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => d && setYear(d.year())}
              data-testid="land-year-picker"
              style={{ width: 100 }}
            />
            {!waiting && <LandSheetsMenu params={params} iconOnly={phone} />}
          </Space>
        }
      >
        {/* On a phone the title keeps its room: the district is picked on the card's first line. */}
        {several && phone && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <LandDistrictPicker own={me.region} value={regionCode} onChange={pick} />
            {regionCode && (
              <Button onClick={() => pick(undefined, false)} data-testid="land-back-to-comparison">
                {t('land.cmp.back')}
              </Button>
            )}
          </Flex>
        )}
        {waiting ? (
          <LandDistrictComparison year={year} onOpen={(code) => pick(code, false)} />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {data?.regionName} · {t('land.scopeNote')}
          </Typography.Paragraph>
        )}
        {!waiting && (
          <>
            <Row gutter={[12, 12]} data-testid="land-counts">
              {LAND_CLASSES.map((grade) => (
                <Col xs={12} sm={6} key={grade}>
                  <Card
                    size="small"
                    hoverable
                    onClick={() => setLandClass(landClass === grade ? undefined : grade)}
                    style={{ borderColor: landClass === grade ? 'var(--ant-color-primary, #1677ff)' : undefined }}
                    data-testid={`land-count-${grade}`}
                  >
                    <Statistic
                      title={
                        <Tag color={LAND_CLASS_COLOURS[grade]}>
                          {t('land.classN', { grade })} · {t(`land.classHint.${grade}`)}
                        </Tag>
                      }
                      value={data?.counts[grade] ?? 0}
                      suffix={t('land.countSuffix')}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} data-testid="land-thresholds">
              <Typography.Text strong>{t('land.thresholdsOf', { year })}：</Typography.Text>
              {data?.thresholds ? (
                LAND_CLASSES.slice(0, 3).map((grade) => {
                  const m = data.thresholds?.[grade as 'A' | 'B' | 'C'];
                  return (
                    <Typography.Text key={grade} type="secondary">
                      {t('land.thresholdLine', { grade, tax: two(m?.taxWanPerMu ?? null), output: two(m?.outputWanPerMu ?? null) })}
                    </Typography.Text>
                  );
                })
              ) : (
                <Typography.Text type="warning">{t('land.noClassHint', { year })}</Typography.Text>
              )}
              {manage && (
                <Button
                  size="small"
                  onClick={() => setEditing({ year, current: data?.thresholds ?? null, regionCode })}
                  data-testid="land-thresholds-edit"
                >
                  {t('land.thresholdsEdit')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Card>
      {!waiting && (
        <>
          <Card size="small" title={`${t('land.withFigures', { n: total })} · ${t('land.missingN', { n: data?.missing.length ?? 0 })}`}>
            <Segmented<LandClass | 'all'>
              value={landClass ?? 'all'}
              onChange={(v) => setLandClass(v === 'all' ? undefined : v)}
              options={[{ label: t('land.allClasses'), value: 'all' }, ...LAND_CLASSES.map((c) => ({ label: c, value: c }))]}
              data-testid="land-class-filter"
              style={{ marginBottom: 12 }}
            />
            <Table<LandTableRow>
              rowKey="enterpriseId"
              size="small"
              loading={table.isFetching}
              columns={columns}
              dataSource={data?.items ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onChange={(_p, _f, sorter) => onSort(sorter)}
              data-testid="land-table"
            />
          </Card>
          <Card size="small" title={t('land.missing')} data-testid="land-missing">
            {data && data.missing.length === 0 ? (
              <Typography.Text type="secondary">{t('land.noneMissing')}</Typography.Text>
            ) : (
              <Flex gap={8} wrap>
                {data?.missing.map((m) => (
                  <Link key={m.enterpriseId} to={`/enterprises/${m.enterpriseId}`}>
                    <Tag>{m.name}</Tag>
                  </Link>
                ))}
              </Flex>
            )}
          </Card>
        </>
      )}
      <ThresholdsModal target={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
