import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { type PlanTemplateBody, type UnboundMilestone, planTemplatesApi } from '../api/plan-templates-api';

// The project page's template picker reads ['plan-templates', category]: a saved template is read again there too.
const TEMPLATES_KEY = ['plan-templates'] as const;
const UNBOUND_KEY = ['plan-unbound-milestones'] as const;

/** Every plan template (they serve every category's projects). */
export function useAllPlanTemplates() {
  return useQuery({ queryKey: [...TEMPLATES_KEY, 'all'], queryFn: async ({ signal }) => (await planTemplatesApi.list(signal)).items });
}

/** Saves a template's milestones and bindings at the version read. */
export function useUpdatePlanTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PlanTemplateBody }) => planTemplatesApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

/** The plan milestones left unbound whose approval item says another day, of the projects the user sees. */
export function useUnboundMilestones() {
  return useQuery({ queryKey: UNBOUND_KEY, queryFn: async ({ signal }) => (await planTemplatesApi.unbound(signal)).items });
}

/** Binds one of them to its approval item (it takes the item's date); the list and the projects are read again. */
export function useBindMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (row: UnboundMilestone) => planTemplatesApi.bind(row),
    onSuccess: (list) => {
      queryClient.setQueryData(UNBOUND_KEY, list.items);
      void queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
    },
  });
}
