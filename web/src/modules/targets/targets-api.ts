// Server state of the targets module: workforce denominators (BPS) and coverage targets with their progress.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TargetCreate,
  TargetProgress,
  TargetUpdate,
  WorkforceImportResult,
  WorkforceKind,
  WorkforceRow,
  WorkforceUpdate,
  WorkforceUpsert,
} from '../../../../lib/contracts/targets.ts';
import { api } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const WORKFORCE_PAGE_SIZE = 50;
export const TARGETS_PAGE_SIZE = 20;

export function useWorkforce(filters: { region?: string; year?: string; kind?: WorkforceKind | ''; page: number }) {
  return useQuery({
    queryKey: ['workforce', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<WorkforceRow>>('/api/workforce', {
        query: { ...filters, pageSize: WORKFORCE_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTargets(filters: { region?: string; year?: string; page: number }) {
  return useQuery({
    queryKey: ['targets', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<TargetProgress>>('/api/targets', { query: { ...filters, pageSize: TARGETS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Denominators move every target's progress: refresh both lists after any change. */
function usePlanningMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['workforce'] });
      await queryClient.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

export const useSaveWorkforce = () =>
  usePlanningMutation((input: WorkforceUpsert) => api<WorkforceRow>('/api/workforce', { method: 'PUT', body: input }));

export const useUpdateWorkforce = () =>
  usePlanningMutation(({ id, patch }: { id: string; patch: WorkforceUpdate }) =>
    api<WorkforceRow>(`/api/workforce/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  );

export const useDeleteWorkforce = () =>
  usePlanningMutation((id: string) =>
    api<{ ok: true }>(`/api/workforce/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );

export const useImportWorkforce = () =>
  usePlanningMutation((input: { file: File; year?: string; source?: string; dryRun: boolean }) =>
    api<WorkforceImportResult>('/api/workforce/import', {
      method: 'POST',
      rawBody: input.file,
      query: { fileName: input.file.name, year: input.year, source: input.source, dryRun: input.dryRun },
    }),
  );

export const useCreateTarget = () =>
  usePlanningMutation((input: TargetCreate) => api<TargetProgress>('/api/targets', { method: 'POST', body: input }));

export const useUpdateTarget = () =>
  usePlanningMutation(({ id, patch }: { id: string; patch: TargetUpdate }) =>
    api<TargetProgress>(`/api/targets/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  );

export const useDeleteTarget = () =>
  usePlanningMutation((id: string) =>
    api<{ ok: true }>(`/api/targets/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
