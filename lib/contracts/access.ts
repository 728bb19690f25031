import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { LOCALES } from '../i18n/locale.ts';
import { isoDate, paging, pageOf, scopeCode } from './common.ts';

export const role = z.enum(ROLES);
export const locale = z.enum(LOCALES);

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, '3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung');

/** At least 10 characters; a passphrase is better than symbols. */
export const password = z.string().min(10, 'minimal 10 karakter').max(200);

export const loginRequest = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
});

export const me = z.object({
  username: z.string(),
  role,
  region: scopeCode,
  regionLabel: z.string(),
  displayName: z.string(),
  locale,
});
export type Me = z.infer<typeof me>;

export const loginResponse = me.extend({ csrfToken: z.string() });

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  region: scopeCode,
  regionLabel: z.string(),
  locale,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userCreate = z.strictObject({
  username,
  displayName: z.string().trim().min(2).max(120),
  password,
  role,
  region: scopeCode,
  locale: locale.default('id'),
});
export type UserCreate = z.infer<typeof userCreate>;

export const userUpdate = z
  .strictObject({
    displayName: z.string().trim().min(2).max(120).optional(),
    role: role.optional(),
    region: scopeCode.optional(),
    active: z.boolean().optional(),
    password: password.optional(),
    locale: locale.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'tidak ada perubahan');
export type UserUpdate = z.infer<typeof userUpdate>;

export const userListQuery = z.strictObject({
  q: z.string().trim().max(80).optional(),
  role: role.optional(),
  region: scopeCode.optional(),
  active: z.enum(['true', 'false']).optional(),
  ...paging,
});
export type UserListQuery = z.infer<typeof userListQuery>;
export const userList = pageOf(user);

export const preferencesUpdate = z.strictObject({ locale });

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  region: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.strictObject({
  actor: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  entity: z.string().trim().max(60).optional(),
  region: scopeCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...paging,
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditList = pageOf(auditEntry);

export const health = z.object({ status: z.literal('ok'), db: z.literal('ok') });

// Security events (issue 13): refused sign-ins and probes, for the admin's Keamanan page.
export const SECURITY_EVENT_KINDS = [
  'login_failed',
  'login_delayed',
  'rate_limited',
  'csrf_rejected',
  'forbidden',
  'out_of_scope',
] as const;
export const securityEventKind = z.enum(SECURITY_EVENT_KINDS);
export type SecurityEventKind = z.infer<typeof securityEventKind>;

export const securityEvent = z.object({
  id: z.string(),
  at: z.string(),
  kind: securityEventKind,
  username: z.string().nullable(),
  ip: z.string().nullable(),
  region: z.string().nullable(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.unknown(),
});
export type SecurityEvent = z.infer<typeof securityEvent>;

export const securityEventQuery = z.strictObject({
  kind: securityEventKind.optional(),
  username: z.string().trim().max(200).optional(),
  ip: z.string().trim().max(100).optional(),
  ...paging,
});
export type SecurityEventQuery = z.infer<typeof securityEventQuery>;
export const securityEventList = pageOf(securityEvent);

/** One address or account with more than `threshold` events in the last `windowMinutes`. */
export const securityAlert = z.object({
  by: z.enum(['ip', 'username']),
  value: z.string(),
  events: z.number().int(),
  first: z.string(),
  last: z.string(),
});
export const securityAlerts = z.object({
  threshold: z.number().int(),
  windowMinutes: z.number().int(),
  alerts: z.array(securityAlert),
});
export type SecurityAlerts = z.infer<typeof securityAlerts>;
