// Server state of the coverage module: dashboards (rollups only), the people behind a figure, open data.
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Dashboard, OpenData, PeopleList } from '../../../../lib/contracts/coverage.ts';
import { api } from '../../app/api.ts';

const dashboardQuery = (region: string | null) => ({
  queryKey: ['coverage', 'dashboard', region],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<Dashboard>('/api/coverage/dashboard', { query: { region: region ?? undefined }, signal }),
});

export function useCoverageDashboard(region: string | null) {
  return useQuery({ ...dashboardQuery(region), placeholderData: keepPreviousData });
}

/** Asks for a dashboard before its page is drawn (right after sign-in), so its figures travel meanwhile. */
export function prefetchCoverageDashboard(queryClient: QueryClient, region: string | null): void {
  void queryClient.prefetchQuery(dashboardQuery(region));
}

/** The people list's filters as query parameters (the JSON list and its XLSX take the same ones). */
export function peopleQuery(q: { region: string; month?: string; leavers?: boolean }) {
  return { region: q.region, month: q.month, leavers: q.leavers ? 'true' : undefined };
}

export function useCoveragePeople(q: { region: string; month?: string; page: number; leavers?: boolean } | null) {
  return useQuery({
    queryKey: ['coverage', 'people', q],
    enabled: q !== null,
    queryFn: ({ signal }) =>
      api<PeopleList>('/api/coverage/people', {
        query: { ...peopleQuery(q!), page: q!.page, pageSize: 25 },
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
