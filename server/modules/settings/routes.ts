import { settingsSchema, settingsUpdateBody } from '../../../common/schemas/reference';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { presentSettings } from './presenter';
import { findSettings } from './repository';
import { updateSettings } from './service';

const tags = ['settings'];

/** Instance-wide settings (session timeouts, sign-in lockout), one row the administrator edits. */
export function settingsRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/settings',
    {
      schema: { tags, summary: 'The instance settings', response: { 200: settingsSchema, ...errorResponses } },
      config: { access: 'setting.read' },
    },
    async () => presentSettings(await findSettings(db)),
  );

  app.patch(
    '/api/v1/settings',
    {
      schema: {
        tags,
        summary: 'Change some settings (send their version)',
        body: settingsUpdateBody,
        response: { 200: settingsSchema, ...errorResponses },
      },
      config: { access: 'setting.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateSettings({ ctx, tx, input: request.body }));
      return presentSettings(row);
    },
  );
}
