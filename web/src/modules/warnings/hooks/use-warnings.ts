import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { type WarningSettingsUpdateBody, type WarningSummaryBy, warningsApi } from '../api/warnings-api';

// Under the projects' key: a write that refreshes projects (a plan saved, a report approved) refreshes the colour too.
export function useProjectWarning(id: string) {
  return useQuery({ queryKey: [...PROJECTS_KEY, 'warning', id], queryFn: ({ signal }) => warningsApi.project(id, signal) });
}

export function useWarningSummary(by: WarningSummaryBy) {
  return useQuery({ queryKey: [...PROJECTS_KEY, 'warning-summary', by], queryFn: ({ signal }) => warningsApi.summary(by, signal) });
}

const SETTINGS_KEY = ['warning-settings'] as const;

/** The reader's district's thresholds (the defaults, version 0, while it has set none). */
export function useWarningSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => warningsApi.settings(signal) });
}

/** Saves the thresholds with the version read; the server recomputes the district's colours, so projects are refetched. */
export function useUpdateWarningSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WarningSettingsUpdateBody) => warningsApi.updateSettings(body),
    onSuccess: async (settings) => {
      queryClient.setQueryData(SETTINGS_KEY, settings);
      await queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
    },
  });
}
