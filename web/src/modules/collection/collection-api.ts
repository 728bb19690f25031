// Server state of the planner pages (issue 19 §1–3): collection targets and their villages, the candidate-list
// upload, and the field devices (admin). The field page keeps its own state in IndexedDB (collection-queue.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Device,
  ListImportResult,
  TargetCreate,
  TargetDetail,
  TargetSummary,
} from '../../../../lib/contracts/collection.ts';
import { api } from '../../app/api.ts';

export const useTargets = () =>
  useQuery({
    queryKey: ['collection', 'targets'],
    queryFn: ({ signal }) => api<{ items: TargetSummary[] }>('/api/collection/targets', { signal }),
  });

export const useTarget = (id: string) =>
  useQuery({
    queryKey: ['collection', 'target', id],
    queryFn: ({ signal }) => api<TargetDetail>(`/api/collection/targets/${id}`, { signal }),
  });

export const useVillages = (region: string, enabled: boolean) =>
  useQuery({
    queryKey: ['collection', 'villages', region],
    queryFn: ({ signal }) =>
      api<{ items: { code: string; name: string }[] }>('/api/collection/villages', { query: { region }, signal }),
    enabled,
  });

function useCollectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['collection'] }) });
}

export const useCreateTarget = () =>
  useCollectionMutation((input: TargetCreate) =>
    api<TargetSummary & { fellBackToEven: boolean }>('/api/collection/targets', { method: 'POST', body: input }),
  );

export const useCandidateUpload = () =>
  useCollectionMutation((input: { file: File; source: string }) =>
    api<ListImportResult>('/api/collection/lists/import', {
      method: 'POST',
      rawBody: input.file,
      query: { fileName: input.file.name, source: input.source },
    }),
  );

export const useDevices = () =>
  useQuery({
    queryKey: ['collection', 'devices'],
    queryFn: ({ signal }) => api<{ items: Device[] }>('/api/collection/devices', { signal }),
  });

export const useRevokeDevice = () =>
  useCollectionMutation((id: string) => api<Device>(`/api/collection/devices/${id}/revoke`, { method: 'POST' }));
