import type { App, Deps } from '../../lib/http';
import { annualPlanTableRoutes } from './annual-plan-table-routes';
import { annualPlanRoutes } from './annual-plans-routes';
import { approvalItemRoutes } from './approval-items-routes';
import { fundingLineRoutes } from './funding-lines-routes';
import { planScheduleRoutes } from './plan-routes';
import { planTemplateRoutes } from './template-routes';

/** The project tracks kept beside the project record: approvals, funding, the plan, the annual plan and progress. */
export function planRoutes(app: App, deps: Deps) {
  approvalItemRoutes(app, deps);
  fundingLineRoutes(app, deps);
  planScheduleRoutes(app, deps);
  planTemplateRoutes(app, deps);
  annualPlanRoutes(app, deps);
  annualPlanTableRoutes(app, deps);
}
