import { estimateRequest } from '../../lib/contracts/claims.ts';
import type { Locale } from '../../lib/i18n/locale.ts';
import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { AppError, errorText } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { estimate } from '../modules/claims/index.ts';

export const CLAIMS_ESTIMATE_USAGE =
  'lindung claims estimate --type jkm|jkk --date YYYY-MM-DD (--nik NIK | --income N [--contribution-months M])\n' +
  '    [--outcome treatment|stmb|partial-disability|total-disability|death] [--percent P] [--months M] [--json]';

export type ClaimsEstimateArgs = {
  type?: string;
  date?: string;
  nik?: string;
  income?: string;
  'contribution-months'?: string;
  outcome?: string;
  percent?: string;
  months?: string;
  json?: boolean;
  lang?: string;
};

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

/**
 * `lindung claims estimate …`: the same answer as POST /api/claims/estimate, as the system actor "cli" over the
 * whole country (a NIK lookup is audited by the coverage check). --json prints exactly one JSON object
 * {covered, reason, items, total}; without it, one line per benefit with its basis.
 */
export async function claimsEstimateCommand(config: Config, log: Logger, args: ClaimsEstimateArgs): Promise<void> {
  const locale: Locale = args.lang === 'en' ? 'en' : 'id';
  const parsed = estimateRequest.safeParse({
    type: args.type,
    date: args.date,
    nik: args.nik,
    income: num(args.income),
    contributionMonths: num(args['contribution-months']),
    outcome: args.outcome,
    percent: num(args.percent),
    months: num(args.months),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'type')}: ${i.message}`).join('; ');
    throw new Error(`${issues}\nPemakaian: ${CLAIMS_ESTIMATE_USAGE}`);
  }
  const runtime = await openRuntime(config, log);
  const base = systemContext('cli');
  const ctx = { ...base, actor: { ...base.actor, locale } };
  try {
    const result = await estimate(runtime.database.app, ctx, parsed.data, { locale });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    const rp = (n: number | null) => (n === null ? '—' : `Rp${n.toLocaleString('id-ID')}`);
    const lines = result.reason ? [result.reason] : [];
    for (const i of result.items) {
      lines.push(`  ${i.benefit}: ${rp(i.amount)}${i.inTotal ? '' : ' (tidak dijumlahkan)'} — ${i.basis}`);
    }
    lines.push(`  Jumlah tunai: ${rp(result.total)}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(errorText(err, locale));
    throw err;
  } finally {
    await runtime.close();
  }
}
