import type { ImportJob, ImportJobListItem, ImportKind, ImportMappingBody } from '../../../../../common/schemas/imports';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';

export type {
  ImportJob,
  ImportJobListItem,
  ImportKind,
  ImportMappingBody,
  ImportProblem,
  ImportReadingView,
  MappingConfidence,
} from '../../../../../common/schemas/imports';
export { IMPORT_KINDS, MAX_IMPORT_BYTES } from '../../../../../common/schemas/imports';

/** Spreadsheet imports: templates, uploads, a job's progress and problems, its column mapping, its marked file, and the commit. */
export const importsApi = {
  template: (kind: ImportKind) => downloadFile(`/imports/templates/${kind}`),
  upload: (kind: ImportKind, file: File) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return api.post<ImportJob>('/imports', form);
  },
  get: (id: string, signal?: AbortSignal) => api.get<ImportJob>(`/imports/${id}`, undefined, { signal }),
  list: (signal?: AbortSignal) => api.get<{ items: ImportJobListItem[] }>('/imports', undefined, { signal }),
  /** Reads the job's columns as the user chose (null: 不导入); the job is checked again (202, validating). */
  mapping: (id: string, body: ImportMappingBody) => api.put<ImportJob>(`/imports/${id}/mapping`, body),
  marked: (id: string) => downloadFile(`/imports/${id}/marked.xlsx`),
  commit: (id: string, acknowledgeUnmapped = false) =>
    api.post<ImportJob>(`/imports/${id}/commit`, acknowledgeUnmapped ? { acknowledgeUnmapped } : {}),
};
