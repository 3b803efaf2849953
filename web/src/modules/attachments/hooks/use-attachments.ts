import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AttachmentRecordType, attachmentsApi } from '../api/attachments-api';

const key = (recordType: AttachmentRecordType, recordId: string) => ['attachments', recordType, recordId] as const;

/** The files of one record and what the reader may do with them. */
export function useAttachments(recordType: AttachmentRecordType, recordId: string) {
  return useQuery({
    queryKey: key(recordType, recordId),
    queryFn: ({ signal }) => attachmentsApi.list(recordType, recordId, signal),
  });
}

/** Uploads one file to the record; the list reloads after. */
export function useUploadAttachment(recordType: AttachmentRecordType, recordId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => attachmentsApi.upload(recordType, recordId, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(recordType, recordId) }),
  });
}

/** Deletes one file of the record; the list reloads after. */
export function useDeleteAttachment(recordType: AttachmentRecordType, recordId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => attachmentsApi.remove(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(recordType, recordId) }),
  });
}
