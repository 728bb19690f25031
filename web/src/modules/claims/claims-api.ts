// Server state of the claims module: claims, estimates, the gap ledger, heirs and household.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ClaimCreate,
  ClaimDetail,
  ClaimList,
  GapImportResult,
  GapLedger,
  HeirInput,
  Household,
  KkUpdate,
} from '../../../../lib/contracts/claims.ts';
import type {
  AssigneeInput,
  ClaimWorkflow,
  DocumentChecklist,
  HolidayInput,
  HolidayList,
  ReceiptInput,
  TransitionInput,
} from '../../../../lib/contracts/claims-workflow.ts';
import type { BenefitRuleInput, BenefitRuleList } from '../../../../lib/contracts/claims-rules.ts';
import type { DocumentItem } from '../../../../lib/rules/claim-workflow.ts';
import { api, queryString } from '../../app/api.ts';

export const CLAIMS_PAGE_SIZE = 25;

export type ClaimFilters = { q?: string; type?: string; covered?: string; stage?: string; page: number };

const listQuery = (f: Omit<ClaimFilters, 'page'>) => ({
  q: f.q || undefined,
  type: f.type || undefined,
  covered: f.covered || undefined,
  stage: f.stage || undefined,
});

export function useClaims(filters: ClaimFilters) {
  return useQuery({
    queryKey: ['claims', 'list', filters],
    queryFn: ({ signal }) =>
      api<ClaimList>('/api/claims', {
        query: { ...listQuery(filters), page: filters.page, pageSize: CLAIMS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const claimsXlsxUrl = (f: Omit<ClaimFilters, 'page'>, region?: string) =>
  `/api/claims.xlsx${queryString({ ...listQuery(f), region: region || undefined })}`;

/** The batch file of every claim handed to BPJS and not yet decided (audited on the server). */
export const HANDOVER_FILE_URL = '/api/claims/handover-file?format=xlsx';

export function useClaim(id: string) {
  return useQuery({
    queryKey: ['claims', 'one', id],
    queryFn: ({ signal }) => api<ClaimDetail>(`/api/claims/${id}`, { signal }),
  });
}

export function useReportClaim() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ClaimCreate) => api<ClaimDetail>('/api/claims', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['claims'] }),
  });
}

export function useGapLedger(page: number, region: string) {
  return useQuery({
    queryKey: ['claims', 'gaps', page, region],
    queryFn: ({ signal }) =>
      api<GapLedger>('/api/claims/gaps', {
        query: { page, pageSize: CLAIMS_PAGE_SIZE, region: region || undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Checks (dryRun) or saves a list of deaths and accidents into the gap ledger; a save refreshes the ledger. */
export function useGapImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; dryRun: boolean }) =>
      api<GapImportResult>('/api/claims/gaps/import', {
        method: 'POST',
        query: { fileName: input.file.name, dryRun: String(input.dryRun) },
        rawBody: input.file,
      }),
    onSuccess: (r) => (r.saved ? qc.invalidateQueries({ queryKey: ['claims'] }) : undefined),
  });
}

export function useHousehold(workerId: string) {
  return useQuery({
    queryKey: ['claims', 'household', workerId],
    queryFn: ({ signal }) => api<Household>(`/api/claims/household/${workerId}`, { signal }),
  });
}

function useHouseholdChange<I>(workerId: string, call: (input: I) => Promise<Household>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (data) => qc.setQueryData(['claims', 'household', workerId], data),
  });
}

export const useSetKk = (workerId: string) =>
  useHouseholdChange(workerId, (input: KkUpdate) =>
    api<Household>(`/api/claims/household/${workerId}`, { method: 'PUT', body: input }),
  );
export const useAddHeir = (workerId: string) =>
  useHouseholdChange(workerId, (input: HeirInput) =>
    api<Household>(`/api/claims/household/${workerId}/heirs`, { method: 'POST', body: input }),
  );
export const useRemoveHeir = (workerId: string) =>
  useHouseholdChange(workerId, (heirId: string) => api<Household>(`/api/claims/heirs/${heirId}`, { method: 'DELETE' }));

// --- Documents and workflow (issue 15 §4, §5, §7) ---------------------------------------------------------

export function useChecklist(claimId: string) {
  return useQuery({
    queryKey: ['claims', 'documents', claimId],
    queryFn: ({ signal }) => api<DocumentChecklist>(`/api/claims/${claimId}/documents`, { signal }),
  });
}

export function useWorkflow(claimId: string) {
  return useQuery({
    queryKey: ['claims', 'workflow', claimId],
    queryFn: ({ signal }) => api<ClaimWorkflow>(`/api/claims/${claimId}/workflow`, { signal }),
  });
}

export const documentFileUrl = (documentId: string) => `/api/claims/documents/${documentId}/file`;
export const coverLetterUrl = (claimId: string) => `/api/claims/${claimId}/cover-letter.pdf`;

/** A change to one claim's documents or workflow: everything about claims is read again. */
function useClaimChange<I, O>(call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: ['claims'] }) });
}

export const useUploadDocument = (claimId: string) =>
  useClaimChange((input: { item: DocumentItem; file: File }) =>
    api<DocumentChecklist>(`/api/claims/${claimId}/documents`, {
      method: 'POST',
      query: { item: input.item, fileName: input.file.name },
      rawBody: input.file,
    }),
  );
export const useRemoveDocument = () =>
  useClaimChange((documentId: string) =>
    api<DocumentChecklist>(`/api/claims/documents/${documentId}`, { method: 'DELETE' }),
  );
export const useTransition = (claimId: string) =>
  useClaimChange((input: TransitionInput) =>
    api<ClaimWorkflow>(`/api/claims/${claimId}/transitions`, { method: 'POST', body: input }),
  );
export const useAssign = (claimId: string) =>
  useClaimChange((input: AssigneeInput) =>
    api<ClaimWorkflow>(`/api/claims/${claimId}/assignee`, { method: 'PUT', body: input }),
  );
export const useReceipt = (claimId: string) =>
  useClaimChange((input: ReceiptInput) =>
    api<ClaimWorkflow>(`/api/claims/${claimId}/receipt`, { method: 'POST', body: input }),
  );

export function useHolidays() {
  return useQuery({
    queryKey: ['claims', 'holidays'],
    queryFn: ({ signal }) => api<HolidayList>('/api/claims/holidays', { signal }),
  });
}
export const useAddHoliday = () =>
  useClaimChange((input: HolidayInput) => api<HolidayList>('/api/claims/holidays', { method: 'POST', body: input }));
export const useRemoveHoliday = () =>
  useClaimChange((day: string) => api<HolidayList>(`/api/claims/holidays/${day}`, { method: 'DELETE' }));

// --- Benefit rules (issue 15 §3) -------------------------------------------------------------------------

export function useBenefitRules() {
  return useQuery({
    queryKey: ['claims', 'benefit-rules'],
    queryFn: ({ signal }) => api<BenefitRuleList>('/api/claims/benefit-rules', { signal }),
  });
}

export function useAddBenefitRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BenefitRuleInput) => api<BenefitRuleList>('/api/claims/benefit-rules', { method: 'POST', body }),
    onSuccess: (data) => qc.setQueryData(['claims', 'benefit-rules'], data),
  });
}
