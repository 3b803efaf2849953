import type { z } from 'zod';
import type { GateConfigView, gateConfigBody } from '../../../../../common/schemas/projects';
import { api } from '../../../lib/api-client';

export type { GateConfigView };
export type GateConfigBody = z.input<typeof gateConfigBody>;

export const gatesApi = {
  get: (signal?: AbortSignal) => api.get<GateConfigView>('/project-gates', undefined, { signal }),
  update: (body: GateConfigBody) => api.put<GateConfigView>('/project-gates', body),
};
