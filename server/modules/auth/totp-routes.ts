import type { FastifyRequest } from 'fastify';
import {
  type Me,
  meSchema,
  recoveryCodesSchema,
  totpConfirmBody,
  totpDisableBody,
  totpSetupSchema,
  totpSignInBody,
} from '../../../common/schemas/auth';
import { userSchema } from '../../../common/schemas/organisation';
import { idParam } from '../../../common/schemas/shared';
import { challengeSubject } from '../../lib/totp';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { setSessionCookie } from '../../plugins/auth';
import { presentUser } from '../users';
import { presentMe } from './me';
import { completeTotpSignIn } from './second-factor-sign-in';
import { confirmTotp, disableTotp, resetUserSecondFactor, setupTotp } from './totp-service';

const tags = ['auth'];
const perMinute = (max: number) => ({ max, timeWindow: '1 minute' });

/** Ten code attempts a minute per address and account (the lockout counts them too). */
const secondStepRateLimit = {
  ...perMinute(10),
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body as { challenge?: unknown } | undefined;
    return `${request.ip}|totp|${typeof body?.challenge === 'string' ? challengeSubject(body.challenge) : ''}`;
  },
};

/** The second sign-in step, enrolment and removal of the own second factor, and an administrator's reset. */
export function totpRoutes(
  app: App,
  { db, config }: Pick<Deps, 'db' | 'config'>,
  presentSignedIn: (userId: string, csrfToken: string) => Promise<Me>,
) {
  app.post(
    '/api/v1/auth/sign-in/totp',
    {
      schema: {
        tags,
        summary: 'Finish signing in with a code from the authenticator app or a recovery code',
        body: totpSignInBody,
        response: { 200: meSchema, ...errorResponses },
      },
      config: { access: 'public', rateLimit: secondStepRateLimit },
    },
    async (request, reply) => {
      const ctx = { ip: request.ip, requestId: request.id, userAgent: request.headers['user-agent'] ?? null };
      const session = await completeTotpSignIn(db, config.sessionSecret, ctx, request.body);
      setSessionCookie(reply, config, session.token, session.maxAgeSeconds);
      return presentSignedIn(session.userId, session.csrfToken);
    },
  );

  app.post(
    '/api/v1/auth/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up two-step verification (answers the new secret and its QR code once)',
        response: { 200: totpSetupSchema, ...errorResponses },
      },
      config: { access: 'authenticated', allowDuringTotpEnrolment: true, rateLimit: perMinute(10) },
    },
    async (request) => setupTotp(db, config.sessionSecret, request.context()),
  );

  app.post(
    '/api/v1/auth/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Switch two-step verification on with a first code (answers ten recovery codes once)',
        body: totpConfirmBody,
        response: { 200: recoveryCodesSchema, ...errorResponses },
      },
      config: { access: 'authenticated', allowDuringTotpEnrolment: true, rateLimit: perMinute(10) },
    },
    async (request) => confirmTotp(db, config.sessionSecret, request.context(), request.body),
  );

  app.post(
    '/api/v1/auth/totp/disable',
    {
      schema: {
        tags,
        summary: 'Switch the own two-step verification off (with the password or a code)',
        body: totpDisableBody,
        response: { 200: meSchema, ...errorResponses },
      },
      config: { access: 'authenticated', rateLimit: perMinute(10) },
    },
    async (request) => {
      const ctx = request.context();
      await disableTotp(db, config.sessionSecret, ctx, request.body);
      return presentMe(db, ctx.actor, request.csrfToken);
    },
  );

  app.post(
    '/api/v1/users/:id/reset-totp',
    {
      schema: {
        tags: ['users'],
        summary: 'Remove a user’s two-step verification, e.g. after a lost phone (signs the user out everywhere)',
        params: idParam,
        response: { 200: userSchema, ...errorResponses },
      },
      config: { access: 'user.reset_password' },
    },
    async (request) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => resetUserSecondFactor({ ctx, tx, id: request.params.id }));
      return presentUser(ctx.actor, row);
    },
  );
}
