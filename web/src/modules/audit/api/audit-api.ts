import type { AuditSessionFilter } from '../../../../../common/domain/audit';
import type { AuditEvent } from '../../../../../common/schemas/reference';
import { api } from '../../../lib/api-client';
import type { ListParams, Page } from '../../../lib/list';

export type AuditListParams = ListParams & {
  action?: string;
  actorId?: string;
  recordType?: string;
  recordId?: string;
  from?: string;
  to?: string;
  sessions?: AuditSessionFilter;
};

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) => api.get<Page<AuditEvent>>('/audit-events', params, { signal }),
};
