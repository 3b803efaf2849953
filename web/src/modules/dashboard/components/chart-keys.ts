// The dashboard's charts by name: kept apart from DashboardCharts so the view can name them without loading ECharts.
export const CHART_KEYS = ['monthly', 'byUnit', 'byCategory', 'industries', 'pools', 'warningsByUnit', 'matters'] as const;
export type ChartKey = (typeof CHART_KEYS)[number];
