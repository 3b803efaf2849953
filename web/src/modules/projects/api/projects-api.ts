import type { z } from 'zod';
import type {
  gateCheckSchema,
  Pool,
  Project,
  ProjectListItem,
  ProjectTimeline,
  ProjectTotals,
  projectCreateBody,
  projectUpdateBody,
} from '../../../../../common/schemas/projects';
import type { CustomValue } from '../../../../../common/domain/custom-fields';
import { api } from '../../../lib/api-client';
import { customFilterParam } from '../../custom-fields/utils/custom-values';
import type { ListParams, Page } from '../../../lib/list';

export type { Project, ProjectListItem, ProjectTotals };
export type ProjectCreateBody = z.input<typeof projectCreateBody>;
export type ProjectUpdateBody = z.input<typeof projectUpdateBody>;
export type GateCheck = z.infer<typeof gateCheckSchema>;
export type PoolMoveInput = { to: Pool; reason?: string; version: number };

/** The list's filters, each multi-valued filter sent comma-separated (`pool=planning,advancing`). */
export type ProjectFilters = {
  q?: string;
  pool?: string[];
  nature?: string[];
  level?: string[];
  categoryCode?: string[];
  industryCode?: string[];
  leadUnitId?: string[];
  leaderId?: string;
  streetCode?: string[];
  /** Districts (a city or province reader's drill-down). */
  regionCode?: string[];
  clusterCode?: string[];
  parkCode?: string[];
  year?: number;
  /** Projects actually started (开工) in the year: 新开工 as counted (the dashboard's card drills here). */
  startedIn?: number;
  /** Warning colours (红黄绿灯). */
  warning?: string[];
  /** Custom field values to match exactly, by field key (sent as the JSON `custom` parameter). */
  custom?: Record<string, CustomValue>;
};
export type ProjectListParams = ListParams & ProjectFilters;
/** The filters and search of the list, without paging: what its totals depend on. */
export type ProjectSearch = Partial<ListParams> & ProjectFilters;

/** One entry of a project's history: a pool move, a 项目代码 change, its creation. */
export type TimelineEntry = ProjectTimeline['items'][number];

const csv = (values: string[] | undefined) => (values && values.length > 0 ? values.join(',') : undefined);

/** The query string of the list: arrays joined with commas, empty filters left out. */
export function listQueryOf({
  pool,
  nature,
  level,
  categoryCode,
  industryCode,
  leadUnitId,
  streetCode,
  regionCode,
  clusterCode,
  parkCode,
  custom,
  warning,
  ...rest
}: ProjectSearch) {
  return {
    ...rest,
    pool: csv(pool),
    nature: csv(nature),
    level: csv(level),
    categoryCode: csv(categoryCode),
    industryCode: csv(industryCode),
    leadUnitId: csv(leadUnitId),
    streetCode: csv(streetCode),
    regionCode: csv(regionCode),
    clusterCode: csv(clusterCode),
    parkCode: csv(parkCode),
    custom: customFilterParam(custom),
    warning: csv(warning),
  };
}

export const projectsApi = {
  list: (params: ProjectListParams, signal?: AbortSignal) => api.get<Page<ProjectListItem>>('/projects', listQueryOf(params), { signal }),
  totals: (search: ProjectSearch, signal?: AbortSignal) => api.get<ProjectTotals>('/projects/totals', listQueryOf(search), { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Project>(`/projects/${id}`, undefined, { signal }),
  create: (body: ProjectCreateBody) => api.post<Project>('/projects', body),
  update: (id: string, body: ProjectUpdateBody) => api.patch<Project>(`/projects/${id}`, body),
  gates: (id: string, signal?: AbortSignal) => api.get<GateCheck[]>(`/projects/${id}/gates`, undefined, { signal }),
  move: (id: string, body: PoolMoveInput) => api.post<Project>(`/projects/${id}/move`, body),
  timeline: (id: string, signal?: AbortSignal) => api.get<ProjectTimeline>(`/projects/${id}/timeline`, undefined, { signal }),
};
