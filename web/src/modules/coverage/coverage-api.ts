// Server state of the coverage module: dashboards (rollups only), the people behind a figure, open data.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard, OpenData, PeopleList } from '../../../../lib/contracts/coverage.ts';
import { api } from '../../app/api.ts';

export function useCoverageDashboard(region: string | null) {
  return useQuery({
    queryKey: ['coverage', 'dashboard', region],
    queryFn: ({ signal }) =>
      api<Dashboard>('/api/coverage/dashboard', { query: { region: region ?? undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCoveragePeople(q: { region: string; month?: string; page: number; leavers?: boolean } | null) {
  return useQuery({
    queryKey: ['coverage', 'people', q],
    enabled: q !== null,
    queryFn: ({ signal }) =>
      api<PeopleList>('/api/coverage/people', {
        query: {
          region: q!.region,
          month: q!.month,
          page: q!.page,
          pageSize: 25,
          leavers: q!.leavers ? 'true' : undefined,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useOpenData() {
  return useQuery({
    queryKey: ['coverage', 'open'],
    queryFn: ({ signal }) => api<OpenData>('/open/coverage', { signal }),
  });
}
