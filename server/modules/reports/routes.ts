import type { App, Deps } from '../../lib/http';
import { periodRoutes } from './periods-routes';
import { reportRoutes } from './reports-routes';

/** The monthly ledger (工作台账): reporting periods and progress reports. */
export function reportingRoutes(app: App, deps: Deps) {
  periodRoutes(app, deps);
  reportRoutes(app, deps);
}
