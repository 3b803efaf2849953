import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, type RoleCode } from '../../common/permissions';
import { accessAllows } from '../plugins/auth';
import { type Client, anonymous, describeEachDatabase, signInAs } from './harness';

/**
 * Every API operation × every role, enumerated from the route table: a role without the operation's permission
 * is refused with 403 before anything is loaded; a role with it is never refused for lack of permission; a
 * signed-out caller gets 401 on everything not public. Routes added later are covered without editing this file.
 */
const USERS: Record<RoleCode, string> = {
  admin: 'admin',
  project_office: 'office',
  unit_staff: 'unit',
  leader: 'leader',
  investment_staff: 'invest',
  supervisor: 'viewer',
};
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
// Signing out would end the session the rest of the matrix uses; those two are checked in the auth tests.
const SKIPPED = new Set(['POST /api/v1/auth/sign-out', 'POST /api/v1/auth/sign-out-everywhere']);

describeEachDatabase('authorization matrix', (t) => {
  const clients = {} as Record<RoleCode, Client>;
  beforeAll(async () => {
    for (const [role, username] of Object.entries(USERS)) clients[role as RoleCode] = await signInAs(t().app, username);
  });

  const urlOf = (url: string) =>
    url
      .replace(/:code\b/, '370105')
      .replace(/:type\b/, 'industry')
      .replace(/:(\w+)/g, PLACEHOLDER_ID);

  it('allows or denies every operation for every role exactly as the permission map says', async () => {
    let cells = 0;
    for (const route of t().app.apiRoutes) {
      if (SKIPPED.has(`${route.method} ${route.url}`)) continue;
      const url = urlOf(route.url);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const signedOut = await anonymous(t().app).request(route.method as 'GET', url, body);
      if (route.access === 'public') expect(signedOut.statusCode, `${route.method} ${route.url} signed out`).not.toBe(401);
      else expect(signedOut.statusCode, `${route.method} ${route.url} signed out`).toBe(401);
      for (const role of Object.keys(USERS) as RoleCode[]) {
        const response = await clients[role].request(route.method as 'GET', url, body);
        const refused = response.statusCode === 403 && response.json().error?.code === 'forbidden';
        const allowed = accessAllows(new Set(DEFAULT_ROLE_PERMISSIONS[role]), route.access);
        expect(refused, `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`).toBe(!allowed);
        cells += 1;
      }
    }
    expect(cells).toBeGreaterThan(200);
  }, 300_000);
});
