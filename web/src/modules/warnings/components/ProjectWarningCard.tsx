import { Card, Empty, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { describeError } from '../../../lib/use-show-error';
import type { ProjectWarning } from '../api/warnings-api';
import { useProjectWarning } from '../hooks/use-warnings';
import { WARNING_TAG_COLOURS, WarningTag } from './WarningTag';

const STRIP_COLOURS: Record<string, string> = { red: '#f5222d', yellow: '#faad14', green: '#52c41a' };

/** The colour at the end of each past month, oldest on the left; a month's reasons on hover. */
function HistoryStrip({ history }: { history: ProjectWarning['history'] }) {
  const { t } = useI18n();
  const months = [...history].reverse().slice(-12);
  if (months.length === 0) return <Typography.Text type="secondary">{t('warning.noHistory')}</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid="warning-history">
      {months.map((m) => (
        <Tooltip
          key={`${m.year}-${m.month}`}
          title={
            <div>
              <div>
                {t('warning.monthLabel', { year: m.year, month: m.month })} · {t(`warningColour.${m.colour}`)}
              </div>
              {m.reasons.map((r) => (
                <div key={r.text}>{r.text}</div>
              ))}
            </div>
          }
        >
          <Flex vertical align="center" style={{ width: 28 }} data-colour={m.colour} data-testid="warning-history-month">
            <span style={{ width: 20, height: 20, borderRadius: 4, background: STRIP_COLOURS[m.colour] }} />
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t('warning.monthShort', { month: m.month })}
            </Typography.Text>
          </Flex>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** A project's warning colour (红黄绿灯), why in words, and its month-by-month history. */
export function ProjectWarningCard({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const warning = useProjectWarning(projectId);
  return (
    <Card size="small" title={t('warning.title')} data-testid="project-warning" style={{ marginBottom: 16 }}>
      {warning.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : warning.isError ? (
        <Typography.Text type="danger">{describeError(warning.error, t)}</Typography.Text>
      ) : warning.data.colour === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warning.notComputed')} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            <WarningTag colour={warning.data.colour} />
            {warning.data.asOf && <Typography.Text type="secondary">{t('warning.asOf', { date: warning.data.asOf })}</Typography.Text>}
          </Flex>
          {warning.data.reasons.length === 0 ? (
            <Typography.Text>{t('warning.allWell')}</Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="warning-reasons">
              {warning.data.reasons.map((reason) => (
                <li key={reason.text} style={{ color: reason.colour === 'red' ? STRIP_COLOURS.red : undefined }}>
                  <Typography.Text data-colour={WARNING_TAG_COLOURS[reason.colour]}>{reason.text}</Typography.Text>
                </li>
              ))}
            </ul>
          )}
          <div>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {t('warning.history')}
            </Typography.Text>
            <HistoryStrip history={warning.data.history} />
          </div>
        </Flex>
      )}
    </Card>
  );
}
