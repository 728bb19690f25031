import type { Role } from '../../../lib/access/roles.ts';
import type { Db } from '../../platform/db.ts';

/**
 * Who a background job acts for: the user who asked for it, by username (id, role, locale), or undefined when the
 * account is gone. For system work (the import runner), not for requests: it reads past the region scope.
 */
export async function userForJob(
  db: Db,
  username: string,
): Promise<{ id: string; role: Role; locale: 'id' | 'en' } | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'locale'])
    .where('username', '=', username)
    .executeTakeFirst();
  return user && { id: String(user.id), role: user.role as Role, locale: user.locale === 'en' ? 'en' : 'id' };
}
