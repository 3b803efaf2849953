/** The dashboard's chunk: loaded by the home page for a reader of projects, and started early by its route. */
export const loadDashboardView = () => import('./DashboardView');
