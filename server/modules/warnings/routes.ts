import { idParam } from '../../../common/schemas/shared';
import {
  projectWarningSchema,
  warningSettingsResponse,
  warningSettingsUpdateBody,
  warningSummaryQuery,
  warningSummarySchema,
} from '../../../common/schemas/warnings';
import { notFound } from '../../lib/errors';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { loadProject } from '../projects';
import { actorDistrict } from '../regions';
import { presentProjectWarning, presentWarningSettings } from './presenter';
import { findProjectWarning, findWarningSettings, projectHistory, warningSummary } from './repository';
import { updateWarningSettings } from './service';

const tags = ['warnings'];

/** The warnings (红黄绿灯): a project's colour, why and its history; counts by group; a district's thresholds. */
export function warningRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/warning',
    {
      schema: {
        tags,
        summary: "A project's warning colour with its reasons in words, and its colour at the end of each past month (newest first)",
        params: idParam,
        response: { 200: projectWarningSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await loadProject(db, actor, request.params.id);
      const [current, history] = await Promise.all([findProjectWarning(db, project.id), projectHistory(db, project.id)]);
      return presentProjectWarning(project.id, current, history, actor.locale);
    },
  );

  app.get(
    '/api/v1/warnings/summary',
    {
      schema: {
        tags,
        summary:
          'The projects the reader sees (any of the project list’s filters), counted by colour per lead unit, category, leader in charge or street (most red first)',
        querystring: warningSummaryQuery,
        response: { 200: warningSummarySchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const groups = await warningSummary(db, actor, request.query);
      const sum = (key: 'red' | 'yellow' | 'green') => groups.reduce((n, g) => n + g[key], 0);
      // A project under two leaders counts in both groups, but once in the totals.
      const totals =
        request.query.by === 'leader'
          ? await warningSummary(db, actor, { ...request.query, by: 'unit' }).then((byUnit) => ({
              red: byUnit.reduce((n, g) => n + g.red, 0),
              yellow: byUnit.reduce((n, g) => n + g.yellow, 0),
              green: byUnit.reduce((n, g) => n + g.green, 0),
              total: byUnit.reduce((n, g) => n + g.total, 0),
            }))
          : { red: sum('red'), yellow: sum('yellow'), green: sum('green'), total: groups.reduce((n, g) => n + g.total, 0) };
      return { by: request.query.by, groups, totals };
    },
  );

  app.get(
    '/api/v1/warnings/settings',
    {
      schema: {
        tags,
        summary: "The reader's district's warning thresholds (the defaults while it has set none, version 0)",
        response: { 200: warningSettingsResponse, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const district = await actorDistrict(db, request.context().actor);
      if (!district) throw notFound();
      return presentWarningSettings(district.code, await findWarningSettings(db, district.code));
    },
  );

  app.put(
    '/api/v1/warnings/settings',
    {
      schema: {
        tags,
        summary:
          "Change the administrator's district's warning thresholds (all of them, with the version read); its colours are recomputed",
        body: warningSettingsUpdateBody,
        response: { 200: warningSettingsResponse, ...errorResponses },
      },
      config: { access: 'setting.update' },
    },
    async (request) => {
      const ctx = request.context();
      return db.transaction((tx) => updateWarningSettings({ ctx, tx, input: request.body }));
    },
  );
}
