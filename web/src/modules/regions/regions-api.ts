// Server state of the regions module (public reference data: cached for long, it changes once a year at most).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Region, RegionStats, RegionWithPath } from '../../../../lib/contracts/regions.ts';
import { api } from '../../app/api.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Provinces (parent null) or the children of one region. */
export function useRegionChildren(parent: string | null, enabled = true) {
  return useQuery({
    queryKey: ['regions', 'children', parent ?? ''],
    queryFn: ({ signal }) =>
      api<{ items: Region[] }>('/api/regions', { query: { parent }, signal }).then((r) => r.items),
    enabled,
    staleTime: DAY,
  });
}

/** One region with its path from the province down and its full label; null code → no request. */
export function useRegion(code: string | null) {
  return useQuery({
    queryKey: ['regions', 'one', code],
    queryFn: ({ signal }) => api<RegionWithPath>(`/api/regions/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: code !== null && code !== '*',
    staleTime: DAY,
  });
}

export function useRegionSearch(
  q: string,
  options: { within?: string | null; level?: Region['level']; limit?: number } = {},
) {
  const within = options.within && options.within !== '*' ? options.within : undefined;
  return useQuery<Region[]>({
    queryKey: ['regions', 'search', q, within ?? '', options.level ?? '', options.limit ?? 20],
    queryFn: ({ signal }) =>
      api<{ items: Region[] }>('/api/regions/search', {
        query: { q, within, level: options.level, limit: options.limit ?? 20 },
        signal,
      }).then((r) => r.items),
    enabled: q.trim().length >= 2,
    staleTime: DAY,
    placeholderData: keepPreviousData,
  });
}

export function useRegionStats() {
  return useQuery({
    queryKey: ['regions', 'stats'],
    queryFn: ({ signal }) => api<RegionStats>('/api/regions/stats', { signal }),
    staleTime: DAY,
  });
}
