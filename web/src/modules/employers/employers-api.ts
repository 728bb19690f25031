// Server state of the employer pages: the register, uploads, the compliance check, warnings, projects.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CertificateInput,
  ComplianceAnswer,
  EmployerDetail,
  EmployerList,
  ProjectDetail,
  ProjectInput,
  ProjectList,
  UploadResult,
  WarningInput,
} from '../../../../lib/contracts/employers.ts';
import { api, queryString } from '../../app/api.ts';

export const EMPLOYERS_PAGE_SIZE = 25;

export type EmployerFilters = { q?: string; status?: string; compliant?: string; page: number };

export function useEmployers(f: EmployerFilters) {
  return useQuery({
    queryKey: ['employers', 'list', f],
    queryFn: ({ signal }) =>
      api<EmployerList>('/api/employers', {
        query: {
          q: f.q || undefined,
          status: f.status || undefined,
          compliant: f.compliant || undefined,
          page: f.page,
          pageSize: EMPLOYERS_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

function useEmployersMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['employers'] }) });
}

export const useLicensingUpload = () =>
  useEmployersMutation((file: File) =>
    api<UploadResult>('/api/employers/licensing', { method: 'POST', rawBody: file, query: { fileName: file.name } }),
  );

export const useSnapshotUpload = () =>
  useEmployersMutation((input: { file: File; asOf?: string }) =>
    api<UploadResult>('/api/employers/snapshots', {
      method: 'POST',
      rawBody: input.file,
      query: { fileName: input.file.name, asOf: input.asOf || undefined },
    }),
  );

export function useEmployer(id: string) {
  return useQuery({
    queryKey: ['employers', 'one', id],
    queryFn: ({ signal }) => api<EmployerDetail>(`/api/employers/${id}`, { signal }),
  });
}

export const useRecordWarning = (id: string) =>
  useEmployersMutation((input: WarningInput) =>
    api<EmployerDetail>(`/api/employers/${id}/warnings`, { method: 'POST', body: input }),
  );

export const sanctionLetterUrl = (id: string, branchReference: string, branchDate: string) =>
  `/api/employers/${id}/sanction-letter.pdf${queryString({ branchReference, branchDate })}`;

/** Each check is a question the server audits: a mutation, not a cached query. */
export const useComplianceCheck = () =>
  useMutation({
    mutationFn: (nib: string) => api<ComplianceAnswer>('/api/employers/compliance', { query: { nib } }),
  });

export function useProjects(f: { page: number; startingWithinDays?: number; withoutJakon?: 'true' }) {
  return useQuery({
    queryKey: ['employers', 'projects', f],
    queryFn: ({ signal }) =>
      api<ProjectList>('/api/employers/projects', { query: { ...f, pageSize: EMPLOYERS_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['employers', 'project', id],
    queryFn: ({ signal }) => api<ProjectDetail>(`/api/employers/projects/${id}`, { signal }),
  });
}

export const useRegisterProject = () =>
  useEmployersMutation((input: ProjectInput) =>
    api<ProjectDetail>('/api/employers/projects', { method: 'POST', body: input }),
  );

export const useRecordCertificate = (id: string) =>
  useEmployersMutation((input: CertificateInput) =>
    api<ProjectDetail>(`/api/employers/projects/${id}/certificate`, { method: 'PUT', body: input }),
  );

export const useMarkReady = (id: string) =>
  useEmployersMutation(() => api<ProjectDetail>(`/api/employers/projects/${id}/ready`, { method: 'POST' }));

export const useAttachWorker = (id: string) =>
  useEmployersMutation((input: { nik: string; wage?: number }) =>
    api<ProjectDetail>(`/api/employers/projects/${id}/workers`, { method: 'POST', body: input }),
  );

export const useChooseJakonBasis = (id: string) =>
  useEmployersMutation((basis: ProjectDetail['jakonBasis']) =>
    api<ProjectDetail>(`/api/employers/projects/${id}/jakon-basis`, { method: 'PUT', body: { basis } }),
  );
