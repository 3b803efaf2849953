import type { AuditEvent } from '../../../../../common/schemas/reference';

/** Records with a page of their own, by the path that shows one. */
const PAGES: Record<string, string> = {
  project: '/projects',
  matter: '/matters',
  lead: '/leads',
  enterprise: '/enterprises',
  policy: '/policies',
  reporting_period: '/reporting-periods',
};

/**
 * Where the audit page links an event's record and its project: a record with a page of its own to it, a project's
 * approval item, funding line, plan, annual plan or report to the project. Only what the server named (the reader may
 * see it) is linked.
 */
export function recordLink(event: Pick<AuditEvent, 'recordType' | 'recordId' | 'recordName' | 'recordProject' | 'about'>): {
  record: string | null;
  project: string | null;
} {
  const project = event.recordProject ? `/projects/${event.recordProject.id}` : null;
  const page = PAGES[event.recordType ?? ''];
  const named = event.recordName !== null || event.about !== null;
  const record = page && event.recordId && named ? `${page}/${event.recordId}` : project;
  return { record, project };
}
