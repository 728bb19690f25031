// Server state of the governance module: instruments and agreements, open regulations.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExpiringList,
  Instrument,
  InstrumentInput,
  InstrumentList,
  OpenRegulationList,
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
