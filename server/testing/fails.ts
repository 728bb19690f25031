// The refusal a test expects: the AppError a promise rejects with (a test fails when the promise resolves).
import type { AppError } from '../platform/errors.ts';

export async function fails(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
}
