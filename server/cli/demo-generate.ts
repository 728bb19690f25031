import { openRuntime } from '../app.ts';
import type { Config } from '../config.ts';
import { systemContext } from '../platform/context.ts';
import { AppError, errorText } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';
import { generateDemoWorkers } from '../modules/demo/index.ts';

/** `lindung demo generate --regency 34.02 --workers 50000 [--seed N]`, audited as actor "demo". */
export async function demoGenerateCommand(
  config: Config,
  log: Logger,
  args: { regency?: string; workers?: string; seed?: string },
): Promise<void> {
  const regency = args.regency ?? '';
  const count = Number(args.workers);
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  const problems = [
    !/^\d{2}\.\d{2}$/.test(regency) && '  --regency: kode kabupaten/kota, mis. 34.02',
    !(Number.isInteger(count) && count >= 1 && count <= 10_000_000) && '  --workers: bilangan bulat 1–10000000',
    !(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) && '  --seed: bilangan bulat 0–4294967295',
  ].filter(Boolean);
  if (problems.length) throw new Error(`Argumen tidak valid:\n${problems.join('\n')}`);

  const runtime = await openRuntime(config, log);
  const started = Date.now();
  let reported = 0;
  try {
    const result = await generateDemoWorkers(runtime.database, systemContext('demo'), {
      regency,
      count,
      seed,
      onProgress: (streamed, total) => {
        const tenth = Math.floor((streamed / total) * 10);
        if (tenth > reported) {
          reported = tenth;
          process.stderr.write(`${tenth * 10}% (${streamed}/${total})\n`);
        }
      },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${result.inserted} pekerja baru di ${regency} (${result.streamed - result.inserted} NIK sudah ada, seed ${seed}, ${seconds} s).\n`,
    );
  } catch (err) {
    if (err instanceof AppError) throw new Error(errorText(err, 'id'));
    throw err;
  } finally {
    await runtime.close();
  }
}
