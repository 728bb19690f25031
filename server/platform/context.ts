import type { Role, Scope } from '../../lib/access/roles.ts';
import type { Locale } from '../../lib/i18n/locale.ts';

/** Who acts, from where: passed explicitly to every service (no globals, no DI container). */
export type Actor = {
  userId: string;
  username: string;
  role: Role;
  scope: Scope;
  locale: Locale;
};

export type RequestContext = {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
};

/** The context of a CLI command or a system job: acts as the named system actor over the whole country. */
export function systemContext(name = 'system'): RequestContext & { actor: Actor } {
  return {
    actor: { userId: '0', username: name, role: 'admin', scope: '*', locale: 'id' },
    requestId: `${name}-${Date.now().toString(36)}`,
    ip: null,
  };
}
