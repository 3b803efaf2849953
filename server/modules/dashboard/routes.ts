import { dashboardDistrictsQuery, dashboardDistrictsSchema, dashboardQuery, dashboardSchema } from '../../../common/schemas/dashboard';
import { dashboardHighlightsQuery, dashboardHighlightsSchema } from '../../../common/schemas/dashboard-highlights';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { buildHighlights } from './highlights';
import { buildDashboard, buildDistricts } from './service';

const tags = ['dashboard'];

/** The leaders' dashboard (驾驶舱) and the city and province comparison of districts. */
export function dashboardRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags,
        summary:
          "The reader's dashboard: key figures, month by month investment, completion by unit and category, industries, pools, warnings, matters and the red and yellow projects, each figure with the list it drills into",
        querystring: dashboardQuery,
        response: { 200: dashboardSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => buildDashboard(db, request.context().actor, request.query),
  );

  app.get(
    '/api/v1/dashboard/districts',
    {
      schema: {
        tags,
        summary: "The districts of the reader's scope side by side (a city or province reader), ranked by completion against time",
        querystring: dashboardDistrictsQuery,
        response: { 200: dashboardDistrictsSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => buildDistricts(db, request.context().actor, request.query),
  );

  app.get(
    '/api/v1/dashboard/highlights',
    {
      schema: {
        tags,
        summary:
          "The year's new starts against the new_starts indicator's target (the targets page's figures; null without target.read) and the attraction funnel of the leads signed in the year (GET /leads/stats's total; null without lead.read or on one district's dashboard)",
        querystring: dashboardHighlightsQuery,
        response: { 200: dashboardHighlightsSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => buildHighlights(db, request.context().actor, request.query),
  );
}
