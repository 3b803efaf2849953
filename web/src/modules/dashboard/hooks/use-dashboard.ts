import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { type DashboardParams, dashboardApi } from '../api/dashboard-api';

// Under the projects' key: a write that refreshes projects (a report approved, a colour changed) refreshes the figures.
const KEY = [...PROJECTS_KEY, 'dashboard'] as const;

/** The dashboard's figures: the one definition, for the page, the big screen and the route's prefetch. */
export function dashboardQuery(params: DashboardParams) {
  return queryOptions({ queryKey: [...KEY, params], queryFn: ({ signal }) => dashboardApi.get(params, signal) });
}

/** New starts against target and the attraction funnel of the year (GET /dashboard/highlights). */
export function dashboardHighlightsQuery(params: { year?: number; regionCode?: string }) {
  return queryOptions({ queryKey: [...KEY, 'highlights', params], queryFn: ({ signal }) => dashboardApi.highlights(params, signal) });
}

/** The districts side by side (a city's or province's people). */
export function dashboardDistrictsQuery(year: number | undefined) {
  return queryOptions({ queryKey: [...KEY, 'districts', year], queryFn: ({ signal }) => dashboardApi.districts(year, signal) });
}

/** The dashboard's figures; `refreshEveryMs` polls (the big screen on the wall). */
export function useDashboard(params: DashboardParams, refreshEveryMs?: number) {
  return useQuery({ ...dashboardQuery(params), placeholderData: keepPreviousData, refetchInterval: refreshEveryMs });
}

/** The districts side by side; asked only when the reader sees more than one (a city's or province's people). */
export function useDashboardDistricts(year: number | undefined, enabled: boolean) {
  return useQuery({ ...dashboardDistrictsQuery(year), enabled });
}

/** New starts against target and the attraction funnel of the year (GET /dashboard/highlights); `refreshEveryMs` polls. */
export function useDashboardHighlights(params: { year?: number; regionCode?: string }, refreshEveryMs?: number) {
  return useQuery({ ...dashboardHighlightsQuery(params), placeholderData: keepPreviousData, refetchInterval: refreshEveryMs });
}
