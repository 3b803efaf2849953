import { chinaToday } from '../../../lib/china-today';
import { FileWordOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/use-me';
import { useDownload } from '../../projects/hooks/use-download';
import { reportsApi } from '../api/reports-api';

/**
 * 下载月度通报: the project office picks a month (last month by default, none still to come) and downloads its 通报
 * as Word, to send round.
 */
export function BriefingDownload() {
  const { t } = useI18n();
  const can = useCan();
  const { busy, download } = useDownload();
  const [month, setMonth] = useState<Dayjs>(() => chinaToday().subtract(1, 'month').startOf('month'));
  if (!can('target.manage')) return null;
  return (
    <Space.Compact>
      <DatePicker
        picker="month"
        value={month}
        allowClear={false}
        onChange={(value) => value && setMonth(value)}
        disabledDate={(d) => d.isAfter(chinaToday(), 'month')}
        aria-label={t('briefing.month')}
        placeholder={t('briefing.pick_month')}
        style={{ width: 120 }}
        data-testid="briefing-month"
      />
      <Button
        icon={<FileWordOutlined />}
        loading={busy}
        onClick={() => download(() => reportsApi.monthlyBriefing(month.year(), month.month() + 1))}
        data-testid="briefing-download"
      >
        {t('briefing.download')}
      </Button>
    </Space.Compact>
  );
}
