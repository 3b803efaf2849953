import { chinaToday } from '../../../lib/china-today';
import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { MatterStatusTag } from '../../matters/components/MatterStatusTag';
import type { Visit } from '../api/visits-api';

/** The demands a visit raised, each opening its matter, with where it stands. */
export function VisitDemands({ demands }: { demands: Visit['demands'] }) {
  const { t } = useI18n();
  if (demands.length === 0) return <Typography.Text type="secondary">{t('visit.noDemands')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {demands.map((d) => (
        <Flex key={d.matterId} gap={6} wrap align="center" data-testid="visit-demand">
          <Link to={`/matters/${d.matterId}`}>{d.title}</Link>
          <MatterStatusTag status={d.status} daysOverdue={d.overdue ? chinaToday().diff(dayjs(d.deadline), 'day') : 0} />
          <Typography.Text type="secondary">
            {d.leadUnitName} · {t('visit.deadline', { date: d.deadline })}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
