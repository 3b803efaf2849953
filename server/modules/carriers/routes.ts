import {
  buildingCreateBody,
  buildingSchema,
  buildingUpdateBody,
  matchQuery,
  matchSchema,
  parcelCreateBody,
  parcelExportQuery,
  parcelListQuery,
  parcelSchema,
  parcelStatusBody,
  parcelUpdateBody,
  parkCreateBody,
  parkListQuery,
  parkSchema,
  parkUpdateBody,
} from '../../../common/schemas/carriers';
import { idParam, okSchema, pageOf } from '../../../common/schemas/shared';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses, ruleErrorResponses } from '../../lib/http';
import { translate } from '../../lib/messages';
import { recordSheetResponse, sendRecordSheet } from '../../lib/spreadsheets/record-sheet';
import { todayInChina } from '../../../common/domain/dates';
import { loadLookups, parcelExportColumns } from '../imports';
import { actorHomeRegion } from '../regions';
import { parcelCellValue } from './export';
import { matchCarriers } from './match';
import { carrierListAbilities } from './policy';
import { presentBuilding, presentParcel, presentPark } from './presenter';
import { buildingsOfParks, findParcel, findPark, listParcels, listParks, parcelBatches } from './repository';
import {
  changeParcelStatus,
  createBuilding,
  createParcel,
  createPark,
  deleteBuilding,
  deleteParcel,
  deletePark,
  updateBuilding,
  updateParcel,
  updatePark,
} from './service';

const tags = ['carriers'];

async function wholePark(db: Executor, actor: Actor, id: string) {
  const row = await findPark(db, actor, id);
  if (!row) throw notFound();
  return presentPark(actor, row, await buildingsOfParks(db, [id]));
}

async function oneParcel(db: Executor, actor: Actor, id: string) {
  const row = await findParcel(db, actor, id);
  if (!row) throw notFound();
  return presentParcel(actor, row);
}

