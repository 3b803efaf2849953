import { Card, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { MATTER_SOURCES, MATTER_STATUSES, type MatterSource, type MatterStatus } from '../../../common/enums';
import { useI18n } from '../i18n';
import { MattersTable } from '../modules/matters/components/MattersTable';
import { useMatters } from '../modules/matters/hooks/use-matters';

/** 问题协调: the matters board — every matter the user sees, filtered by state, source and overdue. */
export function MattersPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<MatterStatus | undefined>();
  const [source, setSource] = useState<MatterSource | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const list = useMatters({ status, source, overdue: overdue || undefined, page, pageSize: 20 });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Card title={t('nav.matters')} styles={{ body: { padding: 12 } }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('matter.status')}
          style={{ minWidth: 140 }}
          value={status}
          onChange={reset(setStatus)}
          options={MATTER_STATUSES.map((s) => ({ value: s, label: t(`matterStatus.${s}`) }))}
          data-testid="matter-filter-status"
        />
        <Select
          allowClear
          placeholder={t('matter.source')}
          style={{ minWidth: 140 }}
          value={source}
          onChange={reset(setSource)}
          options={MATTER_SOURCES.map((s) => ({ value: s, label: t(`matterSource.${s}`) }))}
          data-testid="matter-filter-source"
        />
        <Space size={4}>
          <Switch checked={overdue} onChange={reset(setOverdue)} data-testid="matter-filter-overdue" />
          <Typography.Text>{t('matter.onlyOverdue')}</Typography.Text>
        </Space>
      </Space>
      <MattersTable list={list.data} loading={list.isFetching} onPage={setPage} />
    </Card>
  );
}
