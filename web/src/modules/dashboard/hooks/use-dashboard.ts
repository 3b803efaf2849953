import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { type DashboardParams, dashboardApi } from '../api/dashboard-api';

// Under the projects' key: a write that refreshes projects (a report approved, a colour changed) refreshes the figures.
const KEY = [...PROJECTS_KEY, 'dashboard'] as const;

/** The dashboard's figures; `refreshEveryMs` polls (the big screen on the wall). */
export function useDashboard(params: DashboardParams, refreshEveryMs?: number) {
  return useQuery({
    queryKey: [...KEY, params],
    queryFn: ({ signal }) => dashboardApi.get(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refreshEveryMs,
  });
}

/** The districts side by side; asked only when the reader sees more than one (a city's or province's people). */
export function useDashboardDistricts(year: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'districts', year],
    queryFn: ({ signal }) => dashboardApi.districts(year, signal),
    enabled,
  });
}

/** New starts against target and the attraction funnel of the year (GET /dashboard/highlights); `refreshEveryMs` polls. */
export function useDashboardHighlights(params: { year?: number; regionCode?: string }, refreshEveryMs?: number) {
  return useQuery({
    queryKey: [...KEY, 'highlights', params],
    queryFn: ({ signal }) => dashboardApi.highlights(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refreshEveryMs,
  });
}