/** Carriers (载体): parks with their buildings, land parcels with their status and 标准地 standards, and matching a need. */
export function carrierRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/parks',
    {
      schema: {
        tags,
        summary: 'The parks of the districts in reach (by cluster, then name), each with its buildings and totals; q by name, clusterCode',
        querystring: parkListQuery,
        response: { 200: pageOf(parkSchema), ...ruleErrorResponses },
      },
      config: { access: 'carrier.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listParks(db, actor, request.query);
      const all = await buildingsOfParks(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) =>
          presentPark(
            actor,
            row,
            all.filter((b) => b.parkId === row.id),
          ),
        ),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: carrierListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/parks/:id',
    {
      schema: { tags, summary: 'One park with its buildings', params: idParam, response: { 200: parkSchema, ...ruleErrorResponses } },
      config: { access: 'carrier.read' },
    },
    async (request) => wholePark(db, request.context().actor, request.params.id),
  );

  app.post(
    '/api/v1/parks',
    {
      schema: {
        tags,
        summary: 'Add a park (cluster and leading industries from their dictionaries; the outline a closed GeoJSON polygon)',
        body: parkCreateBody,
        response: { 201: parkSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createPark({ ctx, tx, input: request.body }));
      return reply.code(201).send(await wholePark(db, ctx.actor, row.id));
    },
  );

  app.patch(
    '/api/v1/parks/:id',
    {
      schema: {
        tags,
        summary: 'Edit a park at the version read',
        params: idParam,
        body: parkUpdateBody,
        response: { 200: parkSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      await db.transaction((tx) => updatePark({ ctx, tx, id: request.params.id, input: request.body }));
      return wholePark(db, ctx.actor, request.params.id);
    },
  );

  app.delete(
    '/api/v1/parks/:id',
    {
      schema: {
        tags,
        summary: 'Remove a park with its buildings (its parcels stay)',
        params: idParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deletePark({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/parks/:id/buildings',
    {
      schema: {
        tags,
        summary:
          'Add a building to a park: floors, total and vacant floor area (m²; vacant more than total is a 400 on vacantAreaM2), rent 元/m²/day',
        params: idParam,
        body: buildingCreateBody,
        response: { 201: buildingSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createBuilding({ ctx, tx, parkId: request.params.id, input: request.body }));
      return reply.code(201).send(presentBuilding(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/buildings/:id',
    {
      schema: {
        tags,
        summary: 'Edit a building at the version read (vacant area at most total)',
        params: idParam,
        body: buildingUpdateBody,
        response: { 200: buildingSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateBuilding({ ctx, tx, id: request.params.id, input: request.body }));
      return presentBuilding(ctx.actor, row);
    },
  );

  app.delete(
    '/api/v1/buildings/:id',
    {
      schema: { tags, summary: 'Remove a building', params: idParam, response: { 200: okSchema, ...ruleErrorResponses } },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteBuilding({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/parcels',
    {
      schema: {
        tags,
        summary:
          'The land parcels of the districts in reach, by number; filters status, plannedUse (comma-separated), parkId, standard (true: 标准地 only), q',
        querystring: parcelListQuery,
        response: { 200: pageOf(parcelSchema), ...ruleErrorResponses },
      },
      config: { access: 'carrier.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listParcels(db, actor, request.query);
      return {
        items: rows.map((row) => presentParcel(actor, row)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: carrierListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/parcels/export.xlsx',
    {
      schema: {
        tags,
        summary:
          'Download the parcels the list shows as .xlsx (its filters; every match, no paging), in the columns the parcels import ' +
          'reads back (status and 标准地 standards included, outlines not), then the project a supplied parcel went to (供地项目)',
        querystring: parcelExportQuery,
        response: { 200: recordSheetResponse('The parcels sheet'), ...errorResponses },
      },
      config: { access: 'carrier.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const today = todayInChina();
      // Checked before the first byte (an unknown sort is a 400, not a cut download).
      const batches = parcelBatches(db, actor, request.query);
      const lookups = await loadLookups(db, await actorHomeRegion(db, actor));
      return sendRecordSheet(request, reply, {
        batches,
        columns: parcelExportColumns,
        lookups,
        cellValue: parcelCellValue,
        sheetName: translate(request.locale, 'export.sheet.parcels'),
        fileName: `${translate(request.locale, 'export.file.parcels')}-${today}.xlsx`,
        asciiFallback: `parcels-${today}.xlsx`,
      });
    },
  );

  app.get(
    '/api/v1/parcels/:id',
    {
      schema: { tags, summary: 'One land parcel', params: idParam, response: { 200: parcelSchema, ...ruleErrorResponses } },
      config: { access: 'carrier.read' },
    },
    async (request) => oneParcel(db, request.context().actor, request.params.id),
  );

  app.post(
    '/api/v1/parcels',
    {
      schema: {
        tags,
        summary: 'Add a land parcel (亩, planned use, reserve or available, optional 标准地 standards and outline)',
        body: parcelCreateBody,
        response: { 201: parcelSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createParcel({ ctx, tx, input: request.body }));
      return reply.code(201).send(presentParcel(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/parcels/:id',
    {
      schema: {
        tags,
        summary: 'Edit a parcel at the version read (a supplied parcel keeps its number, area and use)',
        params: idParam,
        body: parcelUpdateBody,
        response: { 200: parcelSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateParcel({ ctx, tx, id: request.params.id, input: request.body }));
      return presentParcel(ctx.actor, row);
    },
  );

  app.delete(
    '/api/v1/parcels/:id',
    {
      schema: { tags, summary: 'Remove a parcel', params: idParam, response: { 200: okSchema, ...ruleErrorResponses } },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteParcel({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/parcels/:id/status',
    {
      schema: {
        tags,
        summary:
          'Move a parcel one step: reserve → available, or available → supplied with the projectId that received it (and suppliedOn, ' +
          'today by default). Supplied twice: 409 parcel_already_supplied; out of order: 409 parcel_wrong_status',
        params: idParam,
        body: parcelStatusBody,
        response: { 200: parcelSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => changeParcelStatus({ ctx, tx, id: request.params.id, input: request.body }));
      return presentParcel(ctx.actor, row);
    },
  );

  app.get(
    '/api/v1/carriers/match',
    {
      schema: {
        tags,
        summary:
          'Rank the free parcels (亩) and buildings (m² vacant) in reach that fit a need, with the reasons in words: landMu and/or ' +
          'floorAreaM2 (one needed), use, industry (industry_chain code), investmentWan (checked against 标准地 intensity), maxRentYuan, limit',
        querystring: matchQuery,
        response: { 200: matchSchema, ...ruleErrorResponses },
      },
      config: { access: 'carrier.read' },
    },
    async (request) => matchCarriers(db, request.context().actor, request.query),
  );
}
