import type { z } from 'zod';
import type { ApiToken, apiTokenCreateBody } from '../../../../../common/schemas/auth';
import { api } from '../../../lib/api-client';

export type ApiTokenCreateBody = z.input<typeof apiTokenCreateBody>;
/** The secret comes back once, at creation. */
export type CreatedApiToken = { token: string; apiToken: ApiToken };

export const tokensApi = {
  list: (signal?: AbortSignal) => api.get<{ items: ApiToken[] }>('/auth/tokens', undefined, { signal }),
  create: (body: ApiTokenCreateBody) => api.post<CreatedApiToken>('/auth/tokens', body),
  revoke: (id: string) => api.delete<ApiToken>(`/auth/tokens/${id}`),
};
