import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { LoaderFunction } from 'react-router';
import type { Permission } from '../../../common/permissions';
import type { Me } from '../../../common/schemas/auth';
import { meQuery } from '../modules/auth/hooks/use-me';
import { loadDashboardView } from '../modules/dashboard/components/load-dashboard-view';
import { projectListQuery, projectTotalsQuery } from '../modules/projects/hooks/use-projects';
import { paramsFromSearch } from '../modules/projects/utils/list-params';
import type { NavKey } from '../modules/shell/nav-items';

/** What a page's data needs started: a query as the page's own hook defines it (same key, same fetcher), or a chunk. */
export type Prefetch = {
  query: <T, K extends QueryKey>(query: FetchQueryOptions<T, Error, T, K>) => void;
  chunk: (load: () => Promise<unknown>) => void;
};

/**
 * Hands `prefetch` what a page shows first, for this address and this reader: the data it is opened for. Not the
 * pickers' reference lists — on a first visit their requests would hold the browser's six connections (each waiting
 * its turn on PGlite) while the page's own chunks and catalogs wait; the page asks them on its first render, and they
 * stay cached across pages (docs/performance.md "Usable in Chromium").
 */
export type PageQueries = (search: URLSearchParams, me: Me, prefetch: Prefetch) => void;

/** 项目库: the page the address asks for (filters, sort, page) and its totals. */
export const projectsPageQueries: PageQueries = (search, _me, prefetch) => {
  const params = paramsFromSearch(search);
  prefetch.query(projectListQuery(params));
  prefetch.query(projectTotalsQuery(params));
};

/**
 * 首页: for a reader of projects, the dashboard's chunk (its catalogs come with the home page's). Not its figures: asked
 * with the route they were slower here, not faster (docs/performance.md "Usable in Chromium": their two requests held
 * connections and the shared cores while the frame loaded, and the view, loaded early now, asks them within ≈ 60 ms).
 */
export const homePageQueries: PageQueries = (_search, me, prefetch) => {
  if (me.permissions.includes('project.read')) prefetch.chunk(loadDashboardView);
};

/** The pages whose data the route starts fetching while their chunk loads and the frame renders. */
export const PAGE_QUERIES: Partial<Record<NavKey, PageQueries>> = { projects: projectsPageQueries, home: homePageQueries };

/**
 * What a route prefetches: its page's queries, the permission its page asks, the page's chunk and its catalogs (asked
 * once "who am I" is in: by then main.tsx has chosen the language they are fetched in).
 */
export type PagePrefetch = {
  queries: PageQueries;
  permission: Permission | null;
  chunk: () => Promise<unknown>;
  catalogs: () => Promise<unknown>;
};

/**
 * Starts a page's chunk, then its catalogs and queries for this address once "who am I" is known (at once when cached):
 * nothing for someone signed out or without the page's permission, whose page shows the sign-in or the 403 instead.
 * Never throws: a failed query is the page's to show when it asks again.
 */
export async function prefetchPage(
  queryClient: QueryClient,
  { queries, permission, chunk, catalogs }: PagePrefetch,
  search: URLSearchParams,
): Promise<void> {
  const started: Promise<unknown>[] = [chunk().catch(() => undefined)];
  const me = await queryClient.ensureQueryData(meQuery).catch(() => null);
  if (!me || (permission !== null && !me.permissions.includes(permission))) return;
  started.push(catalogs().catch(() => undefined));
  queries(search, me, {
    query: (query) => started.push(queryClient.prefetchQuery(query)),
    chunk: (load) => started.push(load().catch(() => undefined)),
  });
  await Promise.all(started);
}

/**
 * A route loader that fetches with the route: it starts the page's chunk and queries and returns at once, so the
 * navigation goes on (the frame renders) while they come, and the page finds its data in the cache.
 */
export function prefetchLoader(queryClient: QueryClient, prefetch: PagePrefetch): LoaderFunction {
  return ({ request }) => {
    void prefetchPage(queryClient, prefetch, new URL(request.url).searchParams);
    return null;
  };
}
