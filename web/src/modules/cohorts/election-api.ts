// Server state of the election roster guard (issue 18 §3): the roster per village/TPS, its upload, "Usulkan semua"
// and the home page's countdown.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ElectionCountdown,
  ElectionRoster,
  ProposeAllResult,
  RosterImportResult,
} from '../../../../lib/contracts/election.ts';
import { api } from '../../app/api.ts';

const path = (id: string, rest = '') => `/api/programs/${encodeURIComponent(id)}/election${rest}`;

export function useElectionRoster(programId: string) {
  return useQuery({
    queryKey: ['programs', 'election', programId],
    queryFn: ({ signal }) => api<ElectionRoster>(path(programId), { signal }),
  });
}

function useElectionMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['programs'] });
      await qc.invalidateQueries({ queryKey: ['home'] });
    },
  });
}

export const useRosterUpload = (programId: string) =>
  useElectionMutation((file: File) =>
    api<RosterImportResult>(path(programId, '/roster'), {
      method: 'POST',
      rawBody: file,
      query: { fileName: file.name },
    }),
  );

export const useProposeAll = (programId: string) =>
  useElectionMutation(() =>
    api<ProposeAllResult>(path(programId, '/propose-all'), { method: 'POST', body: { dryRun: false } }),
  );

export function useElectionCountdown(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'elections'],
    queryFn: ({ signal }) => api<ElectionCountdown>('/api/home/elections', { signal }),
    enabled,
  });
}
