import { chinaToday } from '../../../lib/china-today';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useCan, useMe } from '../../auth/hooks/use-me';
import { seesSeveralDistricts } from '../../map/utils/region-choice';
import { useDownload } from '../../projects/hooks/use-download';
import { reportsApi } from '../api/reports-api';

/**
 * 下载月度通报: the project office picks a month (last month by default, none still to come) and downloads its 通报
 * as Word, to send round (or its data as a workbook); a city or province reader of targets downloads his region's,
 * by district.
 */
export function BriefingDownload() {
  const { t } = useI18n();
  const can = useCan();
  const me = useMe();
  const { busy, download } = useDownload();
  const [month, setMonth] = useState<Dayjs>(() => chinaToday().subtract(1, 'month').startOf('month'));
  if (!can('target.manage') && !(seesSeveralDistricts(me) && can('target.read'))) return null;
  // The month and the Word button hold together; the Excel button wraps beneath them on a narrow phone.
  return (
    <Flex wrap gap={8} justify="end">
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
      <Button
        icon={<FileExcelOutlined />}
        loading={busy}
        onClick={() => download(() => reportsApi.monthlyBriefingWorkbook(month.year(), month.month() + 1))}
        data-testid="briefing-download-xlsx"
      >
        {t('briefing.download_xlsx')}
      </Button>
    </Flex>
  );
}
