// Server state of the access module: users and the audit trail.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../../lib/access/roles.ts';
import type {
  AuditEntry,
  SecurityAlerts,
  SecurityEvent,
  SecurityEventKind,
  User,
  UserCreate,
  UserUpdate,
} from '../../../../lib/contracts/access.ts';
import { api } from '../../app/api.ts';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const USERS_PAGE_SIZE = 25;
export const AUDIT_PAGE_SIZE = 25;

export type UserFilters = { q?: string; role?: Role | ''; active?: 'true' | 'false' | ''; page: number };

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<User>>('/api/users', {
        query: {
          q: filters.q,
          role: filters.role,
          active: filters.active,
          page: filters.page,
          pageSize: USERS_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: ({ signal }) => api<User>(`/api/users/${encodeURIComponent(id)}`, { signal }),
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UserCreate) => api<User>('/api/users', { method: 'POST', body: input }),
    meta: { saved: true },
    onSuccess: () => invalidate(),
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    meta: { saved: true },
    mutationFn: (patch: UserUpdate) =>
      api<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => invalidate(),
  });
}

/** Deactivate (DELETE) or activate again (PATCH active: true) any row of the list. */
export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? api<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { active: true } })
        : api<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => invalidate(),
  });
}

export type AuditFilters = { actor?: string; action?: string; from?: string; to?: string; page: number };

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<AuditEntry>>('/api/audit', {
        query: {
          actor: filters.actor,
          action: filters.action,
          from: filters.from,
          to: filters.to,
          page: filters.page,
          pageSize: AUDIT_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export const SECURITY_PAGE_SIZE = 25;

export type SecurityFilters = { kind?: SecurityEventKind | ''; username?: string; ip?: string; page: number };

export function useSecurityEvents(filters: SecurityFilters) {
  return useQuery({
    queryKey: ['security', 'events', filters],
    queryFn: ({ signal }) =>
      api<Page<SecurityEvent>>('/api/security/events', {
        query: {
          kind: filters.kind,
          username: filters.username,
          ip: filters.ip,
          page: filters.page,
          pageSize: SECURITY_PAGE_SIZE,
        },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSecurityAlerts() {
  return useQuery({
    queryKey: ['security', 'alerts'],
    queryFn: ({ signal }) => api<SecurityAlerts>('/api/security/alerts', { signal }),
    refetchInterval: 60_000,
  });
}
