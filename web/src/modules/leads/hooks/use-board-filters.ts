import { useMemo } from 'react';
import { LEAD_METHODS, type LeadMethod } from '../../../../../common/enums';
import { useAddressSearch } from '../../../lib/use-address-search';
import type { LeadListParams } from '../api/leads-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The board's filters that name a record: a trip or fair, an enterprise, a chain node (links from their pages). */
export const LEAD_RECORD_FILTERS = ['eventId', 'enterpriseId', 'chainNodeId'] as const;
export type LeadRecordFilter = (typeof LEAD_RECORD_FILTERS)[number];
export type LeadBoardFilters = Pick<LeadListParams, 'q' | 'unitId' | 'method' | 'overdue' | LeadRecordFilter>;

const id = (value: string | null) => (value && UUID.test(value) ? value : undefined);

/**
 * The lead board's filters as the address holds them (`/leads?eventId=…&method=fair&overdue=true`), so a trip's page,
 * an enterprise's page or a chain node can open the board filtered, and going back returns to the same view. A value
 * the address holds that is not a filter's (a mistyped id) is ignored.
 */
export function useLeadBoardFilters() {
  const [search, setSearch] = useAddressSearch();
  const filters = useMemo<LeadBoardFilters>(() => {
    const method = search.get('method');
    return {
      q: search.get('q') || undefined,
      unitId: id(search.get('unitId')),
      method: (LEAD_METHODS as readonly string[]).includes(method ?? '') ? (method as LeadMethod) : undefined,
      overdue: search.get('overdue') === 'true' || undefined,
      eventId: id(search.get('eventId')),
      enterpriseId: id(search.get('enterpriseId')),
      chainNodeId: id(search.get('chainNodeId')),
    };
  }, [search]);
  const setFilter = (key: keyof LeadBoardFilters, value: string | boolean | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return { filters, setFilter };
}
