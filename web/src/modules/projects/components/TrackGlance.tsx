import { Badge, Card, Flex, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../../i18n';
import type { GlanceTone, SevenTrack, TrackGlance as Glance } from '../utils/track-glance';

const BADGE_STATUS: Record<GlanceTone, 'success' | 'processing' | 'error' | 'default'> = {
  success: 'success',
  processing: 'processing',
  error: 'error',
  default: 'default',
  pending: 'default',
};

/** The seven tracks side by side (wrapping on a phone), one line each; a click opens the track's tab. */
export function TrackGlance({
  glance,
  labels,
  onOpen,
}: {
  glance: Glance[];
  labels: Record<SevenTrack, MessageKey>;
  onOpen: (track: SevenTrack) => void;
}) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={8} data-testid="track-glance" aria-label={t('glance.title')}>
      {glance.map(({ track, tone, text, params }) => (
        <Card
          key={track}
          size="small"
          hoverable
          onClick={() => onOpen(track)}
          data-testid={`glance-${track}`}
          data-tone={tone}
          style={{ flex: '1 1 150px' }}
          styles={{ body: { padding: '8px 12px' } }}
        >
          <Typography.Text strong>{t(labels[track])}</Typography.Text>
          <div>
            <Badge
              status={BADGE_STATUS[tone]}
              text={<Typography.Text type={tone === 'pending' ? 'secondary' : undefined}>{t(text, params)}</Typography.Text>}
            />
          </div>
        </Card>
      ))}
    </Flex>
  );
}
