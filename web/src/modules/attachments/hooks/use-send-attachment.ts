import { App } from 'antd';
import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/use-show-error';
import type { Attachment, AttachmentRecordType } from '../api/attachments-api';
import { formatFileSize } from '../utils/file-size';
import { useAttachments, useUploadAttachment } from './use-attachments';

/**
 * The files of one record and sending one more to it, as every upload button of Lantu does it: a file over the size
 * limit is stopped before it is sent, the server's refusal is shown in its own words (the field's message when it names
 * one), and success is said. `send` answers the stored file, or null when it was refused.
 */
export function useSendAttachment(recordType: AttachmentRecordType, recordId: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useAttachments(recordType, recordId);
  const upload = useUploadAttachment(recordType, recordId);
  const limits = list.data?.limits;
  const size = limits ? formatFileSize(limits.maxBytes) : '';

  /** The server's sentence, with the field's own message when it names one (which file check failed). */
  const sayRefusal = (error: unknown) => {
    const detail = isApiError(error) ? error.details[0]?.message : undefined;
    message.error(detail ?? describeError(error, t));
  };

  const send = async (file: File): Promise<Attachment | null> => {
    if (limits && file.size > limits.maxBytes) {
      message.error(t('attachment.tooLarge', { name: file.name, size }));
      return null;
    }
    try {
      const stored = await upload.mutateAsync(file);
      message.success(t('attachment.uploaded', { name: file.name }));
      return stored;
    } catch (error) {
      sayRefusal(error);
      return null;
    }
  };

  return { list, limits, size, send, sending: upload.isPending, sayRefusal };
}
