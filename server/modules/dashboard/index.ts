// The dashboard module's face: the routes are registered by the app; nothing else is used from outside.
export { dashboardRoutes } from './routes';
// The monthly 通报 (briefings) reads the dashboard's figures as of a month's end.
export { buildDashboard, buildDistricts } from './service';
