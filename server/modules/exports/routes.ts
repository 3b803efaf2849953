import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { todayInChina } from '../../../common/domain/dates';
import { enterpriseExportQuery } from '../../../common/schemas/enterprises';
import { projectExportQuery } from '../../../common/schemas/exports';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { type MessageKey, translate } from '../../lib/messages';
import { districtCustomFields } from '../custom-fields';
import { enterpriseColumns, projectSheetColumns } from '../imports';
import { loadLookups } from '../imports';
import { writeLedger } from './ledger';
import { writeProjectList } from './list-export';
import { enterpriseBatches, enterpriseCellValue } from './enterprise-export';
import { sendRecordSheet } from '../../lib/spreadsheets/record-sheet';
import { XLSX_CONTENT_TYPE } from '../../lib/spreadsheets/workbook';
import { fileResponse, sendDownload } from '../../lib/download';
import { actorHomeRegion } from '../regions';
import { ledgerHeading } from './ledger-heading';
import { ledgerBatches } from './ledger-rows';
import { listExportBatches } from './list-rows';

const tags = ['projects'];

/** Runs a writer into the download's body; a failure mid-way is logged and cuts the download short. */
function streamInto(request: FastifyRequest, body: PassThrough, writing: Promise<void>) {
  writing.catch((error: unknown) => {
    request.log.error({ err: error }, 'export failed while streaming');
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
}

/** Spreadsheet downloads of the project library: the filtered list (re-importable) and the circulated ledger. */
export function exportRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/enterprises/export.xlsx',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Download the filtered enterprise register as .xlsx, in the columns its import reads back',
        querystring: enterpriseExportQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The enterprises sheet'), ...errorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const district = await actorHomeRegion(db, actor);
      const lookups = await loadLookups(db, district);
      const today = todayInChina();
      return sendRecordSheet(request, reply, {
        batches: enterpriseBatches(db, actor, request.query),
        columns: enterpriseColumns,
        lookups,
        cellValue: enterpriseCellValue,
        sheetName: translate(request.locale, 'export.sheet.enterprises'),
        fileName: `${translate(request.locale, 'export.file.enterprises')}-${today}.xlsx`,
        asciiFallback: `enterprises-${today}.xlsx`,
      });
    },
  );

  app.get(
    '/api/v1/projects/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Download the filtered project list as .xlsx, in the columns the import reads back',
        querystring: projectExportQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The projects sheet'), ...errorResponses },
      },
      config: { access: 'project.export' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const t = (key: MessageKey) => translate(request.locale, key);
      const batches = listExportBatches(db, actor, request.query);
      const district = await actorHomeRegion(db, actor);
      const lookups = await loadLookups(db, district);
      const columns = await projectSheetColumns(db, district.code, request.locale);
      const today = todayInChina();
      const body = new PassThrough();
      const sheetName = t('export.sheet.list');
      streamInto(
        request,
        body,
        writeProjectList(body, { batches, columns, lookups, locale: request.locale, sheetName, warningHeader: t('export.col.warning') }),
      );
      const fileName = `${t('export.file.list')}-${today}.xlsx`;
      return sendDownload(reply, { body, fileName, asciiFallback: `projects-${today}.xlsx`, contentType: XLSX_CONTENT_TYPE });
    },
  );

  app.get(
    '/api/v1/projects/ledger.xlsx',
    {
      schema: {
        tags,
        summary: "Download the year's key-projects ledger (推进台账) as .xlsx, in the layout officials circulate",
        querystring: projectExportQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The ledger workbook'), ...errorResponses },
      },
      config: { access: 'project.export' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const { locale } = request;
      const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
      const today = todayInChina();
      const year = request.query.year ?? Number(today.slice(0, 4));
      const district = await actorHomeRegion(db, actor);
      const heading = ledgerHeading({
        regionName: district.name,
        year,
        today,
        title: (region, y) => t('ledger.title', { region, year: y }),
      });
      const batches = ledgerBatches(db, actor, request.query, { year, throughMonth: heading.throughMonth });
      const body = new PassThrough();
      const customFields = await districtCustomFields(db, district.code);
      streamInto(request, body, writeLedger(body, { heading, batches, customFields, text: { locale, t } }));
      const fileName = `${t('export.file.ledger')}-${today}.xlsx`;
      return sendDownload(reply, { body, fileName, asciiFallback: `ledger-${today}.xlsx`, contentType: XLSX_CONTENT_TYPE });
    },
  );
}
