import { beforeAll, expect, it } from 'vitest';
import { GOVERNED_PROJECT_FIELDS, type GovernedProjectField } from '../../common/domain/project-fields';
import { enumLabel } from '../../common/labels';
import { DEFAULT_ROLE_PERMISSIONS, type RoleCode } from '../../common/permissions';
import type { Project } from '../../common/schemas/projects';
import { accessAllows } from '../plugins/auth';
import { buildProject, unitIdByName, userIdOf } from './factories';
import { type Client, anonymous, describeEachDatabase, errorOf, signInAs } from './harness';

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

  /**
   * A different value for each governed field of a project (typed over every field: a field the project office comes
   * to govern cannot be left out of the matrix).
   */
  const changeOf = (ids: { leaderId: string; otherUnitId: string }): Record<GovernedProjectField, (p: Project) => unknown> => ({
    isProvincialKey: (p) => !p.isProvincialKey,
    isCityKey: (p) => !p.isCityKey,
    isDistrictKey: (p) => !p.isDistrictKey,
    namedLists: (p) => [...p.namedLists, '矩阵测试清单'],
    nature: (p) => (p.nature === 'new_start' ? 'continuing' : 'new_start'),
    totalInvestmentYuan: (p) => (p.totalInvestmentYuan ?? 0) + 10_000,
    fixedAssetInvestmentYuan: (p) => (p.fixedAssetInvestmentYuan ?? 0) + 10_000,
    openingCompletedYuan: (p) => (p.openingCompletedYuan ?? 0) + 10_000,
    openingCompletedAsOf: (p) => (p.openingCompletedAsOf === '2024-12-31' ? '2023-12-31' : '2024-12-31'),
    leadUnitId: () => ids.otherUnitId,
    leaderIds: () => [ids.leaderId],
  });

  it('refuses every governed field to every role that edits projects without project.govern, naming it, and lets the others change it', async () => {
    const ids = { leaderId: await userIdOf(t().database, 'leader'), otherUnitId: await unitIdByName(t().database, '区住房和城乡建设局') };
    // A project of the unit the unit user belongs to, so that every role that may edit projects reaches it.
    const leadUnitId = await unitIdByName(t().database, '北园街道办事处');
    const change = changeOf(ids);
    const editors = (Object.keys(USERS) as RoleCode[]).filter((role) => DEFAULT_ROLE_PERMISSIONS[role].includes('project.update'));
    expect(editors.length).toBeGreaterThan(1);
    let cells = 0;
    for (const role of editors) {
      const governs = DEFAULT_ROLE_PERMISSIONS[role].includes('project.govern');
      for (const field of GOVERNED_PROJECT_FIELDS) {
        const project = await buildProject(clients.project_office, t().database, {
          leadUnitId,
          totalInvestmentYuan: 100_000_000,
          // An opening amount already stated, so that either half of it may change alone.
          openingCompletedYuan: 20_000_000,
          openingCompletedAsOf: '2024-12-31',
        });
        const response = await clients[role].patch(`/api/v1/projects/${project.id}`, {
          [field]: change[field](project),
          version: project.version,
        });
        const cell = `${role} ${field} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (governs) {
          expect(response.statusCode, cell).toBe(200);
        } else {
          expect(response.statusCode, cell).toBe(403);
          const error = errorOf(response);
          expect(error.code, cell).toBe('field_locked');
          expect(
            error.details?.map((d) => d.path),
            cell,
          ).toEqual([field]);
          expect(error.details?.[0]?.message, cell).toContain(enumLabel('zh-CN', 'governedField', field));
        }
        cells += 1;
      }
    }
    expect(cells).toBe(editors.length * GOVERNED_PROJECT_FIELDS.length);
  }, 300_000);
});
