import { DeleteOutlined, FileTextOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Popconfirm, Spin, Typography, Upload } from 'antd';
import { useI18n } from '../../../i18n';
import { ATTACHMENT_ACCEPT, type Attachment, type AttachmentRecordType, attachmentsApi } from '../api/attachments-api';
import { useDeleteAttachment } from '../hooks/use-attachments';
import { useSendAttachment } from '../hooks/use-send-attachment';
import { formatFileSize } from '../utils/file-size';

const THUMB = 56;

/**
 * The photos and documents of one record (a report, a matter, a project): upload while the record may be changed,
 * the list with a thumbnail for photos (a tap opens the photo in a viewer that pages through the record's photos, zooms
 * and rotates), name, size and uploader, delete where allowed. Made
 * for a phone first: one file per line, large tap targets. The server decides what is accepted; its refusals are
 * shown in words.
 */
export function AttachmentList({ recordType, recordId }: { recordType: AttachmentRecordType; recordId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { list, limits, size, send, sending, sayRefusal } = useSendAttachment(recordType, recordId);
  const remove = useDeleteAttachment(recordType, recordId);

  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={8} data-testid={`attachments-${recordType}`}>
      {list.data?.abilities.add ? (
        <Flex vertical gap={4}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={sending} size="large" data-testid="attachment-upload">
              {sending ? t('attachment.uploading') : t('attachment.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('attachment.hint', { size, count: limits?.maxCount ?? 0 })}
          </Typography.Text>
        </Flex>
      ) : limits && items.length >= limits.maxCount ? (
        <Typography.Text type="secondary">{t('attachment.limitReached', { count: limits.maxCount })}</Typography.Text>
      ) : null}
      {list.isLoading ? (
        <Spin size="small" />
      ) : items.length === 0 ? (
        <Flex align="center" gap={8} style={{ color: 'rgba(0,0,0,0.45)' }}>
          <PaperClipOutlined />
          <Typography.Text type="secondary">{t('attachment.empty')}</Typography.Text>
        </Flex>
      ) : (
        <Image.PreviewGroup>
          <Flex vertical gap={6} data-testid="attachment-items">
            {items.map((item) => (
              <AttachmentRow
                key={item.id}
                item={item}
                deleting={remove.isPending && remove.variables === item.id}
                onDelete={() =>
                  remove.mutate(item.id, {
                    onSuccess: () => message.success(t('attachment.deleted')),
                    onError: sayRefusal,
                  })
                }
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}

function AttachmentRow({ item, deleting, onDelete }: { item: Attachment; deleting: boolean; onDelete: () => void }) {
  const { t } = useI18n();
  const fileUrl = attachmentsApi.fileUrl(item.id);
  return (
    <Flex align="center" gap={10} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 6 }} data-testid="attachment-item">
      {item.hasThumbnail ? (
        // The thumbnail opens the photo itself in the viewer; the name below still opens the file in a new tab.
        <Image
          src={attachmentsApi.thumbnailUrl(item.id)}
          alt={item.fileName}
          width={THUMB}
          height={THUMB}
          preview={{ src: fileUrl, mask: t('attachment.view') }}
          style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }}
          // The test id lands on the viewer's button around the img.
          data-testid="attachment-thumbnail"
        />
      ) : (
        <a href={fileUrl} target="_blank" rel="noopener noreferrer" aria-label={`${t('attachment.open')} ${item.fileName}`}>
          <Flex align="center" justify="center" style={{ width: THUMB, height: THUMB, background: '#fafafa', borderRadius: 4 }}>
            <FileTextOutlined style={{ fontSize: 24, color: '#8c8c8c' }} />
          </Flex>
        </a>
      )}
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Link href={fileUrl} target="_blank" rel="noopener noreferrer" ellipsis data-testid="attachment-name">
          {item.fileName}
        </Typography.Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {formatFileSize(item.sizeBytes)}
          {item.uploaderName ? ` · ${t('attachment.by', { name: item.uploaderName })}` : ''}
        </Typography.Text>
      </Flex>
      {item.abilities.delete && (
        <Popconfirm title={t('attachment.deleteConfirm', { name: item.fileName })} onConfirm={onDelete}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            loading={deleting}
            aria-label={t('attachment.delete')}
            data-testid="attachment-delete"
          />
        </Popconfirm>
      )}
    </Flex>
  );
}
