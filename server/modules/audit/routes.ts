import { auditEventSchema, auditListQuery } from '../../../common/schemas/reference';
import { pageOf } from '../../../common/schemas/shared';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { presentAuditEvent } from './presenter';
import { listAuditEvents } from './repository';
import { actorNamesOf, subjectsOf, valueNamesOf } from './subjects';

const tags = ['audit'];

/** The audit log, read-only: events are written by the services, and no route updates or deletes them. */
export function auditRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags,
        summary: 'Audit events in scope, newest first',
        querystring: auditListQuery,
        response: { 200: pageOf(auditEventSchema), ...errorResponses },
      },
      config: { access: 'audit.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listAuditEvents(db, actor, request.query);
      const [subjects, names, actors] = await Promise.all([
        subjectsOf(db, actor, rows),
        valueNamesOf(db, actor, rows),
        actorNamesOf(db, rows),
      ]);
      return {
        items: rows.map((row) => presentAuditEvent(row, { subjects, names, actors })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
}
