import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SettingsUpdateBody, settingsApi } from '../api/settings-api';

const SETTINGS_KEY = ['settings'] as const;

/** The platform's security settings (sessions and lockout). */
export function useSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => settingsApi.get(signal) });
}

/** Saves changed settings with the version read. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsUpdateBody) => settingsApi.update(body),
    onSuccess: (settings) => queryClient.setQueryData(SETTINGS_KEY, settings),
  });
}
