// Server state of the registry module: workers (NIKs arrive masked; the full NIK only through an audited reveal).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DuplicateDismiss,
  DuplicateMerge,
  DuplicatePair,
  Worker,
  WorkerCreate,
  WorkerHistory,
  WorkerList,
  WorkerSaved,
  WorkerUpdate,
} from '../../../../lib/contracts/workers.ts';
import type { ProtectionBadges, WorkerProtection } from '../../../../lib/contracts/protection.ts';
import { api } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const WORKERS_PAGE_SIZE = 25;

export type WorkerFilters = { q?: string; segment?: string; category?: string; problem?: string; page: number };

/**
 * One search box: 16 digits search the NIK, 4 digits the NIK's last 4 (what a masked NIK shows), anything else the
 * beginning of the name.
 */
export function searchQuery(q: string | undefined): { nik?: string; nikEnd?: string; name?: string } {
  const text = (q ?? '').trim();
  if (!text) return {};
  const digits = text.replace(/[\s.-]/g, '');
  if (/^\d{16}$/.test(digits)) return { nik: digits };
  if (/^\d{4}$/.test(digits)) return { nikEnd: digits };
  return { name: text };
}

export function useWorkers(filters: WorkerFilters) {
  return useQuery({
    queryKey: ['workers', 'list', filters],
    queryFn: ({ signal }) =>
      api<WorkerList>('/api/workers', {
        query: {
          ...searchQuery(filters.q),
          segment: filters.segment,
          category: filters.category,
          problem: filters.problem,
          page: filters.page,
          pageSize: WORKERS_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useWorker(id: string) {
  return useQuery({
    queryKey: ['workers', 'one', id],
    queryFn: ({ signal }) => api<Worker>(`/api/workers/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateWorker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkerCreate) => api<WorkerSaved>('/api/workers', { method: 'POST', body: input }),
    meta: { saved: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workers'] }),
  });
}

export function useUpdateWorker(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { saved: true },
    mutationFn: (patch: WorkerUpdate) =>
      api<WorkerSaved>(`/api/workers/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workers'] }),
  });
}

export function useWorkerHistory(id: string) {
  return useQuery({
    queryKey: ['workers', 'history', id],
    queryFn: ({ signal }) => api<WorkerHistory>(`/api/workers/${encodeURIComponent(id)}/history`, { signal }),
  });
}

export const DUPLICATES_PAGE_SIZE = 5;

export function useDuplicates(page: number) {
  return useQuery({
    queryKey: ['workers', 'duplicates', page],
    queryFn: ({ signal }) =>
      api<Page<DuplicatePair>>('/api/workers/duplicates', {
        query: { page, pageSize: DUPLICATES_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Merging or dismissing changes lists, pairs, details and histories: everything under 'workers' is refetched. */
export function useMergeDuplicates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DuplicateMerge) =>
      api<WorkerSaved>('/api/workers/duplicates/merge', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workers'] }),
  });
}

export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DuplicateDismiss) =>
      api<{ ok: true }>('/api/workers/duplicates/dismiss', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workers'] }),
  });
}

/** Never cached: each view of a full NIK is one audited request. */
export function useRevealNik(id: string) {
  return useMutation({
    mutationFn: () => api<{ nik: string }>(`/api/workers/${encodeURIComponent(id)}/reveal-nik`, { method: 'POST' }),
  });
}

/** The worker's protection record today (coverage module; scoped like the worker). */
export function useWorkerProtection(id: string) {
  return useQuery({
    queryKey: ['workers', 'protection', id],
    queryFn: ({ signal }) => api<WorkerProtection>(`/api/workers/${encodeURIComponent(id)}/protection`, { signal }),
  });
}

/** One request for the badges of a whole page of search results. */
export function useProtectionBadges(ids: readonly string[]) {
  return useQuery({
    queryKey: ['workers', 'protection-badges', ids],
    queryFn: ({ signal }) =>
      api<ProtectionBadges>('/api/workers/protection', { query: { ids: ids.join(',') }, signal }),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
  });
}
