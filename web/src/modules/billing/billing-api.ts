// Server state of the billing pages: bills, payments, lapse warnings and the coverage check.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BillGenerateResult,
  BillList,
  BillStatus,
  CoverageCheckResult,
  LapseKind,
  LapseList,
  LapseSource,
  Payment,
  PaymentCreate,
  PaymentResult,
} from '../../../../lib/contracts/billing.ts';
import { api, queryString } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const BILLS_PAGE_SIZE = 25;
export const PAYMENTS_PAGE_SIZE = 10;
export const LAPSE_PAGE_SIZE = 50;

export type BillFilters = { programId?: string; month?: string; status?: BillStatus | ''; page: number };

const billQuery = (f: Omit<BillFilters, 'page'>) => ({
  programId: f.programId,
  month: f.month,
  status: f.status,
});

export function useBills(filters: BillFilters) {
  return useQuery({
    queryKey: ['billing', 'bills', filters],
    queryFn: ({ signal }) =>
      api<BillList>('/api/bills', {
        query: { ...billQuery(filters), page: filters.page, pageSize: BILLS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const billsXlsxUrl = (f: Omit<BillFilters, 'page'>) => `/api/bills.xlsx${queryString(billQuery(f))}`;

export function usePayments(filters: { programId?: string; page: number }) {
  return useQuery({
    queryKey: ['billing', 'payments', filters],
    queryFn: ({ signal }) =>
      api<Page<Payment>>('/api/payments', {
        query: { programId: filters.programId, page: filters.page, pageSize: PAYMENTS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Brings the bills up to date (idempotent); the page runs it once when a manager opens it. */
export function useGenerateBills() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (programId?: string) =>
      api<BillGenerateResult>('/api/bills/generate', { method: 'POST', body: programId ? { programId } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['billing'] }),
  });
}

export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { saved: true },
    mutationFn: (input: { billId: string; payment: PaymentCreate }) =>
      api<PaymentResult>(`/api/bills/${encodeURIComponent(input.billId)}/payments`, {
        method: 'POST',
        body: input.payment,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['billing'] }),
  });
}

export type LapseFilters = { kind?: LapseKind | ''; source?: LapseSource | ''; region?: string; page: number };

const lapseQuery = (f: Omit<LapseFilters, 'page'>) => ({ kind: f.kind, source: f.source, region: f.region });

export function useLapseWarnings(filters: LapseFilters) {
  return useQuery({
    queryKey: ['billing', 'lapse', filters],
    queryFn: ({ signal }) =>
      api<LapseList>('/api/lapse-warnings', {
        query: { ...lapseQuery(filters), page: filters.page, pageSize: LAPSE_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const lapseXlsxUrl = (f: Omit<LapseFilters, 'page'>) => `/api/lapse-warnings.xlsx${queryString(lapseQuery(f))}`;

/** A coverage check reads only, but is audited: asked on demand, never cached across NIKs. */
export function useCoverageCheck() {
  return useMutation({
    mutationFn: (q: { nik: string; date: string }) => api<CoverageCheckResult>('/api/coverage/check', { query: q }),
  });
}
