import { systemClock } from '../platform/clock.ts';
import { coverageCheckQuery } from '../../lib/contracts/billing.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { todayWib } from '../../lib/rules/eligibility.ts';
import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { AppError, errorText } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { checkCoverage } from '../modules/billing/index.ts';

export const COVERAGE_CHECK_USAGE = 'lindung coverage check --nik NIK [--date YYYY-MM-DD] [--json] [--lang id|en]';

/**
 * `lindung coverage check --nik N --date YYYY-MM-DD [--json]`: the same answer as GET /api/coverage/check, with the
 * whole country in scope, as the system actor "cli" (audited). --json prints exactly one JSON object
 * {covered, programs, reason}; without it, the reason and one line per source. Without --date: today (WIB).
 */
export async function coverageCheckCommand(
  config: Config,
  log: Logger,
  args: { nik?: string; date?: string; json?: boolean; lang?: string },
): Promise<void> {
  const locale: Locale = args.lang === 'en' ? 'en' : 'id';
  const parsed = coverageCheckQuery.safeParse({ nik: args.nik ?? '', date: args.date ?? todayWib(systemClock()) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ');
    throw new Error(`${issues}\nPemakaian: ${COVERAGE_CHECK_USAGE}`);
  }
  const runtime = await openRuntime(config, log);
  const base = systemContext('cli');
  const ctx = { ...base, actor: { ...base.actor, locale } };
  try {
    const result = await checkCoverage(runtime.database.app, ctx, parsed.data, { locale });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      const lines = [result.reason];
      for (const p of result.programs) {
        lines.push(
          `  - ${p.program}${p.kpj ? ` (KPJ ${p.kpj})` : ''}: ${p.state}, mulai ${p.coverageStart}` +
            `${p.coverageEnd ? ` s.d. ${p.coverageEnd}` : ''}, lunas sampai ${p.paidThrough ?? '—'}` +
            `${p.lapseDate ? `, nonaktif mulai ${p.lapseDate}` : ''}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } catch (err) {
    if (err instanceof AppError) throw new Error(errorText(err, locale));
    throw err;
  } finally {
    await runtime.close();
  }
}
