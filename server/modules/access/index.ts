// Public API of the access module (users, roles, sessions, audit queries).
export { registerAccessRoutes } from './access.routes.ts';
export {
  createUser,
  login,
  resolveSession,
  purgeExpiredSessions,
  recordSecurityEvent,
  type AccessSettings,
} from './access.service.ts';
export { requireActor, requireRole } from './access.policy.ts';
export { countLockedUsers } from './access.todo.ts';
export { userForJob } from './access.actor.ts';
// Whether any user, or a given username, exists: read inside the caller's withScope transaction (the demo's check).
export { anyUser, usernameTaken } from './access.repository.ts';
