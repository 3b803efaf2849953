import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AuditListParams, auditApi } from '../api/audit-api';

/** One page of audit events, newest first. */
export function useAuditEvents(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => auditApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}
