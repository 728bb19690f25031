import { userCreate } from '../../lib/contracts/access.ts';
import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { AppError, errorText } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { createUser } from '../modules/access/index.ts';

/** `lindung users add --username U --password P --role R --region CODE [--name N]`, audited as actor "cli". */
export async function usersAddCommand(
  config: Config,
  log: Logger,
  args: { username?: string; password?: string; role?: string; region?: string; name?: string },
): Promise<void> {
  const parsed = userCreate.safeParse({
    username: args.username,
    password: args.password,
    role: args.role,
    region: args.region,
    displayName: args.name ?? args.username,
    locale: 'id',
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${String(i.path[0] ?? '')}: ${i.message}`);
    throw new Error(`Argumen tidak valid:\n${lines.join('\n')}`);
  }
  const runtime = await openRuntime(config, log);
  try {
    const user = await createUser(runtime.database.app, systemContext('cli'), parsed.data);
    process.stdout.write(`Pengguna ${user.username} (${user.role}, ${user.regionLabel}) dibuat.\n`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(errorText(err, 'id'));
    throw err;
  } finally {
    await runtime.close();
  }
}
