import { Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';
import { chinaToday } from '../../../lib/china-today';
import { useTimeProgress } from '../hooks/use-tracks';
import { Money, moneyText } from './ProjectTags';

/**
 * 开工以来累计完成 as of today: the opening amount (期初累计完成投资, completed before the project's reports in Lantu)
 * and the approved monthly reports after it, with the opening amount named beside it when there is one.
 */
export function SinceStartFigure({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const progress = useTimeProgress(projectId, chinaToday().year());
  const data = progress.data;
  if (!data) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap data-testid="project-since-start">
      <Money yuan={data.completedSinceStartYuan} strong />
      {data.openingCompletedYuan !== null && data.openingCompletedAsOf && (
        <Typography.Text type="secondary" data-testid="project-since-start-opening">
          {t('project.completedSinceStart.opening', {
            amount: moneyText(t, data.openingCompletedYuan),
            asOf: dayjs(data.openingCompletedAsOf).format(t('project.openingCompletedAsOf.format')),
          })}
        </Typography.Text>
      )}
    </Space>
  );
}
