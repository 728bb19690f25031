// Server state of the exchange pages: batches, the branch's answers, snapshots, reconciliation and the template.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchList,
  Reconciliation,
  ReconciliationKind,
  ResponseResult,
  SnapshotResult,
  SnapshotSummary,
  TakeKpjResult,
  Template,
  TemplateUpdate,
  VillageCheck,
  VillageCheckList,
} from '../../../../lib/contracts/exchange.ts';
import type { EndReason } from '../../../../lib/contracts/programs.ts';
import { api, queryString } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const BATCHES_PAGE_SIZE = 25;
export const RECON_PAGE_SIZE = 50;

export const batchFileUrl = (id: string, format: 'xlsx' | 'csv') => `/api/exchange/batches/${id}/file?format=${format}`;
export const simulatorFileUrl = (id: string) => `/api/exchange/batches/${id}/simulator/response-file`;
export const reconciliationXlsxUrl = (region?: string) => `/api/exchange/reconciliation.xlsx${queryString({ region })}`;

export function useBatches(filters: { state?: string; page: number }) {
  return useQuery({
    queryKey: ['exchange', 'batches', filters],
    queryFn: ({ signal }) =>
      api<BatchList>('/api/exchange/batches', {
        query: { state: filters.state, page: filters.page, pageSize: BATCHES_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A response changes enrollments: the programmes' lists and figures are refreshed too. */
function useExchangeMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['exchange'] }),
        queryClient.invalidateQueries({ queryKey: ['programs'] }),
      ]),
  });
}

export function useResponseUpload(batchId: string) {
  return useExchangeMutation((input: { file: File; dryRun: boolean }) =>
    api<ResponseResult>(`/api/exchange/batches/${batchId}/response`, {
      method: 'POST',
      rawBody: input.file,
      query: { fileName: input.file.name, dryRun: input.dryRun },
    }),
  );
}

export function useSimulatorApply(batchId: string) {
  return useExchangeMutation(() =>
    api<{ status: 'pending'; retryAfterSeconds: number } | { status: 'ready'; result: ResponseResult }>(
      `/api/exchange/batches/${batchId}/simulator/apply`,
      { method: 'POST' },
    ),
  );
}

export function useSnapshots(page: number) {
  return useQuery({
    queryKey: ['exchange', 'snapshots', page],
    queryFn: ({ signal }) =>
      api<Page<SnapshotSummary>>('/api/exchange/snapshots', { query: { page, pageSize: 25 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSnapshotUpload() {
  return useExchangeMutation((input: { file: File; region?: string; asOf?: string }) =>
    api<SnapshotResult>('/api/exchange/snapshots', {
      method: 'POST',
      rawBody: input.file,
      query: { fileName: input.file.name, region: input.region, asOf: input.asOf },
    }),
  );
}

export function useReconciliation(filters: { kind: ReconciliationKind; page: number; region?: string }) {
  return useQuery({
    queryKey: ['exchange', 'reconciliation', filters],
    queryFn: ({ signal }) =>
      api<Reconciliation>('/api/exchange/reconciliation', {
        query: { kind: filters.kind, page: filters.page, pageSize: RECON_PAGE_SIZE, region: filters.region },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTemplate() {
  return useQuery({
    queryKey: ['exchange', 'template'],
    queryFn: ({ signal }) => api<Template>('/api/exchange/template', { signal }),
  });
}

export function useSaveTemplate() {
  return useExchangeMutation((input: TemplateUpdate) =>
    api<Template>('/api/exchange/template', { method: 'PUT', body: input }),
  );
}

/** "Ambil KPJ BPJS" on a reconciliation row. */
export function useTakeKpj() {
  return useExchangeMutation((input: { enrollmentId: string }) =>
    api<TakeKpjResult>('/api/exchange/reconciliation/take-kpj', { method: 'POST', body: input }),
  );
}

/** "Tandai berakhir": the programmes module ends the row's enrollment (its own route, audited there). */
export function useEndFromReconciliation() {
  return useExchangeMutation((input: { programId: string; enrollmentId: string; reason: EndReason; note?: string }) =>
    api<{ ended: number; lastMonth: string }>(`/api/programs/${encodeURIComponent(input.programId)}/enrollments/end`, {
      method: 'POST',
      body: { ids: [input.enrollmentId], reason: input.reason, note: input.note },
    }),
  );
}

/** "Minta desa cek" on a reconciliation row. */
export function useRequestVillageCheck() {
  return useExchangeMutation((input: { enrollmentId?: string; workerId?: string; note?: string }) =>
    api<{ id: string; created: boolean }>('/api/exchange/village-checks', { method: 'POST', body: input }),
  );
}

export function useVillageChecks(status: 'open' | 'done' | '') {
  return useQuery({
    queryKey: ['exchange', 'village-checks', status],
    queryFn: ({ signal }) =>
      api<VillageCheckList>('/api/exchange/village-checks', { query: { status: status || undefined }, signal }),
  });
}

export function useAnswerVillageCheck() {
  return useExchangeMutation((input: { id: string; answer: string }) =>
    api<VillageCheck>(`/api/exchange/village-checks/${encodeURIComponent(input.id)}/answer`, {
      method: 'POST',
      body: { answer: input.answer },
    }),
  );
}
