import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ImportKind, type ImportMappingBody, importsApi } from '../api/imports-api';

const IMPORTS_KEY = ['imports'] as const;
// How often the page asks how far a validation has got (the progress bar).
const POLL_MS = 800;

const inProgress = (status: string | undefined) => status === 'validating' || status === 'committing';

/** One import job; polled while its file is being checked or committed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'job', id],
    queryFn: ({ signal }) => importsApi.get(id as string, signal),
    enabled: id !== null,
    refetchInterval: (query) => (inProgress(query.state.data?.status) ? POLL_MS : false),
  });
}

/** The district's recent imports the user may see; polled while one of them is still being checked. */
export function useImportJobs() {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'list'],
    queryFn: ({ signal }) => importsApi.list(signal),
    refetchInterval: (query) => (query.state.data?.items.some((job) => inProgress(job.status)) ? POLL_MS : false),
  });
}

/** Uploads a file: the answer is the new job, still validating. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => importsApi.upload(kind, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: IMPORTS_KEY }),
  });
}

/**
 * Sends the column mapping the user chose: the job goes back to validating, so its query is refreshed and polled
 * again until the new check is done (and the recent list shows it checking).
 */
export function useMapImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ImportMappingBody }) => importsApi.mapping(id, body),
    onSuccess: (job) => {
      queryClient.setQueryData([...IMPORTS_KEY, 'job', job.id], job);
      return queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
  });
}

/**
 * Commits a ready job; every register then shows what it wrote. A kind's rows land in its register (projects, parcels,
 * visits, 亩均效益 …) and in what is read from them (an enterprise's page, the dashboard), so every cached answer is
 * marked stale, not one module's: the page on screen refetches, the others when next opened.
 */
export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, acknowledgeUnmapped }: { id: string; acknowledgeUnmapped: boolean }) => importsApi.commit(id, acknowledgeUnmapped),
    onSettled: () => queryClient.invalidateQueries(),
  });
}
