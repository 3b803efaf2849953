import { Flex, Skeleton, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { ProjectListParams } from '../api/projects-api';
import { useProjectTotals } from '../hooks/use-projects';
import { Money } from './ProjectTags';

/** Above the list: how many projects the filters match, their total investment and the year's annual-plan investment. */
export function ProjectTotalsBar({ params }: { params: ProjectListParams }) {
  const { t } = useI18n();
  const totals = useProjectTotals(params);
  if (!totals.data) return <Skeleton.Input active size="small" style={{ width: 320 }} />;
  const { count, capped, year, totalInvestmentYuan, annualPlanYuan } = totals.data;
  return (
    <Flex wrap gap={16} align="baseline" data-testid="project-totals">
      <Typography.Text>{t(capped ? 'projectTotals.countCapped' : 'projectTotals.count', { count })}</Typography.Text>
      {capped ? (
        <Typography.Text type="secondary">{t('projectTotals.narrowForSums')}</Typography.Text>
      ) : (
        <>
          <Typography.Text data-testid="project-totals-investment">
            {t('projectTotals.investment')} <Money yuan={totalInvestmentYuan} strong />
          </Typography.Text>
          <Typography.Text data-testid="project-totals-annual">
            {t('projectTotals.annualPlan', { year })} <Money yuan={annualPlanYuan} strong />
          </Typography.Text>
        </>
      )}
    </Flex>
  );
}
