import { Card, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import type { DashboardDistricts } from '../api/dashboard-api';
import { useMoneyText } from './KpiCards';

type Row = DashboardDistricts['districts'][number];

/** The districts side by side (a city or province reader), ranked by completion against time; a row opens its dashboard. */
export function DistrictTable({ data }: { data: DashboardDistricts }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const money = useMoneyText();
  return (
    <Card size="small" title={t('dashboard.districts')} data-testid="dashboard-districts">
      <Table<Row>
        size="small"
        rowKey="regionCode"
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={data.districts}
        onRow={(row) => ({ onClick: () => navigate(row.drill), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('dashboard.districtRank'), dataIndex: 'rank', width: 64 },
          { title: t('dashboard.districtName'), dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
          {
            title: t('dashboard.districtProjects'),
            dataIndex: 'projects',
            align: 'right',
            render: (n: number, row) => (
              <Typography.Link
                onClick={(e) => {
                  e.stopPropagation();
                  navigate(row.projectsDrill);
                }}
              >
                {n}
              </Typography.Link>
            ),
          },
          { title: t('dashboard.districtInvestment'), dataIndex: 'totalInvestmentYuan', align: 'right', render: (y: number) => money(y) },
          {
            title: t('dashboard.districtProgress'),
            dataIndex: 'words',
            render: (w: string, row) => <Typography.Text type={row.status === 'behind' ? 'danger' : undefined}>{w}</Typography.Text>,
          },
          {
            title: t('dashboard.kpi.warnings'),
            key: 'warnings',
            render: (_, row) => (
              <>
                <Tag color="red">{`${t('warningColour.red')} ${row.red}`}</Tag>
                <Tag color="gold">{`${t('warningColour.yellow')} ${row.yellow}`}</Tag>
              </>
            ),
          },
          { title: t('dashboard.districtMatters'), key: 'matters', render: (_, row) => `${row.openMatters} / ${row.overdueMatters}` },
        ]}
      />
    </Card>
  );
}
