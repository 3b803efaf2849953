import { idParam, okSchema } from '../../../common/schemas/shared';
import {
  enterpriseLandFiguresSchema,
  landByDistrictQuery,
  landByDistrictSchema,
  landFiguresBody,
  landFiguresSchema,
  landTableQuery,
  landTableSchema,
  landYearParam,
  thresholdsBody,
  thresholdsListSchema,
  thresholdsParam,
  thresholdsQuery,
  thresholdsSchema,
} from '../../../common/schemas/land-efficiency';
import { type App, type Deps, errorResponses, ruleErrorResponses } from '../../lib/http';
import { translate } from '../../lib/messages';
import { recordSheetResponse, sendRecordSheet } from '../../lib/spreadsheets/record-sheet';
import { landTableExportColumns, loadLookups } from '../imports';
import { landByDistrict } from './by-district';
import { landAbilities } from './policy';
import { presentFigures, presentThresholds } from './presenter';
import { thresholdsYears } from './repository';
import { landTableCellValue } from './export';
import { deleteLandFigures, districtLandTable, enterpriseYears, landDistrict, saveLandFigures, saveThresholds } from './service';

const tags = ['land-efficiency'];

/** 亩均效益: an enterprise's yearly figures, the district's year table with classes, and the district's thresholds. */
export function landEfficiencyRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/enterprises/:id/land-figures',
    {
      schema: {
        tags,
        summary: "An enterprise's 亩均效益 years, newest first, each with tax and output per 亩 and its class by the district's thresholds",
        params: idParam,
        response: { 200: enterpriseLandFiguresSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request) => {
      const ctx = request.context();
      const { years, notApplicable } = await enterpriseYears(db, ctx, request.params.id);
      return {
        items: years.map(({ row, ...evaluated }) => presentFigures(row, evaluated)),
        notApplicable,
        abilities: landAbilities(ctx.actor),
      };
    },
  );

  app.put(
    '/api/v1/enterprises/:id/land-figures/:year',
    {
      schema: {
        tags,
        summary:
          "Enter or correct an enterprise's figures for a year (land 亩 > 0, tax and output 元, energy 吨标准煤): only a local " +
          'industrial enterprise (422 enterprise_not_local / enterprise_not_industrial); a year already entered needs its version',
        params: landYearParam,
        body: landFiguresBody,
        response: { 200: landFiguresSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, year } = request.params;
      const { row, ...evaluated } = await db.transaction((tx) => saveLandFigures({ ctx, tx, id, year, input: request.body }));
      return presentFigures(row, evaluated);
    },
  );

  app.delete(
    '/api/v1/enterprises/:id/land-figures/:year',
    {
      schema: {
        tags,
        summary: "Remove an enterprise's figures of a year",
        params: landYearParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, year } = request.params;
      await db.transaction((tx) => deleteLandFigures({ ctx, tx, id, year }));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/land-efficiency',
    {
      schema: {
        tags,
        summary:
          "A district's 亩均效益 year: its local industrial enterprises with figures, per-亩 values and class, counts per class, " +
          'those without figures; landClass filters, sort by class, taxPerMu, outputPerMu, outputPerTce, landMu or name',
        querystring: landTableQuery,
        response: { 200: landTableSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request) => {
      const ctx = request.context();
      const table = await districtLandTable(db, ctx, request.query);
      return {
        year: request.query.year,
        regionCode: table.district.code,
        regionName: table.district.name,
        thresholds: table.thresholds ? presentThresholds(table.thresholds) : null,
        counts: table.counts,
        items: table.rows.map((r) => ({
          enterpriseId: r.enterpriseId,
          name: r.name,
          industryName: r.industryName,
          ...r.figures,
          taxWanPerMu: r.taxWanPerMu,
          outputWanPerMu: r.outputWanPerMu,
          outputWanPerTce: r.outputWanPerTce,
          landClass: r.landClass,
        })),
        missing: table.missing.map((m) => ({ enterpriseId: m.enterpriseId, name: m.name, industryName: m.industryName })),
        abilities: landAbilities(ctx.actor),
      };
    },
  );

  app.get(
    '/api/v1/land-efficiency/by-district',
    {
      schema: {
        tags,
        summary:
          "The districts' 亩均效益 year side by side, for a city or province reader (his region, or a city or district in it " +
          "named by regionCode): per district the count per class by the district's own thresholds (shown), the enterprises " +
          'without figures, Σ land and Σ tax ÷ Σ land, Σ output ÷ Σ land; and the total. A district reader gets his own district only',
        querystring: landByDistrictQuery,
        response: { 200: landByDistrictSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request) => landByDistrict(db, request.context(), request.query),
  );

  app.get(
    '/api/v1/land-efficiency/export.xlsx',
    {
      schema: {
        tags,
        summary:
          "Download a district's 亩均效益 year as .xlsx (the table's filter and order): the import's columns (enterprise, credit code, " +
          'year, 亩, tax, output, energy) then the class and per-亩 values; it imports back as no change',
        querystring: landTableQuery,
        response: { 200: recordSheetResponse('The 亩均效益 sheet'), ...errorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request, reply) => {
      const ctx = request.context();
      // Read whole before the first byte: a district out of reach is a 404, not a cut download.
      const table = await districtLandTable(db, ctx, request.query);
      const lookups = await loadLookups(db, table.district);
      const { year } = request.query;
      const rows = table.rows.map((row) => ({ ...row, year }));
      return sendRecordSheet(request, reply, {
        batches: (async function* () {
          yield rows;
        })(),
        columns: landTableExportColumns,
        lookups,
        cellValue: landTableCellValue,
        sheetName: translate(request.locale, 'landEfficiency.export.sheet'),
        fileName: `${translate(request.locale, 'landEfficiency.export.file')}-${table.district.name}-${year}.xlsx`,
        asciiFallback: `land-efficiency-${table.district.code}-${year}.xlsx`,
      });
    },
  );

  app.get(
    '/api/v1/land-efficiency/thresholds',
    {
      schema: {
        tags,
        summary:
          "A district's 亩均效益 thresholds, every year set, newest first (the reader's district unless regionCode names one in reach)",
        querystring: thresholdsQuery,
        response: { 200: thresholdsListSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request) => {
      const ctx = request.context();
      const district = await landDistrict(db, ctx, request.query.regionCode);
      const rows = await thresholdsYears(db, district.code);
      return { items: rows.map(presentThresholds), abilities: landAbilities(ctx.actor) };
    },
  );

  app.put(
    '/api/v1/land-efficiency/thresholds/:year',
    {
      schema: {
        tags,
        summary:
          "Set or change a district's thresholds for a year: the minimum tax and output per 亩 (万元/亩) of A, B and C, A ≥ B ≥ C; " +
          'changing them needs the version read',
        params: thresholdsParam,
        body: thresholdsBody,
        response: { 200: thresholdsSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => saveThresholds({ ctx, tx, year: request.params.year, input: request.body }));
      return presentThresholds(row);
    },
  );
}
