// Server state of the governance module: instruments and agreements, open regulations.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BriefingList,
  ExpiringList,
  Instrument,
  InstrumentInput,
  InstrumentList,
  ItemInput,
  LeagueTable,
  Meeting,
  MeetingInput,
  MeetingList,
  OpenRegulationList,
  Organisation,
  OrganisationInput,
  OrganisationList,
  OrganisationUpdate,
  Plan,
  PlanInput,
  PlanList,
} from '../../../../lib/contracts/governance.ts';
import { api } from '../../app/api.ts';

export const GOV_PAGE_SIZE = 25;

export function useInstruments(group: 'regulation' | 'agreement', page: number) {
  return useQuery({
    queryKey: ['governance', 'instruments', group, page],
    queryFn: ({ signal }) =>
      api<InstrumentList>('/api/governance/instruments', { query: { group, page, pageSize: GOV_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useExpiring(enabled: boolean) {
  return useQuery({
    queryKey: ['governance', 'expiring'],
    queryFn: ({ signal }) => api<ExpiringList>('/api/governance/agreements/expiring', { signal }),
    enabled,
  });
}

function useGovernanceChange<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['governance'] }) });
}

export const useSaveInstrument = () =>
  useGovernanceChange((input: { id?: string; body: InstrumentInput }) =>
    input.id
      ? api<Instrument>(`/api/governance/instruments/${input.id}`, { method: 'PUT', body: input.body })
      : api<Instrument>('/api/governance/instruments', { method: 'POST', body: input.body }),
  );

export const useUploadInstrumentFile = () =>
  useGovernanceChange((input: { id: string; file: File }) =>
    api<Instrument>(`/api/governance/instruments/${input.id}/file`, {
      method: 'PUT',
      query: { fileName: input.file.name },
      rawBody: input.file,
    }),
  );

export const instrumentFileUrl = (id: string) => `/api/governance/instruments/${id}/file`;

export function useOpenRegulations() {
  return useQuery({
    queryKey: ['governance', 'open-regulations'],
    queryFn: ({ signal }) => api<OpenRegulationList>('/open/regulations', { signal }),
  });
}

// Organisations (channels), work plans, meetings, village briefing and league tables (issue 16 §2–§6).
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['governance', 'organisations'],
    queryFn: ({ signal }) => api<OrganisationList>('/api/governance/organisations', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export const useSaveOrganisation = () =>
  useGovernanceChange((input: { id?: string; body: OrganisationInput | OrganisationUpdate }) =>
    input.id
      ? api<Organisation>(`/api/governance/organisations/${input.id}`, { method: 'PUT', body: input.body })
      : api<Organisation>('/api/governance/organisations', { method: 'POST', body: input.body }),
  );

export const useSetMember = () =>
  useGovernanceChange((body: { username: string; organisationId: string }) =>
    api<{ ok: true }>('/api/governance/members', { method: 'PUT', body }),
  );

export function usePlans() {
  return useQuery({
    queryKey: ['governance', 'plans'],
    queryFn: ({ signal }) => api<PlanList>('/api/governance/plans', { signal }),
  });
}

/** `watch`: after "hitung ulang", poll until the job's figures arrive. */
export function usePlan(id: string | null, watch = false) {
  return useQuery({
    queryKey: ['governance', 'plan', id],
    queryFn: ({ signal }) => api<Plan>(`/api/governance/plans/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: watch ? 3_000 : false,
  });
}

export const useCreatePlan = () =>
  useGovernanceChange((body: PlanInput) => api<Plan>('/api/governance/plans', { method: 'POST', body }));

export const useAddItem = () =>
  useGovernanceChange((input: { planId: string; body: ItemInput }) =>
    api<Plan>(`/api/governance/plans/${input.planId}/items`, { method: 'POST', body: input.body }),
  );

export const useSetItemDone = () =>
  useGovernanceChange((input: { planId: string; itemId: string; done: boolean; evidence: string | null }) =>
    api<Plan>(`/api/governance/plans/${input.planId}/items/${input.itemId}/done`, {
      method: 'PUT',
      body: { done: input.done, evidence: input.evidence },
    }),
  );

export const useRecompute = () =>
  useGovernanceChange(() => api<{ queued: boolean }>('/api/governance/progress/recompute', { method: 'POST' }));

export function useMeetings() {
  return useQuery({
    queryKey: ['governance', 'meetings'],
    queryFn: ({ signal }) => api<MeetingList>('/api/governance/meetings', { signal }),
  });
}

export const useCreateMeeting = () =>
  useGovernanceChange((body: MeetingInput) => api<Meeting>('/api/governance/meetings', { method: 'POST', body }));

export const usePromoteDecision = () =>
  useGovernanceChange(
    (input: {
      meetingId: string;
      decisionId: string;
      planId: string;
      ownerOrganisationId: string | null;
      dueOn: string;
    }) =>
      api<Meeting>(`/api/governance/meetings/${input.meetingId}/decisions/${input.decisionId}/item`, {
        method: 'POST',
        body: { planId: input.planId, ownerOrganisationId: input.ownerOrganisationId, dueOn: input.dueOn },
      }),
  );

export const useUploadMinutes = () =>
  useGovernanceChange((input: { id: string; file: File }) =>
    api<Meeting>(`/api/governance/meetings/${input.id}/minutes`, {
      method: 'PUT',
      query: { fileName: input.file.name },
      rawBody: input.file,
    }),
  );

export const minutesUrl = (id: string) => `/api/governance/meetings/${id}/minutes`;

/** Without dates: this year up to the server's today. */
export function useBriefing() {
  return useQuery({
    queryKey: ['governance', 'briefing'],
    queryFn: ({ signal }) => api<BriefingList>('/api/governance/villages/briefing', { signal }),
  });
}

/** Empty dates: the server's last 90 days (its clock decides "today"). */
export function useLeague(by: 'channel' | 'village', from: string, to: string) {
  return useQuery({
    queryKey: ['governance', 'league', by, from, to],
    queryFn: ({ signal }) =>
      api<LeagueTable>('/api/governance/league', { query: { by, from: from || null, to: to || null }, signal }),
    enabled: !from || !to || from <= to,
    placeholderData: keepPreviousData,
  });
}

export const leagueXlsxUrl = (by: 'channel' | 'village', from: string, to: string) =>
  `/api/governance/league.xlsx?${new URLSearchParams({ by, ...(from && { from }), ...(to && { to }) }).toString()}`;
