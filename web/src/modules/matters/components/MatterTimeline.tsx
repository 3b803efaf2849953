import { Timeline, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { AttachmentLinks } from '../../attachments/components/AttachmentLinks';
import type { MatterDetail } from '../api/matters-api';

/** A matter's timeline, oldest first: each step with its time, author and unit, its text and the files it cites. */
export function MatterTimeline({ matterId, entries }: { matterId: string; entries: MatterDetail['entries'] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="matter-timeline"
      items={entries.map((e) => ({
        color: e.kind === 'send_back' || e.kind === 'escalate' ? 'red' : e.kind === 'close' ? 'green' : 'blue',
        children: (
          <div data-testid="matter-entry" data-kind={e.kind}>
            <Typography.Text strong>{t(`matter.entry.${e.kind}`)}</Typography.Text>
            {e.escalationLevel && <Typography.Text> · {t(`matterEscalation.${e.escalationLevel}`)}</Typography.Text>}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(e.createdAt)} {[e.unitName, e.authorName].filter(Boolean).join(' ')}
              </Typography.Text>
            </div>
            {e.text && <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{e.text}</Typography.Paragraph>}
            <AttachmentLinks recordType="matter" recordId={matterId} ids={e.attachmentIds} />
          </div>
        ),
      }))}
    />
  );
}
