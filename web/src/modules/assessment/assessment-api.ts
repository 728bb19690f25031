// Server state of the Paritrana pages: frameworks, self-assessments and the province's ranking.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  Evidence,
  Framework,
  FrameworkSummary,
  ProvinceView,
  RegisterCandidates,
} from '../../../../lib/contracts/assessment.ts';
import { api, queryString } from '../../app/api.ts';

export type AssessmentItem = {
  id: string;
  frameworkId: string;
  region: string;
  regionLabel: string;
  cutoff: string;
  status: string;
  submittedAt: string | null;
};

export const useFrameworks = () =>
  useQuery({
    queryKey: ['paritrana', 'frameworks'],
    queryFn: ({ signal }) => api<{ items: FrameworkSummary[] }>('/api/paritrana/frameworks', { signal }),
  });

export const useFramework = (id: string | null) =>
  useQuery({
    queryKey: ['paritrana', 'framework', id],
    queryFn: ({ signal }) => api<Framework>(`/api/paritrana/frameworks/${id}`, { signal }),
    enabled: id !== null,
  });

export const useAssessments = () =>
  useQuery({
    queryKey: ['paritrana', 'assessments'],
    queryFn: ({ signal }) => api<{ items: AssessmentItem[] }>('/api/paritrana/assessments', { signal }),
  });

export const useAssessment = (id: string) =>
  useQuery({
    queryKey: ['paritrana', 'assessment', id],
    queryFn: ({ signal }) => api<Assessment>(`/api/paritrana/assessments/${id}`, { signal }),
  });

export const useProvince = (frameworkId: string | null, province: string) =>
  useQuery({
    queryKey: ['paritrana', 'province', frameworkId, province],
    queryFn: ({ signal }) => api<ProvinceView>('/api/paritrana/province', { query: { frameworkId, province }, signal }),
    enabled: frameworkId !== null,
  });

/** Any change: everything about Paritrana is read again. */
function useChange<I, O>(call: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => qc.invalidateQueries({ queryKey: ['paritrana'] }) });
}

export const useOpenAssessment = () =>
  useChange((input: { frameworkId: string; region: string; cutoff: string }) =>
    api<Assessment>('/api/paritrana/assessments', { method: 'POST', body: input }),
  );
export const usePrepare = (id: string) =>
  useChange((cutoff: string | undefined) =>
    api<Assessment>(`/api/paritrana/assessments/${id}/prepare`, { method: 'POST', body: cutoff ? { cutoff } : {} }),
  );
export const useManual = (id: string) =>
  useChange((input: { indicatorCode: string; value: number | null; note: string }) =>
    api<Assessment>(`/api/paritrana/assessments/${id}/manual`, { method: 'PUT', body: input }),
  );
export const useNarrative = (id: string) =>
  useChange((input: { aspectCode: string; text: string }) =>
    api<Assessment>(`/api/paritrana/assessments/${id}/narrative`, { method: 'PUT', body: input }),
  );
export const useUploadEvidence = (id: string) =>
  useChange((input: { indicatorCode: string; file: File }) =>
    api<Evidence>(`/api/paritrana/assessments/${id}/evidence`, {
      method: 'POST',
      query: { indicatorCode: input.indicatorCode, fileName: input.file.name },
      rawBody: input.file,
    }),
  );
/** The governance register's instruments that may be attached (in force on the cut-off, with a signed PDF). */
export const useRegisterCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['paritrana', 'register', id],
    queryFn: ({ signal }) => api<RegisterCandidates>(`/api/paritrana/assessments/${id}/register`, { signal }),
    enabled,
  });
export const useAttachInstrument = (id: string) =>
  useChange((input: { indicatorCode: string; instrumentId: string }) =>
    api<Evidence>(`/api/paritrana/assessments/${id}/evidence/register`, { method: 'POST', body: input }),
  );
export const useRemoveEvidence = (id: string) =>
  useChange((evidenceId: string) =>
    api<{ ok: true }>(`/api/paritrana/assessments/${id}/evidence/${evidenceId}`, { method: 'DELETE' }),
  );
export const useSubmit = (id: string) =>
  useChange(() => api<Assessment>(`/api/paritrana/assessments/${id}/submit`, { method: 'POST' }));
export const useScore = () =>
  useChange((input: { assessmentId: string; indicatorCode: string; score: number; comment: string }) =>
    api<{ ok: true }>(`/api/paritrana/assessments/${input.assessmentId}/scores`, {
      method: 'PUT',
      body: { indicatorCode: input.indicatorCode, score: input.score, comment: input.comment },
    }),
  );
export const useComment = () =>
  useChange((input: { assessmentId: string; body: string }) =>
    api<{ ok: true }>(`/api/paritrana/assessments/${input.assessmentId}/comments`, {
      method: 'POST',
      body: { body: input.body },
    }),
  );
export const useUpdateFramework = (id: string) =>
  useChange((input: { name: string; note: string; definition: Framework['definition'] }) =>
    api<Framework>(`/api/paritrana/frameworks/${id}`, { method: 'PATCH', body: input }),
  );
export const usePublish = () =>
  useChange((id: string) => api<Framework>(`/api/paritrana/frameworks/${id}/publish`, { method: 'POST' }));
export const useCopy = () =>
  useChange((input: { id: string; year: number; name: string }) =>
    api<Framework>(`/api/paritrana/frameworks/${input.id}/copy`, {
      method: 'POST',
      body: { year: input.year, name: input.name },
    }),
  );

export const packPdfUrl = (id: string) => `/api/paritrana/assessments/${id}/pack.pdf`;
export const figuresXlsxUrl = (id: string) => `/api/paritrana/assessments/${id}/figures.xlsx`;
export const evidenceUrl = (id: string, evidenceId: string) =>
  `/api/paritrana/assessments/${id}/evidence/${evidenceId}/file`;
export const rankingXlsxUrl = (frameworkId: string, province: string) =>
  `/api/paritrana/province.xlsx${queryString({ frameworkId, province })}`;
