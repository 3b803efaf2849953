import type { Attachment, AttachmentList, AttachmentRecordType } from '../../../../../common/schemas/attachments';
import { api, apiUrl } from '../../../lib/api-client';

export type { Attachment, AttachmentList, AttachmentRecordType } from '../../../../../common/schemas/attachments';
export { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES } from '../../../../../common/schemas/attachments';

/** Photos and documents of a report, a matter or a project. */
export const attachmentsApi = {
  list: (recordType: AttachmentRecordType, recordId: string, signal?: AbortSignal) =>
    api.get<AttachmentList>('/attachments', { recordType, recordId }, { signal }),
  upload: (recordType: AttachmentRecordType, recordId: string, file: File) => {
    const form = new FormData();
    form.append('recordType', recordType);
    form.append('recordId', recordId);
    form.append('file', file, file.name);
    return api.post<Attachment>('/attachments', form);
  },
  remove: (id: string) => api.delete<{ ok: true }>(`/attachments/${id}`),
  /** The file's address (photos open in the browser, other kinds download). */
  fileUrl: (id: string) => apiUrl(`/attachments/${id}/file`),
  thumbnailUrl: (id: string) => apiUrl(`/attachments/${id}/thumbnail`),
};
