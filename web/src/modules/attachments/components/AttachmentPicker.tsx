import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Typography, Upload } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../../i18n';
import { ATTACHMENT_ACCEPT, type AttachmentRecordType } from '../api/attachments-api';
import { useSendAttachment } from '../hooks/use-send-attachment';

/**
 * Choosing files of a record for something that cites them (a matter's step citing its evidence): tick among the
 * record's files, or upload a new one to the record — it is ticked at once.
 */
export function AttachmentPicker({
  recordType,
  recordId,
  value,
  onChange,
}: {
  recordType: AttachmentRecordType;
  recordId: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  const { list, send, sending } = useSendAttachment(recordType, recordId);
  // The choice as it is when an upload finishes (the user may tick others while it runs).
  const latest = useRef(value);
  latest.current = value;
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={6} data-testid="attachment-picker">
      <Typography.Text type="secondary">
        <PaperClipOutlined /> {t('attachment.pickHint')}
      </Typography.Text>
      {items.length > 0 && (
        <Checkbox.Group
          value={value}
          onChange={(ids) => onChange(ids as string[])}
          options={items.map((item) => ({ value: item.id, label: item.fileName }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        />
      )}
      {list.data?.abilities.add && (
        <Upload
          accept={ATTACHMENT_ACCEPT}
          showUploadList={false}
          multiple={false}
          beforeUpload={(file) => {
            void send(file).then((stored) => stored && onChange([...latest.current, stored.id]));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={sending} data-testid="attachment-picker-upload">
            {sending ? t('attachment.uploading') : t('attachment.upload')}
          </Button>
        </Upload>
      )}
    </Flex>
  );
}
