import type { Dashboard, DashboardDistricts } from '../../../../../common/schemas/dashboard';
import type { DashboardHighlights } from '../../../../../common/schemas/dashboard-highlights';
import { api } from '../../../lib/api-client';

export type { Dashboard, DashboardDistricts, DashboardHighlights };
export type NewStartsTarget = NonNullable<DashboardHighlights['newStartsTarget']>;

/** What the dashboard is narrowed to: a year, a district (a city reader's drill-down), a unit, the leader's own projects. */
export type DashboardParams = { year?: number; regionCode?: string; unitId?: string; leader?: 'me' };

/** The dashboard (驾驶舱) and the districts side by side. */
export const dashboardApi = {
  get: (params: DashboardParams, signal?: AbortSignal) => api.get<Dashboard>('/dashboard', params, { signal }),
  highlights: (params: { year?: number; regionCode?: string }, signal?: AbortSignal) =>
    api.get<DashboardHighlights>('/dashboard/highlights', params, { signal }),
  districts: (year: number | undefined, signal?: AbortSignal) => api.get<DashboardDistricts>('/dashboard/districts', { year }, { signal }),
};
