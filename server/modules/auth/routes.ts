import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  apiTokenCreateBody,
  apiTokenSchema,
  changePasswordBody,
  meSchema,
  preferencesBody,
  signInBody,
  signInResultSchema,
} from '../../../common/schemas/auth';
import { idParam, okSchema } from '../../../common/schemas/shared';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema';
import { recordAudit } from '../../lib/audit';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth';
import { loadActor } from './actor-repository';
import { presentMe } from './me';
import { changeOwnPassword } from './passwords-service';
import { signIn } from './sign-in';
import { createApiToken, listOwnTokens, revokeApiToken } from './tokens-service';
import { totpRoutes } from './totp-routes';

const tags = ['auth'];

/**
 * Ten attempts a minute per address and username. Keyed on both, because a whole bureau often signs in from
 * one NAT address; guessing one account's password is stopped by the lockout as well.
 */
const signInRateLimit = {
  max: 10,
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body as { username?: unknown } | undefined;
    return `${request.ip}|${typeof body?.username === 'string' ? body.username.toLowerCase() : ''}`;
  },
};

export function authRoutes(app: App, { db, config }: Deps) {
  const presentSignedIn = async (userId: string, csrfToken: string) => {
    const actor = await loadActor(db, userId, 'session');
    if (!actor) throw new Error('the signed-in user could not be loaded');
    return presentMe(db, actor, csrfToken);
  };

  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with username and password (answers a challenge when a second factor is due)',
        body: signInBody,
        response: { 200: signInResultSchema, ...errorResponses },
      },
      config: { access: 'public', rateLimit: signInRateLimit },
    },
    async (request, reply) => {
      const ctx = { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null };
      const result = await signIn(db, config.sessionSecret, ctx, request.body);
      if (result.kind === 'totp_required')
        return { status: 'totp_required' as const, challenge: result.challenge, expiresAt: result.expiresAt };
      setSessionCookie(reply, config, result.session.token, result.session.maxAgeSeconds);
      return presentSignedIn(result.session.userId, result.session.csrfToken);
    },
  );

  totpRoutes(app, { db, config }, presentSignedIn);

  app.post(
    '/api/v1/auth/sign-out',
    {
      schema: { tags, summary: 'Sign out this session', response: { 200: okSchema, ...errorResponses } },
      config: { access: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrolment: true },
    },
    async (request, reply) => {
      const ctx = request.context();
      await db.transaction(async (tx) => {
        if (request.sessionIdHash) await tx.delete(sessions).where(eq(sessions.idHash, request.sessionIdHash));
        await recordAudit(tx, ctx, { action: 'auth.sign_out', recordType: 'user', recordId: ctx.actor.userId });
      });
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/sign-out-everywhere',
    {
      schema: { tags, summary: 'Revoke every session of the signed-in user', response: { 200: okSchema, ...errorResponses } },
      config: { access: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrolment: true },
    },
    async (request, reply) => {
      const ctx = request.context();
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.userId, ctx.actor.userId));
        await recordAudit(tx, ctx, { action: 'auth.sign_out_everywhere', recordType: 'user', recordId: ctx.actor.userId });
      });
      clearSessionCookie(reply, config);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: { tags, summary: 'The signed-in user, permissions and CSRF token', response: { 200: meSchema, ...errorResponses } },
      config: { access: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrolment: true },
    },
    async (request) => presentMe(db, request.context().actor, request.csrfToken),
  );

  app.post(
    '/api/v1/auth/change-password',
    {
      schema: {
        tags,
        summary: 'Change the own password (signs out every other session)',
        body: changePasswordBody,
        response: { 200: meSchema, ...errorResponses },
      },
      config: {
        access: 'authenticated',
        allowDuringPasswordChange: true,
        allowDuringTotpEnrolment: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const ctx = { ...request.context(), userAgent: request.headers['user-agent'] ?? null };
      const session = await changeOwnPassword(db, config.sessionSecret, ctx, request.body);
      setSessionCookie(reply, config, session.token, session.maxAgeSeconds);
      return presentSignedIn(ctx.actor.userId, session.csrfToken);
    },
  );

  app.patch(
    '/api/v1/auth/preferences',
    {
      schema: { tags, summary: 'Set the interface language', body: preferencesBody, response: { 200: meSchema, ...errorResponses } },
      config: { access: 'authenticated', allowDuringPasswordChange: true, allowDuringTotpEnrolment: true },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction(async (tx) => {
        await tx.update(users).set({ locale: request.body.locale }).where(eq(users.id, ctx.actor.userId));
        await recordAudit(tx, ctx, {
          action: 'users.preferences',
          recordType: 'user',
          recordId: ctx.actor.userId,
          before: { locale: ctx.actor.locale },
          after: request.body,
        });
      });
      return presentMe(db, { ...ctx.actor, locale: request.body.locale }, request.csrfToken);
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: { tags, summary: 'My API tokens', response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errorResponses } },
      config: { access: 'token.manage' },
    },
    async (request) => ({ items: await listOwnTokens(db, request.context()) }),
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: apiTokenCreateBody,
        response: { 201: z.object({ token: z.string(), apiToken: apiTokenSchema }), ...errorResponses },
      },
      config: { access: 'token.manage' },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(db, config.sessionSecret, request.context(), request.body)),
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: { tags, summary: 'Revoke an API token', params: idParam, response: { 200: apiTokenSchema, ...errorResponses } },
      config: { access: 'token.manage' },
    },
    async (request) => revokeApiToken(db, request.context(), request.params.id),
  );
}
