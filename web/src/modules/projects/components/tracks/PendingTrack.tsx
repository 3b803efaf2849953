import { Empty } from 'antd';
import type { MessageKey } from '../../../../i18n';
import { useI18n } from '../../../../i18n';

/** A track whose module is not built yet: say plainly what will appear here, rather than show an empty table. */
export function PendingTrack({ text, testId }: { text: MessageKey; testId: string }) {
  const { t } = useI18n();
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(text)} data-testid={testId} style={{ padding: '32px 0' }} />;
}
