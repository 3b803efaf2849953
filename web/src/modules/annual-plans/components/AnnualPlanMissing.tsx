import { Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import type { AnnualPlanTable } from '../api/annual-plans-api';

/** 未填报: the projects that owe the year's plan and have none, under their lead units, each opening its page. */
export function AnnualPlanMissing({ data }: { data: AnnualPlanTable | undefined }) {
  const { t } = useI18n();
  if (!data) return null;
  return (
    <Flex vertical gap={12} data-testid="annual-plan-missing">
      <Typography.Text type="secondary">{t('annualPlan.missingHint')}</Typography.Text>
      {data.missing.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('annualPlan.noneMissing', { year: data.year })} />
      ) : (
        data.missing.map((unit) => (
          <div key={unit.unitId} data-testid="annual-plan-missing-unit">
            <Typography.Text strong>{t('annualPlan.missingUnit', { unit: unit.unitName, n: unit.projects.length })}</Typography.Text>
            <Flex gap={6} wrap style={{ marginTop: 6 }}>
              {unit.projects.map((p) => (
                <Link
                  key={p.id}
                  to={`/projects/${p.id}`}
                  title={p.plannedStart ? t('annualPlan.plannedStart', { date: p.plannedStart }) : undefined}
                >
                  <Tag style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
                    {p.name} · {t(`pool.${p.pool}`)}
                  </Tag>
                </Link>
              ))}
            </Flex>
          </div>
        ))
      )}
    </Flex>
  );
}
