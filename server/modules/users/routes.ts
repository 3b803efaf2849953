import {
  oneTimePasswordSchema,
  peopleOptionsQuery,
  personOptionListSchema,
  userCreateBody,
  userListQuery,
  userSchema,
  userUpdateBody,
} from '../../../common/schemas/organisation';
import { idParam, pageOf } from '../../../common/schemas/shared';
import { can } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { peopleOptions } from './people-options';
import { presentUser } from './presenter';
import { findUser, listUsers } from './repository';
import { createUser, resetUserPassword, updateUser } from './service';

const tags = ['users'];

export function userRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'List users in scope',
        querystring: userListQuery,
        response: { 200: pageOf(userSchema), ...errorResponses },
      },
      config: { access: 'user.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listUsers(db, actor, request.query);
      return {
        items: rows.map((r) => presentUser(actor, r)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: can(actor, 'user.create') },
      };
    },
  );

  app.get(
    '/api/v1/people-options',
    {
      schema: {
        tags,
        summary: 'The active people of a unit of the reader’s district, names only (the pickers that name a colleague on a record)',
        querystring: peopleOptionsQuery,
        response: { 200: personOptionListSchema, ...errorResponses },
      },
      config: { access: { anyOf: ['user.read', 'lead.manage', 'visit.manage'] } },
    },
    async (request) => peopleOptions(db, request.context().actor, request.query.unitId),
  );

  app.get(
    '/api/v1/users/:id',
    {
      schema: { tags, summary: 'One user', params: idParam, response: { 200: userSchema, ...errorResponses } },
      config: { access: 'user.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findUser(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentUser(actor, row);
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a user (answers a one-time password)',
        body: userCreateBody,
        response: { 201: oneTimePasswordSchema, ...errorResponses },
      },
      config: { access: 'user.create' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const { user, oneTimePassword } = await db.transaction((tx) => createUser({ ctx, tx, input: request.body }));
      return reply.status(201).send({ user: presentUser(ctx.actor, user), oneTimePassword });
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Update a user (send its version)',
        params: idParam,
        body: userUpdateBody,
        response: { 200: userSchema, ...errorResponses },
      },
      config: { access: 'user.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateUser({ ctx, tx, id: request.params.id, input: request.body }));
      return presentUser(ctx.actor, row);
    },
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Reset a password (signs the user out everywhere)',
        params: idParam,
        response: { 200: oneTimePasswordSchema, ...errorResponses },
      },
      config: { access: 'user.reset_password' },
    },
    async (request) => {
      const ctx = request.context();
      const { user, oneTimePassword } = await db.transaction((tx) => resetUserPassword({ ctx, tx, id: request.params.id }));
      return { user: presentUser(ctx.actor, user), oneTimePassword };
    },
  );
}
