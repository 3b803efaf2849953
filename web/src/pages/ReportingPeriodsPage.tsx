import { chinaToday } from '../lib/china-today';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { BriefingDownload } from '../modules/reports/components/BriefingDownload';
import { PeriodOpenModal, type PeriodOpenTarget } from '../modules/reports/components/PeriodOpenModal';
import { PeriodTable } from '../modules/reports/components/PeriodTable';
import { usePeriods } from '../modules/reports/hooks/use-reports';

/**
 * 月度填报: the district's reporting periods of a year with their counts; the project office opens and closes them, and
 * downloads a month's 通报 here once the month is reported.
 */
export function ReportingPeriodsPage() {
  const { t } = useI18n();
  const thisYear = chinaToday().year();
  const [year, setYear] = useState(thisYear);
  const list = usePeriods({ year, pageSize: 12 });
  const [target, setTarget] = useState<PeriodOpenTarget | null>(null);
  // Suggest this month when it has no period yet, else next month.
  const opened = new Set((list.data?.items ?? []).map((p) => p.period));
  const thisMonth = chinaToday().format('YYYY-MM');
  const suggested = opened.has(thisMonth) || year !== thisYear ? chinaToday().add(1, 'month').format('YYYY-MM') : thisMonth;

  return (
    <Card title={t('nav.reportPeriods')}>
      <Flex justify="end" gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          value={year}
          onChange={setYear}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
          aria-label={t('period.year')}
          style={{ width: 96 }}
          data-testid="period-year"
        />
        <BriefingDownload />
        {list.data?.abilities?.open && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ month: suggested })} data-testid="period-open">
            {t('period.open')}
          </Button>
        )}
      </Flex>
      <PeriodTable list={list.data} loading={list.isFetching} />
      <PeriodOpenModal target={target} onClose={() => setTarget(null)} onOpened={(period) => setYear(period.year)} />
    </Card>
  );
}
