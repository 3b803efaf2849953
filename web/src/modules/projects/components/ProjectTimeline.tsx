import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useAuditDictionaries } from '../../audit/hooks/use-audit-dictionaries';
import { eventSentence } from '../../audit/utils/event-sentence';
import { sentenceNamesActor } from '../../audit/utils/record-sentences';
import type { TimelineEntry } from '../api/projects-api';
import { useProjectTimeline } from '../hooks/use-projects';

const POOL_KEYS = new Set(['planning', 'advancing', 'implementing', 'completed', 'withdrawn']);

/**
 * The project's history (项目动态): every change of it in words — fields, plan, approvals, funding, reports, matters,
 * worded as the audit page words them — pool moves (from → to, why) and 项目代码 changes, who and when.
 */
export function ProjectTimeline({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { t, tOptional } = useI18n();
  const timeline = useProjectTimeline(projectId);
  const dictionaryName = useAuditDictionaries();
  const poolName = (pool: string | null) => (pool && POOL_KEYS.has(pool) ? tOptional(`pool.${pool}`, pool) : (pool ?? '—'));

  const describe = (entry: TimelineEntry) => {
    if (entry.kind === 'pool_move') return `${poolName(entry.from)} → ${poolName(entry.to)}`;
    if (entry.kind === 'code_change') return t('timeline.codeFromTo', { from: entry.from ?? '—', to: entry.to ?? '—' });
    if (entry.kind === 'event' && entry.action) {
      const facts = { action: entry.action, recordType: entry.recordType, before: entry.before, after: entry.after, about: entry.about };
      const approvalTypeName = (code: string) => dictionaryName('approval_item_type', code);
      return eventSentence(facts, { t, tOptional, dictionaryName, projectName, approvalTypeName, actorName: entry.actorName });
    }
    return entry.to ?? '';
  };

  return (
    <Card size="small" title={t('timeline.title')} data-testid="project-timeline">
      {timeline.isPending ? (
        <Spin />
      ) : (timeline.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />
      ) : (
        <Timeline
          items={(timeline.data ?? []).map((entry, i) => ({
            key: `${entry.at}-${i}`,
            color: entry.kind === 'pool_move' ? (entry.to === 'withdrawn' ? 'red' : 'blue') : 'gray',
            content: (
              <div data-testid={`timeline-${entry.kind}`}>
                <div>
                  {entry.kind !== 'event' && (
                    <Typography.Text strong>{tOptional(`timeline.kind.${entry.kind}`, entry.kind)} </Typography.Text>
                  )}
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{describe(entry)}</Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                  {entry.actorName && !(entry.kind === 'event' && sentenceNamesActor(entry.action))
                    ? ` · ${t('timeline.by', { name: entry.actorName })}`
                    : ''}
                </Typography.Text>
                {entry.reason && (
                  <div>
                    <Typography.Text type="secondary">{t('timeline.reason', { reason: entry.reason })}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
