import { Card } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { FIRST_PAGE, type Paging } from '../lib/list';
import { type AuditFilterValues, AuditFilters } from '../modules/audit/components/AuditFilters';
import { AuditTable } from '../modules/audit/components/AuditTable';
import { useAuditEvents } from '../modules/audit/hooks/use-audit';
import { useCan } from '../modules/auth/hooks/use-me';

/** 审计日志: who did what, when, from where, and what the record looked like before and after. */
export function AuditLogPage() {
  const { t } = useI18n();
  const can = useCan();
  // Routine sign-ins are many times the changes: the page starts without them.
  const [filters, setFilters] = useState<AuditFilterValues>({ sessions: 'hidden' });
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const { range, ...rest } = filters;
  // Whole days in the user's time zone, sent as instants with their offset.
  const list = useAuditEvents({
    ...paging,
    ...rest,
    from: range?.[0].startOf('day').toISOString(),
    to: range?.[1].endOf('day').toISOString(),
  });

  return (
    <Card title={t('nav.audit')}>
      <AuditFilters
        value={filters}
        canPickActor={can('user.read')}
        onChange={(next) => {
          setFilters(next);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <AuditTable page={list.data} loading={list.isFetching} onPagingChange={setPaging} />
    </Card>
  );
}
