import { PassThrough } from 'node:stream';
import { briefingMonthQuery } from '../../../common/schemas/briefings';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { DOCX_CONTENT_TYPE, fileResponse, sendDownload } from '../../lib/download';
import { AppError } from '../../lib/errors';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { type MessageKey, translate } from '../../lib/messages';
import { XLSX_CONTENT_TYPE } from '../../lib/spreadsheets/workbook';
import { actorScoringRegion } from '../assessment';
import { loadCityBriefing } from './city-data';
import { citySections } from './city-sections';
import { loadMonthlyBriefing } from './data';
import { districtSections } from './district-sections';
import { sectionsDocument } from './docx';
import type { BriefingSection, Translate } from './sections';
import { writeBriefingWorkbook } from './xlsx';

type Briefing = {
  region: { code: string; name: string };
  head: { regionName: string; year: number; month: number; asOf: string; periodClosed: boolean };
  sections: BriefingSection[];
};

/**
 * The month's 通报 of the reader's region as sections, whatever it is laid out as: a district's (its units), or a
 * city's or province's (its districts side by side) — the region is the one the ranking is made for
 * (`actorScoringRegion`). A district's is the project office's (target.manage: it sets the targets and sends the 通报
 * round); a city's or province's any reader of its targets may download (the city user reads its districts).
 */
async function briefingOf(db: Executor, actor: Actor, year: number, month: number, t: Translate): Promise<Briefing> {
  const region = await actorScoringRegion(db, actor);
  if (!region) throw new AppError(422, 'no_district', 'briefing.no_district');
  if (region.level !== 'district') {
    const b = await loadCityBriefing(db, actor, region, year, month);
    const head = { regionName: region.name, year, month, asOf: b.asOf, periodClosed: b.periodClosed };
    return { region, head, sections: citySections(b, t, actor.locale) };
  }
  if (!actor.permissions.has('target.manage')) throw new AppError(403, 'forbidden', 'briefing.office_only');
  const b = await loadMonthlyBriefing(db, actor, year, month);
  const head = { regionName: b.district.name, year, month, asOf: b.asOf, periodClosed: b.periodClosed };
  return { region: b.district, head, sections: districtSections(b, t, actor.locale) };
}

const fileOf = (t: Translate, b: Briefing, extension: 'docx' | 'xlsx') => ({
  fileName: `${t('briefing.file', { district: b.region.name, year: b.head.year, month: b.head.month })}.${extension}`,
  asciiFallback: `briefing-${b.region.code}-${b.head.year}-${String(b.head.month).padStart(2, '0')}.${extension}`,
});

/** The month's 通报 of the reader's district, city or province, as Word to send round and as a workbook of its data. */
export function briefingRoutes(app: App, { db }: Deps) {
  const translator =
    (locale: Parameters<typeof translate>[0]): Translate =>
    (key: MessageKey, params?: Record<string, string | number>) =>
      translate(locale, key, params);

  app.get(
    '/api/v1/briefings/monthly',
    {
      schema: {
        tags: ['briefings'],
        summary:
          "Download the month's 通报 of the reader's district (or of his city or province, by district) as .docx: totals, indicators, completion against time, red and yellow projects, overdue matters, reports not made, ranking",
        querystring: briefingMonthQuery,
        response: { 200: fileResponse(DOCX_CONTENT_TYPE, 'The briefing document'), ...errorResponses },
      },
      // target.read at the door; a district's 通报 further needs target.manage (see briefingOf).
      config: { access: 'target.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const t = translator(request.locale);
      const briefing = await briefingOf(db, actor, request.query.year, request.query.month, t);
      const body = await sectionsDocument(briefing.head, t, briefing.sections);
      return sendDownload(reply, { body, ...fileOf(t, briefing, 'docx'), contentType: DOCX_CONTENT_TYPE });
    },
  );

  app.get(
    '/api/v1/briefings/monthly.xlsx',
    {
      schema: {
        tags: ['briefings'],
        summary:
          "Download the month's 通报 as .xlsx, the .docx's data: a first sheet with the sections' text, then a sheet per table, numbers as numbers",
        querystring: briefingMonthQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The briefing workbook'), ...errorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const t = translator(request.locale);
      // Everything is read before the first byte is sent: a refusal is an ordinary error answer.
      const briefing = await briefingOf(db, actor, request.query.year, request.query.month, t);
      const body = new PassThrough();
      const title = `${t('briefing.title', { district: briefing.region.name })} ${t('briefing.issue', { month: briefing.head.month })}`;
      writeBriefingWorkbook(body, title, briefing.sections, { overall: t('briefing.sheet.overall') }).catch((error: unknown) => {
        request.log.error({ err: error }, 'briefing workbook failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return sendDownload(reply, { body, ...fileOf(t, briefing, 'xlsx'), contentType: XLSX_CONTENT_TYPE });
    },
  );
}
