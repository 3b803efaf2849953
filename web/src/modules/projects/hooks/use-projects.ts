import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type PoolMoveInput,
  type ProjectCreateBody,
  type ProjectListParams,
  type ProjectUpdateBody,
  projectsApi,
} from '../api/projects-api';

/** Every project query starts with this key, so one invalidation refreshes the list, the page and its tracks. */
export const PROJECTS_KEY = ['projects'] as const;
export const projectKeys = {
  list: (params: ProjectListParams) => [...PROJECTS_KEY, 'list', params] as const,
  detail: (id: string) => [...PROJECTS_KEY, 'detail', id] as const,
  sub: (id: string, what: string, ...rest: unknown[]) => [...PROJECTS_KEY, 'detail', id, what, ...rest] as const,
};

/** One page of projects, keeping the previous page on screen while the next loads. */
export function useProjectList(params: ProjectListParams) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => projectsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** The count and sums of what the list's filters match (paging and sort do not change them). */
export function useProjectTotals(params: ProjectListParams) {
  const { page: _page, pageSize: _pageSize, sort: _sort, ...filters } = params;
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'totals', filters] as const,
    queryFn: ({ signal }) => projectsApi.totals(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** One project with its abilities. */
export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: ({ signal }) => projectsApi.get(id, signal) });
}

type SaveProjectInput = { id: null; body: ProjectCreateBody } | { id: string; body: ProjectUpdateBody };

/** Creates a project (id null) or updates one (body carries its version). */
export function useSaveProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveProjectInput) =>
      input.id === null ? projectsApi.create(input.body) : projectsApi.update(input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROJECTS_KEY }),
  });
}

/** The gate of every move the project can make now, each with its checklist. */
export function useProjectGates(id: string, enabled = true) {
  return useQuery({ queryKey: projectKeys.sub(id, 'gates'), queryFn: ({ signal }) => projectsApi.gates(id, signal), enabled });
}

/** Moves the project to another pool; a refused gate comes back as 422 `gate_refused` with the unmet conditions. */
export function useMoveProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PoolMoveInput) => projectsApi.move(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROJECTS_KEY }),
  });
}

/** Pool moves and code changes, newest first as the server orders them. */
export function useProjectTimeline(id: string) {
  return useQuery({
    queryKey: projectKeys.sub(id, 'timeline'),
    queryFn: async ({ signal }) => (await projectsApi.timeline(id, signal)).items,
  });
}
