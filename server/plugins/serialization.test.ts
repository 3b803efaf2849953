import Fastify from 'fastify';
import { type ZodType, z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { leadSchema } from '../../common/schemas/leads';
import { errorSchema, pageOf } from '../../common/schemas/shared';
import { registerErrorHandler } from './errors';
import { exactJsonSchema } from './response-json-schema';
import { serializerCompiler } from './serialization';

const lead = {
  id: 'c1a1b6a4-5e0e-4b43-9f5e-0d4b7c1f2a10',
  regionCode: '370105',
  name: '智能装备产业项目',
  enterprise: { id: 'e1', name: '济南某装备有限公司', uscc: '91370100MA3C000000' },
  method: 'fair',
  event: null,
  referrer: null,
  owner: { id: 'u1', name: '王五', passwordHash: '$argon2id$…' },
  unit: { id: 'n1', name: '投资促进中心' },
  leader: null,
  estimatedInvestmentYuan: 120_000_000,
  outOfCityPercent: 50,
  outOfProvincePercent: 20,
  foreignPercent: 0,
  landMu: 30.5,
  spaceM2: null,
  industryCode: '34',
  industryName: '通用设备制造业',
  chainCode: null,
  chainName: null,
  chainNodeId: null,
  chainNode: null,
  notes: '引号 " 反斜杠 \\ 换行\n',
  stage: 'negotiating',
  stageOn: '2026-11-02',
  receivedOn: '2026-10-01',
  lastContactOn: null,
  droppedReason: null,
  contractValueYuan: null,
  contractDate: null,
  project: null,
  overdue: [{ clock: 'follow_up', dueOn: '2026-11-16', daysOverdue: 21, internalNote: 'x' }],
  nextStages: ['signed', 'dropped'],
  createdAt: '2026-10-01T02:00:00.000Z',
  updatedAt: '2026-11-02T02:00:00.000Z',
  version: 3,
  abilities: { update: true, move: true, followUp: true, sign: true },
  unitPath: '/1/2/',
};

/** A bare Fastify with the app's serializer and error handler; each route answers what the test gives it. */
function appAnswering(routes: { url: string; schema: ZodType; answer: () => unknown }[]) {
  const app = Fastify();
  app.decorateRequest('locale', 'en-US');
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, { webPage: false });
  for (const route of routes) {
    app.get(route.url, { schema: { response: { 200: route.schema, 400: errorSchema } } }, async () => route.answer());
  }
  return app;
}

const leadPage = pageOf(leadSchema);
const strict = z.strictObject({ name: z.string() });
const refined = z.object({ code: z.string().refine((code) => code.startsWith('37'), 'a Shandong code') });
const codec = z.object({ at: z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() }) });
const tuples = z.object({ centre: z.tuple([z.number(), z.number()]).nullable(), counts: z.partialRecord(z.enum(['a', 'b']), z.int()) });

let answer: unknown;
const app = appAnswering([
  { url: '/lead-page', schema: leadPage, answer: () => answer },
  { url: '/strict', schema: strict, answer: () => answer },
  { url: '/refined', schema: refined, answer: () => answer },
  { url: '/codec', schema: codec, answer: () => answer },
  { url: '/tuples', schema: tuples, answer: () => answer },
]);
afterAll(() => app.close());

const get = async (url: string, body: unknown) => {
  answer = body;
  return app.inject({ method: 'GET', url });
};

describe('the response serializer', () => {
  it('sends only the fields the schema declares, at every depth, as zod would', async () => {
    expect(exactJsonSchema(leadPage)).not.toBeNull(); // the compiled path, not zod's
    const page = { items: [lead, lead], total: 2, page: 1, pageSize: 20, abilities: { create: true }, sql: 'select *' };
    const response = await get('/lead-page', page);
    expect(response.statusCode).toBe(200);
    const sent = response.json();
    expect(sent).toEqual(z.encode(leadPage, page as never));
    expect(sent).not.toHaveProperty('sql');
    expect(sent.items[0]).not.toHaveProperty('unitPath');
    expect(sent.items[0].owner).toEqual({ id: 'u1', name: '王五' });
    expect(sent.items[0].enterprise).not.toHaveProperty('uscc');
    expect(sent.items[0].overdue[0]).not.toHaveProperty('internalNote');
    expect(response.body).not.toContain('argon2');
  });

  it('refuses an answer that breaks its schema with a 500 in the usual error shape, as before', async () => {
    const { version: _, ...withoutVersion } = lead;
    for (const broken of [
      { ...lead, stage: 'celebrating' },
      withoutVersion,
      { ...lead, version: 3.5 },
      { ...lead, estimatedInvestmentYuan: Number.NaN },
      { ...lead, owner: null },
    ]) {
      const response = await get('/lead-page', { items: [broken], total: 1, page: 1, pageSize: 20, abilities: { create: true } });
      expect(response.statusCode).toBe(500);
      expect(response.json().error).toMatchObject({ code: 'internal' });
      expect(response.body).not.toContain('智能装备');
    }
  });

  it('keeps what only zod can check: strict objects, refinements, codecs', async () => {
    expect((await get('/strict', { name: 'a', extra: 1 })).statusCode).toBe(500);
    expect((await get('/strict', { name: 'a' })).json()).toEqual({ name: 'a' });
    expect(exactJsonSchema(refined)).toBeNull();
    expect((await get('/refined', { code: '110105' })).statusCode).toBe(500);
    expect((await get('/refined', { code: '370105', extra: 1 })).json()).toEqual({ code: '370105' });
    expect(exactJsonSchema(codec)).toBeNull();
    expect((await get('/codec', { at: new Date('2026-12-07T08:00:00Z') })).json()).toEqual({ at: '2026-12-07T08:00:00.000Z' });
  });

  it('writes tuples, nullable values and records as zod does, and refuses keys a record does not allow', async () => {
    expect(exactJsonSchema(tuples)).not.toBeNull();
    expect((await get('/tuples', { centre: [117.1, 36.6], counts: { a: 2 } })).json()).toEqual({ centre: [117.1, 36.6], counts: { a: 2 } });
    expect((await get('/tuples', { centre: null, counts: {} })).json()).toEqual({ centre: null, counts: {} });
    expect((await get('/tuples', { centre: [1, 2, 3], counts: {} })).statusCode).toBe(500);
    expect((await get('/tuples', { centre: null, counts: { c: 1 } })).statusCode).toBe(500);
  });
});
