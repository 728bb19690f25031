// Server state of worker imports: upload, mapping, progress (polled while the job runs), problems and commit.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportIssue, ImportJob, ImportMappingBody } from '../../../../lib/contracts/imports.ts';
import { api } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const ISSUES_PAGE_SIZE = 20;

const isBusy = (job: ImportJob | undefined) => job?.status === 'queued' || job?.status === 'running';

export function useImport(id: string) {
  return useQuery({
    queryKey: ['imports', 'one', id],
    queryFn: ({ signal }) => api<ImportJob>(`/api/imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (isBusy(query.state.data) ? 700 : false),
  });
}

export function useImports(page: number) {
  return useQuery({
    queryKey: ['imports', 'list', page],
    queryFn: ({ signal }) => api<Page<ImportJob>>('/api/imports', { query: { page, pageSize: 10 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useImportIssues(id: string, page: number, severity: string, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'issues', id, page, severity],
    queryFn: ({ signal }) =>
      api<Page<ImportIssue>>(`/api/imports/${encodeURIComponent(id)}/issues`, {
        query: { page, pageSize: ISSUES_PAGE_SIZE, severity: severity || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, sheet, channelId }: { file: File; sheet?: string; channelId?: string }) =>
      api<ImportJob>('/api/imports', {
        method: 'POST',
        rawBody: file,
        query: { fileName: file.name, sheet, channelId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useSetMapping(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportMappingBody) =>
      api<ImportJob>(`/api/imports/${encodeURIComponent(id)}/mapping`, { method: 'POST', body }),
    onSuccess: (job) => queryClient.setQueryData(['imports', 'one', id], job),
  });
}

export function useCommit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ImportJob>(`/api/imports/${encodeURIComponent(id)}/commit`, { method: 'POST' }),
    meta: { saved: true },
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'one', id], job);
      void queryClient.invalidateQueries({ queryKey: ['workers'] });
    },
  });
}

export function useCancelImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ImportJob>(`/api/imports/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'one', id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    },
  });
}

export const reportUrl = (id: string) => `/api/imports/${encodeURIComponent(id)}/report.xlsx`;
