// Server state of the programmes module: programmes (figures only) and their enrollments (masked NIKs).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ContinuationPerson,
  EndReason,
  Enrollment,
  EnrollmentStatus,
  FileProposalResult,
  GapList,
  ProgramCostPreview,
  ProgramCostPreviewRequest,
  ProgramCreate,
  ProgramDetail,
  ProgramSummary,
  ProgramUpdate,
  ProposalRequest,
  ProposalResult,
  RolloverRequest,
  RolloverView,
  VerifyResult,
} from '../../../../lib/contracts/programs.ts';
import { api } from '../../app/api.ts';
import type { Page } from '../access/access-api.ts';

export const PROGRAMS_PAGE_SIZE = 25;
export const ENROLLMENTS_PAGE_SIZE = 50;

const path = (id: string, rest = '') => `/api/programs/${encodeURIComponent(id)}${rest}`;

export function usePrograms(filters: { q?: string; page: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['programs', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<ProgramSummary>>('/api/programs', {
        query: { q: filters.q, page: filters.page, pageSize: filters.pageSize ?? PROGRAMS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** What the quota costs and what the ceiling pays for, while the form is being filled (nothing is saved). */
export function useProgramCostPreview(body: ProgramCostPreviewRequest | null) {
  return useQuery({
    queryKey: ['programs', 'cost-preview', body],
    queryFn: ({ signal }) => api<ProgramCostPreview>('/api/programs/cost-preview', { method: 'POST', body, signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useProgram(id: string | null) {
  return useQuery({
    queryKey: ['programs', 'one', id],
    queryFn: ({ signal }) => api<ProgramDetail>(path(id!), { signal }),
    enabled: Boolean(id),
  });
}

export function useProgramGaps(id: string, enabled = true) {
  return useQuery({
    queryKey: ['programs', 'gaps', id],
    queryFn: ({ signal }) => api<GapList>(path(id, '/gaps'), { signal }),
    enabled,
  });
}

export type EnrollmentFilters = { status?: EnrollmentStatus | ''; name?: string; page: number };

export function useEnrollments(id: string | null, filters: EnrollmentFilters, enabled = true) {
  return useQuery({
    queryKey: ['programs', 'enrollments', id, filters],
    queryFn: ({ signal }) =>
      api<Page<Enrollment>>(path(id!, '/enrollments'), {
        query: { status: filters.status, name: filters.name, page: filters.page, pageSize: ENROLLMENTS_PAGE_SIZE },
        signal,
      }),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every change to a programme or its enrollments can move its figures, lists and gaps: refresh them all. */
function useProgramMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programs'] }),
  });
}

export function useCreateProgram() {
  return useProgramMutation((input: ProgramCreate) =>
    api<ProgramDetail>('/api/programs', { method: 'POST', body: input }),
  );
}

export function useUpdateProgram(id: string) {
  return useProgramMutation((input: ProgramUpdate) => api<ProgramDetail>(path(id), { method: 'PATCH', body: input }));
}

/** A preview writes nothing, so it is a mutation only in name (POST with a body); nothing is invalidated. */
export function useProposalPreview(id: string) {
  return useMutation({
    mutationFn: (input: ProposalRequest) =>
      api<ProposalResult>(path(id, '/proposals/preview'), { method: 'POST', body: input }),
  });
}

export function usePropose(id: string) {
  return useProgramMutation((input: ProposalRequest) =>
    api<ProposalResult>(path(id, '/proposals'), { method: 'POST', body: input }),
  );
}

export function useVerify(id: string) {
  return useProgramMutation((ids: string[]) =>
    api<VerifyResult>(path(id, '/enrollments/verify'), { method: 'POST', body: { ids } }),
  );
}

export function useReject(id: string) {
  return useProgramMutation((input: { ids: string[]; reason: string }) =>
    api<{ rejected: number }>(path(id, '/enrollments/reject'), { method: 'POST', body: input }),
  );
}

export function useEnd(id: string) {
  return useProgramMutation((input: { ids: string[]; reason: EndReason; lastMonth?: string; note?: string }) =>
    api<{ ended: number; lastMonth: string }>(path(id, '/enrollments/end'), { method: 'POST', body: input }),
  );
}

export function useSubmitBatch(id: string) {
  return useProgramMutation(() => api<{ batchId: string; persons: number }>(path(id, '/batches'), { method: 'POST' }));
}

/** A file with a NIK column: preview (dryRun) or proposal. The file goes as the raw body, like a worker import. */
export function useFileProposal(id: string) {
  return useProgramMutation((input: { file: File; dryRun: boolean; fromMonth?: string }) =>
    api<FileProposalResult>(path(id, '/proposals/file'), {
      method: 'POST',
      rawBody: input.file,
      query: { fileName: input.file.name, dryRun: String(input.dryRun), fromMonth: input.fromMonth },
    }),
  );
}

/** "Lanjutkan ke tahun berikutnya" (issue 18 §4): the preview writes nothing (POST only for its body). */
export function useRolloverPreview(id: string) {
  return useMutation({
    mutationFn: (input: RolloverRequest) =>
      api<RolloverView>(path(id, '/rollover/preview'), { method: 'POST', body: input }),
  });
}

export function useRollover(id: string) {
  return useProgramMutation((input: RolloverRequest) =>
    api<RolloverView>(path(id, '/rollover'), { method: 'POST', body: input }),
  );
}

/** "Lanjutkan mandiri" (issue 18 §5): persons whose funded membership ended, with the self-paid BPU price. */
export function useContinuation(page: number, program: string | null) {
  return useQuery({
    queryKey: ['programs', 'continuation', page, program],
    queryFn: ({ signal }) =>
      api<Page<ContinuationPerson>>('/api/programs/continuation', {
        query: { page, pageSize: 50, program: program ?? undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
export const continuationXlsxUrl = '/api/programs/continuation.xlsx';
export const continuationLetterUrl = (workerId: string) =>
  `/api/programs/continuation/${encodeURIComponent(workerId)}/letter.pdf`;
