import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Month, assessmentApi } from '../api/assessment-api';

/** Every assessment query starts with this key: a saved rule or a computed month refreshes them. */
export const ASSESSMENT_KEY = ['assessment'] as const;

export function useScoringRules(year: number, enabled = true) {
  return useQuery({ queryKey: [...ASSESSMENT_KEY, 'rules', year], queryFn: ({ signal }) => assessmentApi.rules(year, signal), enabled });
}

export function useMonthScores(month: Month) {
  return useQuery({
    queryKey: [...ASSESSMENT_KEY, 'scores', month.year, month.month],
    queryFn: ({ signal }) => assessmentApi.scores(month, signal),
  });
}

/** A unit's score and rank over the year's months (its ranking row's trend). */
export function useUnitHistory(unitId: string, year: number) {
  return useQuery({
    queryKey: [...ASSESSMENT_KEY, 'history', unitId, year],
    queryFn: ({ signal }) => assessmentApi.unitHistory(unitId, year, signal),
  });
}

/** Saving a rule version or computing a month; refreshes every assessment query on success. */
export function useAssessmentMutation<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY }) });
}
