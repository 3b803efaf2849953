import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { type AttachmentRecordType, attachmentsApi } from '../api/attachments-api';
import { useAttachments } from '../hooks/use-attachments';

/** Files of a record cited by one of its entries (a matter's step), as links by name; a file since deleted says so. */
export function AttachmentLinks({ recordType, recordId, ids }: { recordType: AttachmentRecordType; recordId: string; ids: string[] }) {
  const { t } = useI18n();
  const list = useAttachments(recordType, recordId);
  if (ids.length === 0 || !list.data) return null;
  const byId = new Map(list.data.items.map((item) => [item.id, item]));
  return (
    <Flex vertical gap={2} data-testid="attachment-links">
      {ids.map((id) => {
        const item = byId.get(id);
        return item ? (
          <Typography.Link key={id} href={attachmentsApi.fileUrl(id)} target="_blank" rel="noopener noreferrer" ellipsis>
            <PaperClipOutlined /> {item.fileName}
          </Typography.Link>
        ) : (
          <Typography.Text key={id} type="secondary">
            <PaperClipOutlined /> {t('attachment.gone')}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}
