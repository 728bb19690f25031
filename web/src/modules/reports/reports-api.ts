// Server state of the reports module: the monthly report history, one report's progress, and making one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportCreate, ReportRow } from '../../../../lib/contracts/reports.ts';
import { api } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const REPORTS_PAGE_SIZE = 20;

export function useReports(filters: { region?: string; page: number }, poll: boolean) {
  return useQuery({
    queryKey: ['reports', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<ReportRow>>('/api/reports', { query: { ...filters, pageSize: REPORTS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? 1_000 : false,
  });
}

/** One report, polled every second until it is done or failed. */
export function useReport(id: string | null) {
  return useQuery({
    queryKey: ['reports', 'one', id],
    queryFn: ({ signal }) => api<ReportRow>(`/api/reports/${encodeURIComponent(id!)}`, { signal }),
    enabled: Boolean(id),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'done' || status === 'failed' ? false : 1_000;
    },
  });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportCreate) => api<ReportRow>('/api/reports', { method: 'POST', body: input }),
    meta: { saved: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports', 'list'] }),
  });
}
