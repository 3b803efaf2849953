import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { GOVERNED_PROJECT_FIELDS } from '../../../common/domain/project-fields';
import { DEFAULT_ROLE_PERMISSIONS, ROLE_CODES } from '../../../common/permissions';
import type { Project } from '../../../common/schemas/projects';
import { projects } from '../../db/schema';
import { buildProject, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

// Field rights: the project office governs a project's levels, lists, nature, investment totals, lead unit and
// leaders; the lead unit edits the rest of its project. The refusal names each field and changes nothing.
describeEachDatabase('projects API: who may change which field', (t) => {
  let office: Client;
  let unitStaff: Client;
  let beiyuanId: string;
  let housingId: string;
  let leaderId: string;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    beiyuanId = await unitIdByName(t().database, '北园街道办事处');
    housingId = await unitIdByName(t().database, '区住房和城乡建设局');
    leaderId = await userIdOf(t().database, 'leader');
  });

  const unitProject = () =>
    buildProject(office, t().database, { leadUnitId: beiyuanId, totalInvestmentYuan: 300_000_000, nature: 'continuing' });
  const load = async (client: Client, id: string) => (await client.get(`/api/v1/projects/${id}`)).json() as Project;
  const stored = async (id: string) => (await t().database.db.select().from(projects).where(eq(projects.id, id)))[0];

  it('gives only roles that may edit and govern projects the governed fields, by default', () => {
    const governs = ROLE_CODES.filter((role) => DEFAULT_ROLE_PERMISSIONS[role].includes('project.govern'));
    expect(governs).toEqual(['admin', 'project_office']);
    expect(DEFAULT_ROLE_PERMISSIONS.unit_staff).toContain('project.update');
  });

  it('tells the page which fields the reader may not change', async () => {
    const project = await unitProject();
    expect((await load(unitStaff, project.id)).lockedFields).toEqual([...GOVERNED_PROJECT_FIELDS]);
    expect((await load(office, project.id)).lockedFields).toEqual([]);
  });

  it('lets the unit change its day-to-day facts while sending the governed ones back unchanged, as the form does', async () => {
    const project = await load(unitStaff, (await unitProject()).id);
    const { id, abilities: _a, lockedFields: _l, ...rest } = project;
    const response = await unitStaff.patch(`/api/v1/projects/${id}`, {
      contactName: '王磊',
      constructionContent: '新建厂房 3 栋',
      leaderIds: [...project.leaders.map((l) => l.id)].reverse(),
      namedLists: project.namedLists,
      totalInvestmentYuan: rest.totalInvestmentYuan,
      version: project.version,
    });
    expect(response.statusCode).toBe(200);
    expect((response.json() as Project).contactName).toBe('王磊');
  });

  it('refuses a unit changing a governed field, names each field in the user’s language, and changes nothing', async () => {
    const project = await unitProject();
    const response = await unitStaff.patch(
      `/api/v1/projects/${project.id}`,
      { isProvincialKey: true, totalInvestmentYuan: 900_000_000, contactName: '不应保存', version: project.version },
      { 'accept-language': 'zh-CN' },
    );
    expect(response.statusCode).toBe(403);
    const error = errorOf(response);
    expect(error.code).toBe('field_locked');
    expect(error.details?.map((d) => d.path)).toEqual(['isProvincialKey', 'totalInvestmentYuan']);
    expect(error.details?.[0]?.message).toContain('省级重点');
    const row = await stored(project.id);
    expect(row).toMatchObject({ isProvincialKey: false, contactName: null, version: project.version });
    expect(Number(row?.totalInvestmentYuan)).toBe(300_000_000);
  });

  it('refuses the unit each governed field on its own: leaders, lead unit, nature, lists and levels', async () => {
    const project = await unitProject();
    const attempts: Record<string, unknown>[] = [
      { leaderIds: [leaderId] },
      { leadUnitId: housingId },
      { nature: 'new_start' },
      { namedLists: ['省重大项目'] },
      { isCityKey: true },
      { isDistrictKey: false },
      { fixedAssetInvestmentYuan: 1 },
    ];
    for (const attempt of attempts) {
      const response = await unitStaff.patch(`/api/v1/projects/${project.id}`, { ...attempt, version: project.version });
      expect(response.statusCode, JSON.stringify(attempt)).toBe(403);
      expect(errorOf(response).details?.map((d) => d.path)).toEqual(Object.keys(attempt));
    }
    expect((await stored(project.id))?.version).toBe(project.version);
  });

  it('lets the project office change the governed fields', async () => {
    const project = await unitProject();
    const response = await office.patch(`/api/v1/projects/${project.id}`, {
      isProvincialKey: true,
      leaderIds: [leaderId],
      totalInvestmentYuan: 900_000_000,
      version: project.version,
    });
    expect(response.statusCode).toBe(200);
    expect(await stored(project.id)).toMatchObject({ isProvincialKey: true });
  });
});
