import { PERMISSIONS } from '../../../common/permissions';
import { roleParam, roleSchema, roleUpdateBody } from '../../../common/schemas/organisation';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { presentPermission, presentRole } from './presenter';
import { findRole, listRoles } from './repository';
import { permissionListSchema, roleListSchema } from './schema';
import { updateRole } from './service';

const tags = ['roles'];

export function roleRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/roles',
    {
      schema: { tags, summary: 'List the roles and their permissions', response: { 200: roleListSchema, ...errorResponses } },
      config: { access: 'role.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const rows = await listRoles(db);
      return { items: rows.map((r) => presentRole(actor, request.locale, r)) };
    },
  );

  app.get(
    '/api/v1/roles/:code',
    {
      schema: { tags, summary: 'One role', params: roleParam, response: { 200: roleSchema, ...errorResponses } },
      config: { access: 'role.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findRole(db, request.params.code);
      if (!row) throw notFound();
      return presentRole(actor, request.locale, row);
    },
  );

  app.get(
    '/api/v1/permissions',
    {
      schema: { tags, summary: 'Every permission a role can hold', response: { 200: permissionListSchema, ...errorResponses } },
      config: { access: 'role.read' },
    },
    async () => ({ items: PERMISSIONS.map(presentPermission) }),
  );

  app.patch(
    '/api/v1/roles/:code',
    {
      schema: {
        tags,
        summary: 'Replace a role’s permissions (send its version)',
        params: roleParam,
        body: roleUpdateBody,
        response: { 200: roleSchema, ...errorResponses },
      },
      config: { access: 'role.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateRole({ ctx, tx, code: request.params.code, input: request.body }));
      return presentRole(ctx.actor, request.locale, row);
    },
  );
}
