import type { z } from 'zod';
import type {
  planTemplateBody,
  planTemplateSchema,
  unboundMilestoneListSchema,
  unboundMilestoneSchema,
} from '../../../../../common/schemas/tracks';
import { api } from '../../../lib/api-client';

export type PlanTemplate = z.infer<typeof planTemplateSchema>;
export type TemplateItem = PlanTemplate['items'][number];
export type PlanTemplateBody = z.input<typeof planTemplateBody>;
export type UnboundMilestone = z.infer<typeof unboundMilestoneSchema>;
type UnboundList = z.infer<typeof unboundMilestoneListSchema>;

export const planTemplatesApi = {
  list: (signal?: AbortSignal) => api.get<{ items: PlanTemplate[] }>('/plan-templates', undefined, { signal }),
  update: (id: string, body: PlanTemplateBody) => api.put<PlanTemplate>(`/plan-templates/${id}`, body),
  unbound: (signal?: AbortSignal) => api.get<UnboundList>('/plans/unbound-milestones', undefined, { signal }),
  bind: (row: Pick<UnboundMilestone, 'projectId' | 'milestoneId' | 'projectVersion'>) =>
    api.post<UnboundList>(`/projects/${row.projectId}/plan/milestones/${row.milestoneId}/bind`, { version: row.projectVersion }),
};
