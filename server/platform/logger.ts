import { pino, type Logger, type LevelWithSilent } from 'pino';

// NIKs (16 digits) and other long identifiers must never reach a log in full (UU 27/2022).
// Masking is done on the serialised line, so it also covers error messages and SQL parameters.
const SIXTEEN_DIGITS = /(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)/g;

export function maskSixteenDigits(line: string): string {
  return line.replace(SIXTEEN_DIGITS, '$1********$2');
}

export function createLogger(level: LevelWithSilent, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: 'lindung' },
      redact: {
        paths: ['password', '*.password', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
        censor: '[disamarkan]',
      },
      hooks: {
        streamWrite: maskSixteenDigits,
      },
    },
    destination ?? process.stdout,
  );
}

export type { Logger };
