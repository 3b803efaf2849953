import { todayInChina } from '../../../common/domain/dates';
import { annualPlanTableQuery, annualPlanTableSchema } from '../../../common/schemas/annual-plan-table';
import { fileResponse, sendDownload } from '../../lib/download';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { type MessageKey, translate } from '../../lib/messages';
import { XLSX_CONTENT_TYPE } from '../../lib/spreadsheets/workbook';
import { annualPlanTable } from './annual-plan-table';
import { annualPlanWorkbook } from './annual-plan-table-xlsx';

const tags = ['annual plans'];
const thisYear = () => Number(todayInChina().slice(0, 4));

/** The district's annual plan of a year (年度投资计划): the page's figures and the same as a workbook. */
export function annualPlanTableRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/annual-plans',
    {
      schema: {
        tags,
        summary:
          "The year's annual plans of the reader's scope (the project list's condition with the year, as the ledger): every project " +
          'with a plan (current version, frozen baseline, change, months), sums by lead unit, category, month and in all, and the ' +
          'projects that owe a plan and have none (未填报) by lead unit',
        querystring: annualPlanTableQuery,
        response: { 200: annualPlanTableSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      return annualPlanTable(db, actor, { ...request.query, year: request.query.year ?? thisYear() }, request.locale);
    },
  );

  app.get(
    '/api/v1/annual-plans/export.xlsx',
    {
      schema: {
        tags,
        summary:
          'Download the same year as .xlsx: by project (months 1–12), by lead unit, by category, each with its total, and 未填报; ' +
          'A3 landscape fitted to the width, the header repeated on every page',
        querystring: annualPlanTableQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The annual-plan workbook'), ...errorResponses },
      },
      config: { access: 'project.export' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const { locale } = request;
      const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
      const year = request.query.year ?? thisYear();
      const table = await annualPlanTable(db, actor, { ...request.query, year }, locale);
      const today = todayInChina();
      const body = await annualPlanWorkbook(table, { locale, t, asOf: today });
      const fileName = `${t('annualPlanTable.file')}-${year}-${today}.xlsx`;
      return sendDownload(reply, { body, fileName, asciiFallback: `annual-plan-${year}-${today}.xlsx`, contentType: XLSX_CONTENT_TYPE });
    },
  );
}
