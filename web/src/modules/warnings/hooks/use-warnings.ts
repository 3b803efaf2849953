import { useQuery } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { type WarningSummaryBy, warningsApi } from '../api/warnings-api';

// Under the projects' key: a write that refreshes projects (a plan saved, a report approved) refreshes the colour too.
export function useProjectWarning(id: string) {
  return useQuery({ queryKey: [...PROJECTS_KEY, 'warning', id], queryFn: ({ signal }) => warningsApi.project(id, signal) });
}

export function useWarningSummary(by: WarningSummaryBy) {
  return useQuery({ queryKey: [...PROJECTS_KEY, 'warning-summary', by], queryFn: ({ signal }) => warningsApi.summary(by, signal) });
}
