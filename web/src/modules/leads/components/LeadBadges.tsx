import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { LeadStage } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import type { Lead } from '../api/leads-api';

const STAGE_COLOURS: Record<LeadStage, string> = {
  lead: 'default',
  assessed: 'cyan',
  site_visit: 'blue',
  negotiating: 'geekblue',
  signed: 'green',
  registered: 'green',
  started: 'green',
  funds_in: 'green',
  in_production: 'success',
  dropped: 'default',
};

/** A lead's stage as a coloured tag. */
export function LeadStageTag({ stage }: { stage: LeadStage }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLOURS[stage]} style={stage === 'dropped' ? { textDecoration: 'line-through' } : undefined} data-testid="lead-stage">
      {t(`leadStage.${stage}`)}
    </Tag>
  );
}

/** The service clock that ran out first, as a red badge (the others in its tooltip); nothing when none has. */
export function OverdueBadge({ overdue }: { overdue: Lead['overdue'] }) {
  const { t } = useI18n();
  const first = overdue[0];
  if (!first) return null;
  const all = overdue.map((c) => `${t(`leadClock.${c.clock}`)}：${t('lead.overdueSince', { date: c.dueOn })}`).join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{all}</span>}>
      <Tag color="red" icon={<ClockCircleOutlined />} data-testid="lead-overdue">
        {t('lead.overdue', { clock: t(`leadClock.${first.clock}`), days: first.daysOverdue })}
        {overdue.length > 1 ? ` +${overdue.length - 1}` : ''}
      </Tag>
    </Tooltip>
  );
}
