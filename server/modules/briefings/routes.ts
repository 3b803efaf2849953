import { briefingMonthQuery } from '../../../common/schemas/briefings';
import { DOCX_CONTENT_TYPE, fileResponse, sendDownload } from '../../lib/download';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { type MessageKey, translate } from '../../lib/messages';
import { loadMonthlyBriefing } from './data';
import { buildBriefingDocx } from './docx';

/** The month's 通报 of the project office's district, as Word, to send round. */
export function briefingRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/briefings/monthly',
    {
      schema: {
        tags: ['briefings'],
        summary:
          "Download the month's 通报 of the reader's district as .docx: totals, indicators, units against time, red and yellow projects, overdue matters, units not reported",
        querystring: briefingMonthQuery,
        response: { 200: fileResponse(DOCX_CONTENT_TYPE, 'The briefing document'), ...errorResponses },
      },
      // The project office's: it sets the year's targets and sends the 通报 round.
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const { locale } = request;
      const { year, month } = request.query;
      const briefing = await loadMonthlyBriefing(db, actor, year, month);
      const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
      const body = await buildBriefingDocx(briefing, t, locale);
      return sendDownload(reply, {
        body,
        fileName: `${t('briefing.file', { district: briefing.district.name, year, month })}.docx`,
        asciiFallback: `briefing-${briefing.district.code}-${year}-${String(month).padStart(2, '0')}.docx`,
        contentType: DOCX_CONTENT_TYPE,
      });
    },
  );
}
