import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { type GateConfigBody, gatesApi } from '../api/gates-api';

const GATES_KEY = ['project-gates'] as const;

/** The pool gates of the user's district (the defaults until the project office saves its own). */
export function useGateConfig() {
  return useQuery({ queryKey: GATES_KEY, queryFn: ({ signal }) => gatesApi.get(signal) });
}

/** Replaces the district's gates with the version read; the projects' checklists are read again. */
export function useUpdateGateConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GateConfigBody) => gatesApi.update(body),
    onSuccess: (config) => {
      queryClient.setQueryData(GATES_KEY, config);
      void queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
    },
  });
}
