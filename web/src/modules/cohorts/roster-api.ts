// Server state of payroll rosters of PU programmes (issue 18 §2): the preview of a file (nothing saved) and the
// acceptance of the diff or a chosen part; acceptance refreshes every programme query.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterAcceptRequest, RosterView } from '../../../../lib/contracts/roster.ts';
import { api } from '../../app/api.ts';

const path = (id: string, rest: string) => `/api/programs/${encodeURIComponent(id)}${rest}`;

/** The file goes as the raw body, like a worker import. */
export function useRosterPreview(programId: string) {
  return useMutation({
    mutationFn: (file: File) =>
      api<RosterView>(path(programId, '/roster/preview'), {
        method: 'POST',
        rawBody: file,
        query: { fileName: file.name },
      }),
  });
}

export function useRosterAccept(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RosterAcceptRequest) =>
      api<RosterView>(path(programId, '/roster/accept'), { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programs'] }),
  });
}
