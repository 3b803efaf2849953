import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { PUBLIC_OPPORTUNITY_FIELDS } from '../../../common/schemas/opportunities';
import { createAccount } from '../../db/accounts';
import { opportunities } from '../../db/schema';
import { insertUnit, uniqueSuffix } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_PASSWORD,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
} from '../../test/harness';

type Item = {
  id: string;
  publicId: string;
  status: string;
  version: number;
  title: string;
  abilities: Record<string, boolean>;
  public: boolean;
};

const today = () => todayInChina();
const body = (extra: Record<string, unknown> = {}) => ({
  kind: 'scenario',
  title: `智慧园区应用场景${uniqueSuffix()}`,
  description: '面向新型功能材料产业园开放能耗监测、安防巡检等应用场景，欢迎企业提出解决方案。',
  location: '天桥区新材料产业园',
  contactName: '陈静',
  contactPhone: '0531-85901234',
  validFrom: addDays(today(), -10),
  validTo: addDays(today(), 90),
  ...extra,
});

describeEachDatabase('opportunities API', (t) => {
  let invest: Client;
  let office: Client;
  let unit: Client;
  let leader: Client;
  let otherDistrict: Client;

  async function create(extra: Record<string, unknown> = {}, client: Client = invest): Promise<Item> {
    const response = await client.post('/api/v1/opportunities', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function move(item: Item, action: string, extra: Record<string, unknown> = {}, client: Client = invest): Promise<Item> {
    const response = await client.post(`/api/v1/opportunities/${item.id}/${action}`, { version: item.version, ...extra });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function published(extra: Record<string, unknown> = {}): Promise<Item> {
    return move(await move(await create(extra), 'submit'), 'publish');
  }

  beforeAll(async () => {
    invest = await signInAs(t().app, 'invest');
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    leader = await signInAs(t().app, 'leader');
    const foreignUnit = await insertUnit(t().database, { regionCode: OTHER_REGION.code, name: `历下区投资促进局${uniqueSuffix()}` });
    const username = `invest_${uniqueSuffix()}`;
    await createAccount(
      t().database.db,
      { ip: null, requestId: null },
      { username, displayName: username, unitId: foreignUnit.id, roleCode: 'investment_staff', password: TEST_PASSWORD },
    );
    otherDistrict = await signInAs(t().app, username);
  });

  it('answers 401 signed out and 403 without the permission', async () => {
    expect((await anonymous(t().app).get('/api/v1/opportunities')).statusCode).toBe(401);
    expect((await unit.get('/api/v1/opportunities')).statusCode).toBe(403);
    expect((await leader.post('/api/v1/opportunities', body())).statusCode).toBe(403);
    expect((await office.get('/api/v1/opportunities')).statusCode).toBe(200);
  });

  it('drafts an item, audited, listed with its state and the moves the reader may make', async () => {
    const item = await create();
    expect(item).toMatchObject({ status: 'draft', public: false, abilities: { update: true, delete: true, submit: true, publish: false } });
    const event = await lastAuditEvent(t().database, 'opportunities.create', item.id);
    expect(event?.after).toMatchObject({ title: item.title, status: 'draft' });
    const list = (await invest.get('/api/v1/opportunities?status=draft&pageSize=200')).json();
    expect(list.items.map((i: Item) => i.id)).toContain(item.id);
    expect(list.counts.draft).toBeGreaterThan(0);
    expect(list.abilities).toEqual({ create: true });
  });

  it('refuses a validity that ends before it starts, naming the field', async () => {
    const response = await invest.post('/api/v1/opportunities', body({ validFrom: '2027-03-01', validTo: '2027-02-01' }));
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual([{ path: 'validTo', message: expect.stringContaining('2027-03-01') }]);
  });

  it('goes draft → review → returned with a reason → review → published → withdrawn → draft, each move audited', async () => {
    let item = await create();
    item = await move(item, 'submit');
    expect(item.status).toBe('in_review');
    expect(item.abilities).toMatchObject({ update: false, publish: true, return: true });
    const noReason = await invest.post(`/api/v1/opportunities/${item.id}/return`, { version: item.version });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).details?.[0]?.path).toBe('reason');
    item = await move(item, 'return', { reason: '联系电话请改为投促中心值班电话' });
    expect(item).toMatchObject({ status: 'returned', returnReason: '联系电话请改为投促中心值班电话', reviewedByName: expect.any(String) });
    const edited = await invest.patch(`/api/v1/opportunities/${item.id}`, { contactPhone: '0531-85900000', version: item.version });
    expect(edited.statusCode, edited.body).toBe(200);
    item = await move(await move(edited.json(), 'submit'), 'publish');
    expect(item).toMatchObject({ status: 'published', public: true, returnReason: null, publishedAt: expect.any(String) });
    expect((await lastAuditEvent(t().database, 'opportunities.publish', item.id))?.after).toEqual({ status: 'published' });
    item = await move(item, 'withdraw');
    expect(item.status).toBe('withdrawn');
    item = await move(item, 'redraft');
    expect(item.status).toBe('draft');
    expect((await lastAuditEvent(t().database, 'opportunities.redraft', item.id))?.before).toEqual({ status: 'withdrawn' });
  });

  it('refuses a move out of order (409 naming the state), a second click (409), an edit once published, and changes nothing', async () => {
    const item = await published();
    const again = await invest.post(`/api/v1/opportunities/${item.id}/publish`, { version: item.version });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'opportunity_wrong_state', message: expect.stringContaining('已发布') });
    const stale = await invest.post(`/api/v1/opportunities/${item.id}/withdraw`, { version: item.version - 1 });
    expect(errorOf(stale).code).toBe('version_conflict');
    const edit = await invest.patch(`/api/v1/opportunities/${item.id}`, { title: '改标题', version: item.version });
    expect(errorOf(edit).code).toBe('opportunity_wrong_state');
    const removed = await invest.delete(`/api/v1/opportunities/${item.id}`);
    expect(errorOf(removed).code).toBe('opportunity_wrong_state');
    const [row] = await t().database.db.select().from(opportunities).where(eq(opportunities.id, item.id));
    expect(row).toMatchObject({ status: 'published', title: item.title, version: item.version });
  });

  it('keeps another district’s list apart: its people see none of this one (404, absent)', async () => {
    const item = await create();
    expect((await otherDistrict.get(`/api/v1/opportunities/${item.id}`)).statusCode).toBe(404);
    expect((await otherDistrict.post(`/api/v1/opportunities/${item.id}/submit`, { version: 1 })).statusCode).toBe(404);
    const list = (await otherDistrict.get('/api/v1/opportunities?pageSize=200')).json();
    expect(list.items.map((i: Item) => i.id)).not.toContain(item.id);
  });

  it('deletes a draft, audited', async () => {
    const item = await create();
    expect((await invest.delete(`/api/v1/opportunities/${item.id}`)).statusCode).toBe(200);
    expect((await invest.get(`/api/v1/opportunities/${item.id}`)).statusCode).toBe(404);
    expect((await lastAuditEvent(t().database, 'opportunities.delete', item.id))?.before).toMatchObject({ title: item.title });
  });

  it('shows the public only published, unexpired items and only their public fields; everything else is the same 404', async () => {
    const visible = await published({ title: `公开机会${uniqueSuffix()}` });
    const expired = await published({ validFrom: addDays(today(), -60), validTo: addDays(today(), -1) });
    const withdrawn = await move(await published(), 'withdraw');
    const draft = await create();
    const inReview = await move(await create(), 'submit');
    const returned = await move(await move(await create(), 'submit'), 'return', { reason: '请补充面积' });
    const site = anonymous(t().app);

    const list = await site.get('/api/v1/public/opportunities?pageSize=100');
    expect(list.statusCode).toBe(200);
    const page = list.json() as { items: Record<string, unknown>[]; total: number };
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_OPPORTUNITY_FIELDS);
    expect(Object.keys(page).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    const shown = page.items.map((i) => i.id);
    expect(shown).toContain(visible.publicId);
    for (const hidden of [expired, withdrawn, draft, inReview, returned]) {
      expect(shown).not.toContain(hidden.publicId);
      expect(shown).not.toContain(hidden.id);
    }
    // No internal id, author or reviewer anywhere in the text.
    for (const secret of [visible.id, 'reviewedBy', 'createdBy', 'status', 'version', '陈静（投资促进中心）'])
      expect(list.body).not.toContain(secret);

    const one = await site.get(`/api/v1/public/opportunities/${visible.publicId}`);
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json()).sort()).toEqual(PUBLIC_OPPORTUNITY_FIELDS);
    expect(one.json()).toMatchObject({ id: visible.publicId, title: visible.title });

    const notFound = async (id: string) => {
      const response = await site.get(`/api/v1/public/opportunities/${id}`);
      const { requestId: _, ...error } = (response.json() as { error: Record<string, unknown> }).error;
      return { status: response.statusCode, error, cache: response.headers['cache-control'] ?? null };
    };
    const reference = await notFound(randomUUID());
    expect(reference.status).toBe(404);
    const probes = [
      ...[expired, withdrawn, draft, inReview, returned].flatMap((item) => [item.publicId, item.id]),
      visible.id,
      randomUUID(),
      'not-a-uuid',
      `${visible.publicId}x`,
    ];
    for (const probe of probes) expect(await notFound(probe), probe).toEqual(reference);
  });

  it('answers with an ETag and Cache-Control public, a 304 to a client that has it, and follows a change at once', async () => {
    const item = await published();
    const site = anonymous(t().app);
    const first = await site.get('/api/v1/public/opportunities');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await site.get('/api/v1/public/opportunities', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await move(item, 'withdraw');
    const after = await site.get('/api/v1/public/opportunities', { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(item.publicId);
  });

  it('hands a script in the text back as text, as typed (JSON, never HTML)', async () => {
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const item = await published({ title: `${script}${uniqueSuffix()}`, description: script });
    const one = await anonymous(t().app).get(`/api/v1/public/opportunities/${item.publicId}`);
    expect(one.headers['content-type']).toMatch(/^application\/json/);
    expect(one.json().description).toBe(script);
    expect(one.headers['content-security-policy']).toContain("script-src 'self'");
  });
});

describeEachDatabase(
  'public opportunities under a flood',
  (t) => {
    it('answers 429 with Retry-After once an address passes its limit, while another address is still served', async () => {
      const flood = async (remoteAddress: string) => {
        const statuses: number[] = [];
        let retryAfter: string | undefined;
        for (let i = 0; i < 8; i++) {
          const response = await t().app.inject({ method: 'GET', url: '/api/v1/public/opportunities', remoteAddress });
          statuses.push(response.statusCode);
          if (response.statusCode === 429) retryAfter = String(response.headers['retry-after']);
        }
        return { statuses, retryAfter };
      };
      const { statuses, retryAfter } = await flood('203.0.113.7');
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      const other = await t().app.inject({ method: 'GET', url: '/api/v1/public/opportunities', remoteAddress: '203.0.113.8' });
      expect(other.statusCode).toBe(200);
      const limited = await t().app.inject({ method: 'GET', url: '/api/v1/public/opportunities', remoteAddress: '203.0.113.7' });
      expect(limited.json().error.code).toBe('rate_limited');
    });
  },
  { publicRateLimit: 5 },
);
