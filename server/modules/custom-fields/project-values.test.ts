import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { CustomField } from '../../../common/schemas/custom-fields';
import type { Project, ProjectListItem } from '../../../common/schemas/projects';
import { projects } from '../../db/schema';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { unitIdByName } from '../../test/factories';

describeEachDatabase('custom fields API: project values', (t) => {
  let admin: Client;
  let office: Client;
  let unitStaff: Client;
  let otherAdmin: Client;
  let english: Client;
  let housingId: string;
  let beiyuanId: string;
  let phase: CustomField;
  let capacity: CustomField;
  let signedOn: CustomField;
  let note: CustomField;

  const define = async (client: Client, body: Record<string, unknown>): Promise<CustomField> => {
    const response = await client.post('/api/v1/custom-fields', body);
    if (response.statusCode !== 201) throw new Error(`define failed: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const create = (client: Client, body: Record<string, unknown>) =>
    client.post('/api/v1/projects', { name: `自定义字段测试${Math.random().toString(36).slice(2, 8)}`, leadUnitId: housingId, ...body });
  const industrial = (customValues: Record<string, unknown>) => create(office, { categoryCode: 'industrial', customValues });
  const listed = async (client: Client, filter: unknown) => {
    const response = await client.get(`/api/v1/projects?pageSize=200&custom=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as ProjectListItem[]).map((p) => p.id).sort();
  };

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    // The administrator reads English in this file (his language setting); everyone else Chinese.
    english = admin;
    housingId = await unitIdByName(t().database, '区住房和城乡建设局');
    beiyuanId = await unitIdByName(t().database, '北园街道办事处');
    phase = await define(admin, {
      key: 'pv_phase',
      label: '建设期次',
      labelEn: 'Phase',
      type: 'choice',
      options: ['一期', '二期', '三期'],
    });
    capacity = await define(admin, {
      key: 'pv_capacity',
      label: '设计产能',
      labelEn: 'Capacity',
      type: 'number',
      categoryCode: 'industrial',
    });
    signedOn = await define(admin, {
      key: 'pv_signed_on',
      label: '签约日期',
      labelEn: 'Signed on',
      type: 'date',
      categoryCode: 'industrial',
      required: true,
    });
    note = await define(admin, {
      key: 'pv_households',
      label: '涉及户数',
      labelEn: 'Households',
      type: 'number',
      categoryCode: 'urban_renewal',
    });
    await admin.patch('/api/v1/auth/preferences', { locale: 'en-US' });
  });

  it('stores valid values in normalised form, shows them on the project and audits them', async () => {
    const response = await industrial({ [phase.key]: ' 二期 ', [capacity.key]: 12.5, [signedOn.key]: '2025-03-01' });
    expect(response.statusCode, response.body).toBe(201);
    const created: Project = response.json();
    const values = { [phase.key]: '二期', [capacity.key]: 12.5, [signedOn.key]: '2025-03-01' };
    expect(created.customValues).toEqual(values);
    const [row] = await t().database.db.select().from(projects).where(eq(projects.id, created.id));
    expect(row?.customValues).toEqual(values);
    const event = await lastAuditEvent(t().database, 'projects.create', created.id);
    expect(event?.after).toMatchObject({ customValues: values });
  });

  it('refuses wrong values with 422, naming every field by its label in the reader’s language', async () => {
    const response = await industrial({ [phase.key]: '四期', [capacity.key]: '很多', [signedOn.key]: '2025-02-30' });
    expect(response.statusCode).toBe(422);
    const error = errorOf(response);
    expect(error.code).toBe('custom_values_invalid');
    // In display order: all three have sort order 0, so by key.
    expect(error.details).toEqual([
      { path: `customValues.${capacity.key}`, message: '「设计产能」应为数字' },
      { path: `customValues.${phase.key}`, message: '「建设期次」只能选择：一期、二期、三期' },
      { path: `customValues.${signedOn.key}`, message: '「签约日期」应为日期，如 2025-03-01' },
    ]);
    const inEnglish = await create(english, { categoryCode: 'industrial', customValues: { [capacity.key]: 3 } });
    expect(errorOf(inEnglish).details).toEqual([{ path: `customValues.${signedOn.key}`, message: 'Please fill in "Signed on"' }]);
  });

  it('asks for a required field, and refuses keys that are no field of the category or of the district', async () => {
    const missing = await industrial({ [capacity.key]: 3 });
    expect(missing.statusCode).toBe(422);
    expect(errorOf(missing).details).toEqual([{ path: `customValues.${signedOn.key}`, message: '请填写「签约日期」' }]);
    const wrongCategory = await create(office, { categoryCode: 'urban_renewal', customValues: { [capacity.key]: 3, nonsense: 'x' } });
    expect(errorOf(wrongCategory).details).toEqual([
      { path: 'customValues.nonsense', message: 'nonsense 不是该类别项目的自定义字段' },
      { path: `customValues.${capacity.key}`, message: `${capacity.key} 不是该类别项目的自定义字段` },
    ]);
    const badKey = await create(office, { customValues: { 'Bad-Key': 'x' } });
    expect(badKey.statusCode).toBe(400);
    expect(errorOf(badKey).details?.[0]?.path).toBe('customValues.Bad-Key');
    // Fields of another district are not fields here.
    const theirs = await define(otherAdmin, { key: 'pv_lixia_only', label: '历下字段', labelEn: 'Lixia', type: 'text' });
    const foreign = await create(office, { customValues: { [theirs.key]: 'x' } });
    expect(errorOf(foreign).details?.[0]?.path).toBe(`customValues.${theirs.key}`);
  });

  it('merges values sent on update, re-checks on a category change, and changes nothing when refused', async () => {
    const created: Project = (await industrial({ [signedOn.key]: '2025-01-01', [capacity.key]: 8 })).json();
    const patched = await office.patch(`/api/v1/projects/${created.id}`, { customValues: { [phase.key]: '一期' }, version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().customValues).toEqual({ [signedOn.key]: '2025-01-01', [capacity.key]: 8, [phase.key]: '一期' });

    // Urban renewal has no capacity or signing date: the move is refused, naming them, until they are cleared.
    const moved = await office.patch(`/api/v1/projects/${created.id}`, { categoryCode: 'urban_renewal', version: 2 });
    expect(moved.statusCode).toBe(422);
    expect(errorOf(moved).details?.map((d) => d.path)).toEqual([`customValues.${capacity.key}`, `customValues.${signedOn.key}`]);
    const [unchanged] = await t().database.db.select().from(projects).where(eq(projects.id, created.id));
    expect(unchanged).toMatchObject({ categoryCode: 'industrial', version: 2 });

    const cleared = await office.patch(`/api/v1/projects/${created.id}`, {
      categoryCode: 'urban_renewal',
      customValues: { [capacity.key]: null, [signedOn.key]: null, [note.key]: 40 },
      version: 2,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().customValues).toEqual({ [phase.key]: '一期', [note.key]: 40 });
    const event = await lastAuditEvent(t().database, 'projects.update', created.id);
    expect(event?.after).toMatchObject({ categoryCode: 'urban_renewal', customValues: { [phase.key]: '一期', [note.key]: 40 } });

    // An edit that touches neither the values nor the category leaves them alone.
    const renamed = await office.patch(`/api/v1/projects/${created.id}`, { name: '改名后的自定义字段测试', version: 3 });
    expect(renamed.json().customValues).toEqual({ [phase.key]: '一期', [note.key]: 40 });
  });

  it('filters the list by a custom value (equality and range) inside the data scope, and lists carry the values', async () => {
    const atHousing: Project = (await create(office, { customValues: { [phase.key]: '三期' } })).json();
    const atBeiyuan: Project = (await create(office, { leadUnitId: beiyuanId, customValues: { [phase.key]: '三期' } })).json();
    const other: Project = (await create(office, { customValues: { [phase.key]: '一期' } })).json();
    const small: Project = (await industrial({ [signedOn.key]: '2024-06-01', [capacity.key]: 5 })).json();
    const large: Project = (await industrial({ [signedOn.key]: '2025-06-01', [capacity.key]: 500 })).json();

    expect(await listed(office, { [phase.key]: '三期' })).toEqual([atHousing.id, atBeiyuan.id].sort());
    // The unit user's data scope is his street office: the same filter finds only its project.
    expect(await listed(unitStaff, { [phase.key]: '三期' })).toEqual([atBeiyuan.id]);
    expect(await listed(office, { [phase.key]: '一期', [capacity.key]: 5 })).toEqual([]);
    expect(await listed(office, { [capacity.key]: 500 })).toEqual([large.id]);
    expect(await listed(office, { [capacity.key]: { from: 100 } })).toEqual([large.id]);
    expect(await listed(office, { [capacity.key]: { from: 4, to: 6 } })).toEqual([small.id]);
    expect(await listed(office, { [signedOn.key]: { to: '2024-12-31' } })).toEqual([small.id]);
    expect(await listed(office, { [phase.key]: '一期' })).toContain(other.id);

    const page = await office.get(`/api/v1/projects?pageSize=200&custom=${encodeURIComponent(JSON.stringify({ [capacity.key]: 500 }))}`);
    expect(page.json().items[0].customValues).toEqual({ [signedOn.key]: '2025-06-01', [capacity.key]: 500 });

    for (const bad of ['not json', '[1]', '{"Bad":1}', '{"a":{"from":[1]}}', '{"a":true}']) {
      const response = await office.get(`/api/v1/projects?custom=${encodeURIComponent(bad)}`);
      expect(response.statusCode, bad).toBe(400);
      expect(errorOf(response).details?.[0]?.path, bad).toMatch(/^query\.custom/);
    }
  });
});
