import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, localeFromAcceptLanguage } from '../../common/locale';
import type { Permission } from '../../common/permissions';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor, RequestContext } from '../lib/actor';
import { AppError, forbidden } from '../lib/errors';
import { keyedHash, safeEqual } from '../lib/tokens';
import { deleteSession, findLiveSession, findLiveToken, loadActor, touchSession, touchToken } from '../modules/auth/actor-repository';

/** Who may call a route: anyone, any signed-in user, or holders of one permission. Every API route declares it. */
/**
 * Who may call a route: anyone, anyone signed in, holders of a permission, or holders of any of several (a route
 * whose service decides between them, such as a pool move forward or back, declares them all, never a weaker one).
 */
export type Access = 'public' | 'authenticated' | Permission | { anyOf: readonly Permission[] };

/** Whether someone holding these permissions passes the route's declared access (after signing in). */
export function accessAllows(permissions: ReadonlySet<Permission>, access: Access): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  if (typeof access === 'string') return permissions.has(access);
  return access.anyOf.some((permission) => permissions.has(permission));
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    sessionIdHash: string | null;
    csrfToken: string | null;
    /** The actor and request facts a service needs; throws 401 when no one is signed in. */
    context(): RequestContext;
  }
  interface FastifyInstance {
    /** Every API route with who may call it: the table the authorization tests and the fuzzer walk. */
    apiRoutes: ApiRoute[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Routes a user who must still change the initial password may call. */
    allowDuringPasswordChange?: boolean;
    /** Routes a user whose role requires a second factor may call before setting one up. */
    allowDuringTotpEnrolment?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_AFTER_MS = 60_000;

export const sessionCookieName = (config: Config) => (config.secureCookies ? '__Host-lantu_session' : 'lantu_session');

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, maxAgeSeconds: number) {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}

const unauthenticated = (expired = false) =>
  new AppError(401, expired ? 'session_expired' : 'unauthenticated', expired ? 'error.session_expired' : 'error.unauthenticated');

/** Authenticates every request (session cookie or bearer token), checks CSRF, and enforces each route's `access`. */
export function registerAuth(app: FastifyInstance, db: Db, config: Config) {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('context', function (this: FastifyRequest): RequestContext {
    if (!this.actor) throw unauthenticated();
    return { actor: this.actor, ip: this.ip, requestId: this.id };
  });

  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const expired = await authenticate(request, reply);
    if (request.actor) request.locale = request.actor.locale;
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (!request.actor) throw unauthenticated(expired);
    if (request.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new AppError(403, 'csrf_failed', 'error.csrf');
      }
    }
    if (request.actor.mustChangePassword && !request.routeOptions.config.allowDuringPasswordChange) {
      throw new AppError(403, 'password_change_required', 'error.password_change_required');
    }
    if (request.actor.mustEnrolTotp && !request.routeOptions.config.allowDuringTotpEnrolment) {
      throw new AppError(403, 'totp_enrolment_required', 'error.totp_enrolment_required');
    }
    if (!accessAllows(request.actor.permissions, access)) throw forbidden();
  });

  /** Returns true when a session cookie was sent but had expired, so the 401 can say so. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const token = await findLiveToken(db, keyedHash(config.sessionSecret, authorization.slice(7).trim()));
      if (!token) return false;
      request.actor = await loadActor(db, token.userId, 'token', token.scopes);
      if (request.actor && (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_AFTER_MS)) {
        await touchToken(db, token.id);
      }
      return false;
    }
    const cookie = request.cookies[sessionCookieName(config)];
    if (!cookie) return false;
    const idHash = keyedHash(config.sessionSecret, cookie);
    const session = await findLiveSession(db, idHash);
    if (!session) {
      await deleteSession(db, idHash);
      clearSessionCookie(reply, config);
      return true;
    }
    request.actor = await loadActor(db, session.userId, 'session');
    if (!request.actor) return true;
    request.sessionIdHash = idHash;
    request.csrfToken = session.csrfToken;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, idHash);
    return false;
  }
}

export type ApiRoute = { method: string; url: string; access: Access };

/** Fails registration of any API route that does not say who may call it, so no route can forget. */
export function requireDeclaredAccess(app: FastifyInstance) {
  const table: ApiRoute[] = [];
  app.decorate('apiRoutes', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });
}
