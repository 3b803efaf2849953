import { idParam } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { type MessageKey, translate } from '../../lib/messages';
import { fileResponse, sendDownload } from '../../lib/download';
import { DOCX_CONTENT_TYPE, buildProjectSummaryDocx } from './summary-docx';
import { loadProjectSummary } from './summary-data';

/** The one-page Word 项目简介 of a project, for printing and for the leaders' folders. */
export function briefRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/summary.docx',
    {
      schema: {
        tags: ['projects'],
        summary: "Download a project's one-page summary (项目简介) as .docx",
        params: idParam,
        response: { 200: fileResponse(DOCX_CONTENT_TYPE, 'The summary document'), ...errorResponses },
      },
      config: { access: 'project.export' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const { locale } = request;
      const data = await loadProjectSummary(db, actor, request.params.id, locale);
      if (!data) throw notFound();
      const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
      const body = await buildProjectSummaryDocx(data, t, locale);
      return sendDownload(reply, {
        body,
        fileName: `${t('export.file.summary')}-${data.project.name}.docx`,
        asciiFallback: `project-summary-${data.project.code ?? data.project.id}.docx`,
        contentType: DOCX_CONTENT_TYPE,
      });
    },
  );
}
