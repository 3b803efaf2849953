import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { CustomField } from '../../../common/schemas/custom-fields';
import { customFieldDefs, projects } from '../../db/schema';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { buildProject } from '../../test/factories';

describeEachDatabase('custom fields API: definitions', (t) => {
  let admin: Client;
  let office: Client;
  let unitStaff: Client;
  let otherAdmin: Client;
  let sequence = 0;

  /** A fresh key, so the tests of this file never collide. */
  const freshKey = (stem: string) => `${stem}_${++sequence}`;
  const define = (client: Client, body: Record<string, unknown>) =>
    client.post('/api/v1/custom-fields', { label: '字段', labelEn: 'Field', type: 'text', ...body });
  const defineOk = async (client: Client, body: Record<string, unknown>): Promise<CustomField> => {
    const response = await define(client, body);
    if (response.statusCode !== 201) throw new Error(`define failed: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const detailOf = (response: { json: () => unknown }) => errorOf(response as never).details?.[0];

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
  });

  it('answers 401 signed out, lets every signed-in user read the definitions, and only a manager change them', async () => {
    expect((await anonymous(t().app).get('/api/v1/custom-fields')).statusCode).toBe(401);
    const field = await defineOk(admin, { key: freshKey('phase'), type: 'choice', options: ['一期', '二期'] });
    const read = await unitStaff.get('/api/v1/custom-fields?pageSize=200');
    expect(read.statusCode).toBe(200);
    const mine = read.json().items.find((f: CustomField) => f.id === field.id);
    // Readers see the definition, but neither the usage count nor abilities to change it.
    expect(mine).toMatchObject({
      key: field.key,
      options: ['一期', '二期'],
      projectCount: null,
      abilities: { update: false, delete: false },
    });
    expect(read.json().abilities).toEqual({ create: false });
    expect((await define(office, { key: freshKey('x') })).statusCode).toBe(403);
    expect((await office.patch(`/api/v1/custom-fields/${field.id}`, { label: '改', version: 1 })).statusCode).toBe(403);
    expect((await office.delete(`/api/v1/custom-fields/${field.id}`)).statusCode).toBe(403);
  });

  it("defines a field in the administrator's district, stores it and audits it", async () => {
    const key = freshKey('capacity');
    const response = await define(admin, {
      key,
      label: ' 设计产能 ',
      labelEn: 'Design capacity',
      type: 'number',
      categoryCode: 'industrial',
      required: true,
      sortOrder: 5,
    });
    expect(response.statusCode).toBe(201);
    const created: CustomField = response.json();
    expect(created).toMatchObject({
      regionCode: '370105',
      key,
      label: '设计产能',
      type: 'number',
      options: [],
      categoryCode: 'industrial',
      required: true,
      sortOrder: 5,
      projectCount: 0,
      version: 1,
      abilities: { update: true, delete: true },
    });
    const [row] = await t().database.db.select().from(customFieldDefs).where(eq(customFieldDefs.id, created.id));
    expect(row).toMatchObject({ regionCode: '370105', key, labelEn: 'Design capacity', required: true });
    const event = await lastAuditEvent(t().database, 'custom_fields.create', created.id);
    expect(event).toMatchObject({ recordType: 'custom_field', regionCode: '370105', actorName: 'admin' });
    expect(event?.after).toMatchObject({ key, type: 'number', categoryCode: 'industrial' });
  });

  it('lists in display order, narrowed to the fields a category shows', async () => {
    const late = await defineOk(admin, { key: freshKey('late'), sortOrder: 900, categoryCode: 'livelihood' });
    const early = await defineOk(admin, { key: freshKey('early'), sortOrder: 899 });
    const other = await defineOk(admin, { key: freshKey('other'), sortOrder: 901, categoryCode: 'industrial' });
    const list = await admin.get('/api/v1/custom-fields?categoryCode=livelihood&pageSize=200');
    const ids = list.json().items.map((f: CustomField) => f.id);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
    expect(ids).not.toContain(other.id);
    const sorted = await admin.get('/api/v1/custom-fields?sort=-sortOrder&pageSize=1');
    expect(sorted.json().items[0].sortOrder).toBeGreaterThanOrEqual(901);
  });

  it('refuses a key that is not a lower-case identifier, and a key the district already has', async () => {
    for (const key of ['Phase', '1phase', 'phase-1', '阶段', 'a'.repeat(33), '']) {
      const response = await define(admin, { key });
      expect(response.statusCode, key).toBe(400);
      expect(detailOf(response)?.path).toBe('key');
    }
    const key = freshKey('dup');
    await defineOk(admin, { key });
    const duplicate = await define(admin, { key, label: '另一个' });
    expect(duplicate.statusCode).toBe(409);
    expect(detailOf(duplicate)).toEqual({ path: 'key', message: `本区县已有键为 ${key} 的自定义字段` });
    // Keys are unique per district: another district may use the same one.
    expect((await define(otherAdmin, { key })).statusCode).toBe(201);
  });

  it('asks a choice field for distinct options, and refuses options on other types and unknown categories', async () => {
    const noOptions = await define(admin, { key: freshKey('c'), type: 'choice' });
    expect(noOptions.statusCode).toBe(400);
    expect(detailOf(noOptions)).toEqual({ path: 'options', message: '单选字段需要至少一个选项' });
    const repeated = await define(admin, { key: freshKey('c'), type: 'choice', options: ['甲', '乙', ' 甲 '] });
    expect(detailOf(repeated)).toEqual({ path: 'options.2', message: '选项「甲」重复' });
    const textWithOptions = await define(admin, { key: freshKey('t'), type: 'text', options: ['甲'] });
    expect(detailOf(textWithOptions)?.path).toBe('options');
    const badType = await define(admin, { key: freshKey('t'), type: 'boolean' });
    expect(detailOf(badType)?.path).toBe('type');
    const unknownCategory = await define(admin, { key: freshKey('t'), categoryCode: 'no_such' });
    expect(unknownCategory.statusCode).toBe(400);
    expect(detailOf(unknownCategory)).toEqual({ path: 'categoryCode', message: '项目类别 no_such 不存在或已停用' });
  });

  it('edits a definition with its version; a stale version or a disagreeing If-Match answers 409 and changes nothing', async () => {
    const field = await defineOk(admin, { key: freshKey('edit'), type: 'choice', options: ['一期'] });
    const edited = await admin.patch(
      `/api/v1/custom-fields/${field.id}`,
      { label: '建设期次', options: ['一期', '二期'], sortOrder: 3, version: 1 },
      { 'if-match': '"1"' },
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ label: '建设期次', options: ['一期', '二期'], sortOrder: 3, version: 2, key: field.key });
    const event = await lastAuditEvent(t().database, 'custom_fields.update', field.id);
    expect(event?.before).toEqual({ label: '字段', options: ['一期'], sortOrder: 0 });
    expect(event?.after).toEqual({ label: '建设期次', options: ['一期', '二期'], sortOrder: 3 });

    const stale = await admin.patch(`/api/v1/custom-fields/${field.id}`, { label: '晚了', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('version_conflict');
    const mismatch = await admin.patch(`/api/v1/custom-fields/${field.id}`, { label: '不一致', version: 2 }, { 'if-match': '"7"' });
    expect(mismatch.statusCode).toBe(409);
    const [row] = await t().database.db.select().from(customFieldDefs).where(eq(customFieldDefs.id, field.id));
    expect(row).toMatchObject({ label: '建设期次', version: 2 });
    // The key is what values are filed under: it is not editable.
    expect((await admin.patch(`/api/v1/custom-fields/${field.id}`, { key: 'renamed', version: 2 })).statusCode).toBe(400);
  });

  it('while projects hold values: refuses delete, a type change, removing a chosen option, and a category that excludes them', async () => {
    const field = await defineOk(admin, { key: freshKey('stage'), type: 'choice', options: ['一期', '二期', '三期'] });
    const project = await buildProject(admin, t().database, { categoryCode: 'livelihood', customValues: { [field.key]: '二期' } });

    const read = await admin.get(`/api/v1/custom-fields/${field.id}`);
    expect(read.json()).toMatchObject({ projectCount: 1, abilities: { update: true, delete: false } });

    const deleted = await admin.delete(`/api/v1/custom-fields/${field.id}`);
    expect(deleted.statusCode).toBe(409);
    expect(errorOf(deleted)).toMatchObject({
      code: 'custom_field_in_use',
      message: '已有 1 个项目填写了该字段，不能删除；请先清除这些项目中的值',
    });

    const retyped = await admin.patch(`/api/v1/custom-fields/${field.id}`, { type: 'text', version: 1 });
    expect(retyped.statusCode).toBe(409);
    expect(detailOf(retyped)).toEqual({ path: 'type', message: '已有 1 个项目填写了该字段，不能更改字段类型' });

    const optionRemoved = await admin.patch(`/api/v1/custom-fields/${field.id}`, { options: ['一期', '三期'], version: 1 });
    expect(optionRemoved.statusCode).toBe(409);
    expect(detailOf(optionRemoved)).toEqual({ path: 'options', message: '选项「二期」已被 1 个项目使用，不能删除' });

    const narrowed = await admin.patch(`/api/v1/custom-fields/${field.id}`, { categoryCode: 'industrial', version: 1 });
    expect(narrowed.statusCode).toBe(409);
    expect(detailOf(narrowed)?.path).toBe('categoryCode');

    // Unused options can go, and the project's own category is fine.
    const ok = await admin.patch(`/api/v1/custom-fields/${field.id}`, {
      options: ['一期', '二期'],
      categoryCode: 'livelihood',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);

    // Once the value is cleared, the field can be deleted, and the deletion is audited.
    const cleared = await admin.patch(`/api/v1/projects/${project.id}`, { customValues: { [field.key]: null }, version: project.version });
    expect(cleared.statusCode).toBe(200);
    const [stored] = await t().database.db.select().from(projects).where(eq(projects.id, project.id));
    expect(stored?.customValues).toEqual({});
    const staleDelete = await admin.delete(`/api/v1/custom-fields/${field.id}`, { 'if-match': '"1"' });
    expect(staleDelete.statusCode).toBe(409);
    const gone = await admin.delete(`/api/v1/custom-fields/${field.id}`, { 'if-match': '"2"' });
    expect(gone.statusCode).toBe(200);
    expect(await t().database.db.select().from(customFieldDefs).where(eq(customFieldDefs.id, field.id))).toEqual([]);
    const event = await lastAuditEvent(t().database, 'custom_fields.delete', field.id);
    expect(event?.before).toMatchObject({ key: field.key, options: ['一期', '二期'] });
  });

  it("keeps districts apart: another district's fields are not found, not listed and cannot be written", async () => {
    const field = await defineOk(admin, { key: freshKey('mine') });
    expect((await otherAdmin.get(`/api/v1/custom-fields/${field.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/custom-fields/${field.id}`, { label: '篡改', version: 1 })).statusCode).toBe(404);
    expect((await otherAdmin.delete(`/api/v1/custom-fields/${field.id}`)).statusCode).toBe(404);
    const theirs = await otherAdmin.get('/api/v1/custom-fields?pageSize=200');
    expect(theirs.json().items.every((f: CustomField) => f.regionCode === OTHER_REGION.code)).toBe(true);
    const peek = await otherAdmin.get('/api/v1/custom-fields?regionCode=370105');
    expect(peek.statusCode).toBe(400);
    expect(detailOf(peek)?.path).toBe('query.regionCode');
    const plant = await define(otherAdmin, { key: freshKey('plant'), regionCode: '370105' });
    expect(plant.statusCode).toBe(400);
    expect(detailOf(plant)?.path).toBe('regionCode');
    // A street-level user reads the fields of his district.
    const street = await unitStaff.get('/api/v1/custom-fields?regionCode=370105&pageSize=200');
    expect(street.json().items.map((f: CustomField) => f.id)).toContain(field.id);
  });
});
