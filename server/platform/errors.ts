import { ERROR_CATALOGUE, type ErrorBody, type ErrorCode } from '../../lib/contracts/errors.ts';
import { interpolate, type Locale } from '../../lib/i18n/locale.ts';

export type ErrorParams = Readonly<Record<string, string | number>>;

/** The one error type services throw. Its code is closed; the mapper below turns it into HTTP. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly issues: { path: string; message: string }[] | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, issues?: { path: string; message: string }[]) {
    super(interpolate(ERROR_CATALOGUE[code].message.en, params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

export function errorBody(err: AppError, locale: Locale, requestId: string): ErrorBody {
  const message = interpolate(ERROR_CATALOGUE[err.code].message[locale], { requestId, ...err.params });
  return {
    error: {
      code: err.code,
      message,
      requestId,
      ...(err.issues ? { issues: err.issues } : {}),
    },
  };
}
