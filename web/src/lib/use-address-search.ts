import { useCallback } from 'react';
import { type SetURLSearchParams, useSearchParams } from 'react-router';

/**
 * The address's query, for pages whose filters, tabs and paging live there (so going back returns to the same view).
 * A change is committed at once rather than as a background transition: the router otherwise renders a new address
 * in a transition that a busy page can keep postponing, and a second filter picked meanwhile (a pool in the phone's
 * drawer just after a search) would be built on the address before the first and drop it.
 */
export function useAddressSearch(): [URLSearchParams, SetURLSearchParams] {
  const [search, setSearchParams] = useSearchParams();
  const setSearch = useCallback<SetURLSearchParams>(
    (next, options) => setSearchParams(next, { flushSync: true, ...options }),
    [setSearchParams],
  );
  return [search, setSearch];
}
