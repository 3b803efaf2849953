import type { z } from 'zod';
import type { Settings, settingsUpdateBody } from '../../../../../common/schemas/reference';
import { api } from '../../../lib/api-client';

export type SettingsUpdateBody = z.input<typeof settingsUpdateBody>;

export const settingsApi = {
  get: (signal?: AbortSignal) => api.get<Settings>('/settings', undefined, { signal }),
  update: (body: SettingsUpdateBody) => api.patch<Settings>('/settings', body),
};
