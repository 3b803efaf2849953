import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { MATTER_STATS_BY } from '../../../common/schemas/matters';
import { useI18n } from '../i18n';
import { MatterStatsTable } from '../modules/matters/components/MatterStatsTable';
import { useMatterStats } from '../modules/matters/hooks/use-matters';

type By = (typeof MATTER_STATS_BY)[number];
const isBy = (value: string | null): value is By => (MATTER_STATS_BY as readonly string[]).includes(value ?? '');

/**
 * 问题统计: of the matters the reader sees, by lead unit, category or source — raised, resolved, on time, overdue, the
 * rates and the average days from 交办 to 销号, with the total; the grouping is in the address.
 */
export function MatterStatsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [search, setSearch] = useAddressSearch();
  const requested = search.get('by');
  const by: By = isBy(requested) ? requested : 'unit';
  const stats = useMatterStats(by);
  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/matters')} aria-label={t('matterStats.back')} />
          {t('matterStats.title')}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Segmented
          value={by}
          onChange={(value) => setSearch({ by: String(value) }, { replace: true })}
          options={MATTER_STATS_BY.map((value) => ({ value, label: t(`matterStats.by.${value}`) }))}
          data-testid="matter-stats-by"
        />
        <Typography.Text type="secondary">{t('matterStats.hint')}</Typography.Text>
        <MatterStatsTable stats={stats.data} loading={stats.isFetching} />
      </Space>
    </Card>
  );
}
