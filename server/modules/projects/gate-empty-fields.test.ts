import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GATE_CONFIG, GATE_CONDITIONS, type GateFacts, evaluateGate } from '../../../common/domain/gates';
import { approvalItems, milestones, projects } from '../../db/schema';
import { buildProject, placeInPool } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

// A gate condition on a field fails while the field is empty (issue 13: 落实项目用地 passed with both land fields blank).

/** A project's facts with every field empty: what a project nobody has filled in tells the gates. */
const EMPTY: GateFacts = {
  ownerName: null,
  totalInvestmentYuan: null,
  industryCode: null,
  leadUnitId: null,
  leaderCount: 0,
  code: null,
  approvalType: null,
  approvalsSettled: [],
  needsLand: null,
  landSecured: false,
  milestoneKinds: [],
  completionActual: false,
  feasibilityStatus: null,
  chainCode: null,
};

describe('gate conditions on empty fields', () => {
  it('meets no condition of any gate when every field is empty', () => {
    const everything = { gates: { 'planning->advancing': [...GATE_CONDITIONS] }, requiredApprovals: DEFAULT_GATE_CONFIG.requiredApprovals };
    expect(evaluateGate('planning->advancing', EMPTY, everything).filter((c) => c.met)).toEqual([]);
    expect(
      evaluateGate('planning->advancing', { ...EMPTY, ownerName: '   ', totalInvestmentYuan: 0 }, everything).filter((c) => c.met),
    ).toEqual([]);
  });

  it('asks whether land is needed before 落实项目用地 can be met: 未填 fails, 否 passes, 是 needs the land secured', () => {
    const land = (facts: Partial<GateFacts>) =>
      evaluateGate('advancing->implementing', { ...EMPTY, ...facts }).find((c) => c.key === 'land_secured')?.met;
    expect(land({ needsLand: null })).toBe(false);
    expect(land({ needsLand: null, landSecured: true })).toBe(false);
    expect(land({ needsLand: false })).toBe(true);
    expect(land({ needsLand: true })).toBe(false);
    expect(land({ needsLand: true, landSecured: true })).toBe(true);
  });
});

describeEachDatabase('projects API: the land gate on an unstated need', (t) => {
  let office: Client;
  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
  });

  /** A project in advancing that meets every condition of the gate to implementing except, perhaps, the land one. */
  const readyButLand = async (fields: Record<string, unknown>) => {
    const project = await buildProject(office, t().database, { approvalType: 'filing', ...fields });
    const db = t().database.db;
    await db.insert(approvalItems).values(
      ['filing', 'proj_plan_permit', 'construct_permit'].map((typeCode) => ({
        projectId: project.id,
        typeCode,
        status: 'done' as const,
      })),
    );
    await db.insert(milestones).values([
      { projectId: project.id, name: '开工', kind: 'start' },
      { projectId: project.id, name: '竣工', kind: 'completion', sortOrder: 1 },
    ]);
    const version = await placeInPool(t().database, project.id, 'advancing');
    return { id: project.id, version };
  };
  const move = (id: string, version: number) => office.post(`/api/v1/projects/${id}/move`, { to: 'implementing', version });
  const code = (n: number) => `2023-370105-35-03-${String(880_100 + n)}`;

  it('stores a new project’s land need as not stated, and refuses the gate naming 落实项目用地 while it is blank', async () => {
    const { id, version } = await readyButLand({ code: code(1) });
    const [row] = await t().database.db.select().from(projects).where(eq(projects.id, id));
    expect(row).toMatchObject({ needsLand: null, landSecured: false });
    const checklist = (await office.get(`/api/v1/projects/${id}/gates`)).json();
    expect(checklist[0]).toMatchObject({
      to: 'implementing',
      allowed: false,
      conditions: expect.arrayContaining([{ key: 'land_secured', met: false, label: '落实项目用地（先说明是否需要新增用地）' }]),
    });
    const refused = await move(id, version);
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('gate_refused');
    expect(errorOf(refused).details).toEqual([{ path: 'land_secured', message: '落实项目用地（先说明是否需要新增用地）' }]);
    // In the reader's language.
    expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    const english = await move(id, version);
    await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    expect(errorOf(english).details).toEqual([
      { path: 'land_secured', message: 'Secure the land (first say whether the project needs new land)' },
    ]);
    const [after] = await t().database.db.select().from(projects).where(eq(projects.id, id));
    expect(after).toMatchObject({ pool: 'advancing', version });
  });

  it('refuses a project that needs land until it is secured, then lets it through', async () => {
    const { id, version } = await readyButLand({ code: code(2), needsLand: true });
    expect(errorOf(await move(id, version)).details).toEqual([{ path: 'land_secured', message: '落实项目用地' }]);
    const patched = await office.patch(`/api/v1/projects/${id}`, { landSecured: true, landAreaMu: 80, version });
    expect(patched.statusCode, patched.body).toBe(200);
    const moved = await move(id, version + 1);
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('lets a project stated as needing no new land through', async () => {
    const { id, version } = await readyButLand({ code: code(3), needsLand: false });
    const moved = await move(id, version);
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('takes 是, 否 and 未填 (null) on a project’s land need, and clears it back to not stated', async () => {
    const project = await buildProject(office, t().database, { needsLand: true });
    const cleared = await office.patch(`/api/v1/projects/${project.id}`, { needsLand: null, version: project.version });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ needsLand: null });
  });
});
