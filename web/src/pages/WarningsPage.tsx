import { Alert, Card, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { useAddressSearch } from '../lib/use-address-search';
import { WARNING_SUMMARY_BY } from '../../../common/schemas/warnings';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { useCan } from '../modules/auth/hooks/use-me';
import type { WarningSummaryBy } from '../modules/warnings/api/warnings-api';
import { WarningSettingsForm } from '../modules/warnings/components/WarningSettingsForm';
import { WarningSummaryTable } from '../modules/warnings/components/WarningSummaryTable';
import { useWarningSettings, useWarningSummary } from '../modules/warnings/hooks/use-warnings';

const isBy = (value: string | null): value is WarningSummaryBy => WARNING_SUMMARY_BY.includes(value as WarningSummaryBy);

/** 预警统计: red, yellow and green projects counted by unit, category, leader or street; the thresholds for the administrator. */
export function WarningsPage() {
  const { t } = useI18n();
  const can = useCan();
  const [search, setSearch] = useAddressSearch();
  // The grouping and tab live in the address, so going back from the project list returns to the same view.
  const by: WarningSummaryBy = isBy(search.get('by')) ? (search.get('by') as WarningSummaryBy) : 'unit';
  const tab = search.get('tab') === 'settings' && can('setting.update') ? 'settings' : 'summary';
  const summary = useWarningSummary(by);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };

  const counts = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {/* Four choices may be wider than a phone in English: they scroll inside the card, never the page. */}
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented<WarningSummaryBy>
          value={by}
          onChange={(value) => set('by', value)}
          options={WARNING_SUMMARY_BY.map((value) => ({ value, label: t(`warning.by.${value}`) }))}
          data-testid="warning-by"
        />
      </div>
      <Typography.Text type="secondary">{t('warning.summaryHint')}</Typography.Text>
      {summary.error && <Alert type="error" showIcon title={describeError(summary.error, t)} />}
      <WarningSummaryTable summary={summary.data?.by === by ? summary.data : undefined} loading={summary.isFetching} />
    </Space>
  );

  return (
    <Card title={t('nav.warnings')} data-testid="warnings-page">
      {can('setting.update') ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key)}
          items={[
            { key: 'summary', label: t('warning.tab.summary'), children: counts },
            { key: 'settings', label: t('warning.tab.settings'), children: <SettingsTab /> },
          ]}
        />
      ) : (
        counts
      )}
    </Card>
  );
}

function SettingsTab() {
  const { t } = useI18n();
  const settings = useWarningSettings();
  if (settings.isPending) return <Spin />;
  if (settings.error) return <Alert type="error" showIcon title={describeError(settings.error, t)} />;
  return <WarningSettingsForm settings={settings.data} />;
}
