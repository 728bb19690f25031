import { z } from 'zod';
import type { Role } from '../access/roles.ts';

// The home page's to-do list (issue 12 §7): what waits for the signed-in person, counted in their region scope.

/** One thing that may wait for someone; which ones a role gets is decided by `TODO_BY_ROLE`. */
export const TODO_KEYS = [
  'proposalsToVerify',
  'enrollmentsToSend',
  'batchesWaiting',
  'proposalsWaiting',
  'proposalsRejected',
  'lapseWarnings',
  'snapshotDue',
  'lockedUsers',
  'failedImports',
  'failedReports',
] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

/** The to-do list of each role, in the order shown; pimpinan reads the dashboard, the asesor's work is not built. */
export const TODO_BY_ROLE: Readonly<Record<Role, readonly TodoKey[]>> = {
  operator: ['lapseWarnings', 'proposalsWaiting', 'proposalsRejected'],
  disnaker: ['proposalsToVerify', 'enrollmentsToSend', 'batchesWaiting', 'failedImports'],
  bpjs: ['batchesWaiting', 'snapshotDue'],
  admin: ['lockedUsers', 'failedImports', 'failedReports'],
  pimpinan: [],
  asesor: [],
};

/** Rejections and failures older than this are history, not work. */
export const TODO_RECENT_DAYS = 30;

export const todoItem = z.object({
  key: z.enum(TODO_KEYS),
  count: z
    .number()
    .int()
    .nonnegative()
    .describe('Berapa yang menunggu (snapshotDue: 1 bila snapshot bulan ini belum ada)'),
});

export const homeTodo = z
  .object({
    items: z.array(todoItem),
    /** The latest BPJS snapshot's date in scope (bpjs only), to say how old it is. */
    lastSnapshot: z.string().nullable(),
    today: z.string(),
  })
  .describe('Yang menunggu pengguna ini di wilayah kerjanya');
export type HomeTodo = z.infer<typeof homeTodo>;
