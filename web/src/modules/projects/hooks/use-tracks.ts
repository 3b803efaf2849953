import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AnnualPlanBody,
  type ApprovalItemCreateBody,
  type ApprovalItemUpdateBody,
  type FundingLineCreateBody,
  type FundingLineUpdateBody,
  type PlanBody,
  tracksApi,
} from '../api/tracks-api';
import { PROJECTS_KEY, projectKeys } from './use-projects';

/** Refreshes everything about projects: a track's change can open a gate or bump the project's version. */
function useInvalidateProjects() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
}

/** The approval items (立项 track), with what the user may do to them. */
export function useApprovalItems(projectId: string) {
  return useQuery({
    queryKey: projectKeys.sub(projectId, 'approval-items'),
    queryFn: ({ signal }) => tracksApi.approvalItems(projectId, signal),
  });
}

type SaveApprovalItemInput = { id: null; body: ApprovalItemCreateBody } | { id: string; body: ApprovalItemUpdateBody };

/** Adds an approval item (id null) or changes its status, dates and document number. */
export function useSaveApprovalItem(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: SaveApprovalItemInput) =>
      input.id === null
        ? tracksApi.createApprovalItem(projectId, input.body)
        : tracksApi.updateApprovalItem(projectId, input.id, input.body),
    onSuccess,
  });
}

/** Removes an approval item entered by mistake. */
export function useDeleteApprovalItem(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({ mutationFn: (id: string) => tracksApi.deleteApprovalItem(projectId, id), onSuccess });
}

/** The funding plan by source with its totals (融资 track). */
export function useFundingLines(projectId: string) {
  return useQuery({
    queryKey: projectKeys.sub(projectId, 'funding-lines'),
    queryFn: ({ signal }) => tracksApi.fundingLines(projectId, signal),
  });
}

type SaveFundingLineInput = { id: null; body: FundingLineCreateBody } | { id: string; body: FundingLineUpdateBody };

/** Adds a funding source (id null) or changes its amounts. */
export function useSaveFundingLine(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({
    mutationFn: (input: SaveFundingLineInput) =>
      input.id === null ? tracksApi.createFundingLine(projectId, input.body) : tracksApi.updateFundingLine(projectId, input.id, input.body),
    onSuccess,
  });
}

/** Removes a funding source. */
export function useDeleteFundingLine(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({ mutationFn: (id: string) => tracksApi.deleteFundingLine(projectId, id), onSuccess });
}

/** The plan (一项目一方案) with every milestone's computed earliest and latest dates. */
export function usePlan(projectId: string) {
  return useQuery({ queryKey: projectKeys.sub(projectId, 'plan'), queryFn: ({ signal }) => tracksApi.plan(projectId, signal) });
}

/** The plan templates for a project category (and the general ones). */
export function usePlanTemplates(categoryCode: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['plan-templates', categoryCode],
    queryFn: async ({ signal }) => (await tracksApi.templates(categoryCode, signal)).items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Saves the whole plan at once (with the project's version). */
export function useSavePlan(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({ mutationFn: (body: PlanBody) => tracksApi.savePlan(projectId, body), onSuccess });
}

/** Replaces the plan's milestones with a template's. */
export function useApplyTemplate(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({
    mutationFn: (body: { templateId: string; version: number }) => tracksApi.applyTemplate(projectId, body),
    onSuccess,
  });
}

/** The year's annual plan versions, the one in force and the frozen baseline. */
export function useAnnualPlans(projectId: string, year: number) {
  return useQuery({
    queryKey: projectKeys.sub(projectId, 'annual-plans', year),
    queryFn: ({ signal }) => tracksApi.annualPlans(projectId, year, signal),
  });
}

/** Completion against time for the year. */
export function useTimeProgress(projectId: string, year: number) {
  return useQuery({
    queryKey: projectKeys.sub(projectId, 'progress', year),
    queryFn: ({ signal }) => tracksApi.progress(projectId, year, signal),
  });
}

/** Saves the annual plan based on the version read: the draft, or a new version (an adjustment of a frozen one needs a reason). */
export function useCreateAnnualPlan(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({ mutationFn: (body: AnnualPlanBody) => tracksApi.createAnnualPlan(projectId, body), onSuccess });
}

/** Freezes a version as the year's baseline, at the version read (a stale one answers 409). */
export function useFreezeAnnualPlan(projectId: string) {
  const onSuccess = useInvalidateProjects();
  return useMutation({
    mutationFn: (plan: { id: string; version: number }) => tracksApi.freezeAnnualPlan(projectId, plan.id, { version: plan.version }),
    onSuccess,
  });
}
