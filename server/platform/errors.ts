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

/** Anything carrying a catalogue code and its parameters: an AppError, or the spreadsheet reader's TabularError. */
export type CodedError = { readonly code: ErrorCode; readonly params: ErrorParams };

/**
 * The one way an error code becomes words for a person: the HTTP error body, the CLI's messages and the texts the
 * runners store for the UI all go through here. `requestId` fills the catalogue's `{requestId}` placeholder.
 */
export function errorText(err: CodedError, locale: Locale, requestId = '-'): string {
  return interpolate(ERROR_CATALOGUE[err.code].message[locale], { requestId, ...err.params });
}

export function errorBody(err: AppError, locale: Locale, requestId: string): ErrorBody {
  const message = errorText(err, locale, requestId);
  return {
    error: {
      code: err.code,
      message,
      requestId,
      ...(err.issues ? { issues: err.issues } : {}),
    },
  };
}

/**
 * A domain SQL function refuses with SQLSTATE `LN001`, a catalogue code as MESSAGE and its parameters as JSON in
 * DETAIL (e.g. lindung_channel_for: UNKNOWN_CHANNEL); this turns it into that AppError wherever it surfaces.
 */
export const SQL_REFUSAL_STATE = 'LN001';

export function sqlRefusal(err: unknown): AppError | null {
  const e = err as { code?: unknown; message?: unknown; detail?: unknown } | null;
  if (!e || e.code !== SQL_REFUSAL_STATE || typeof e.message !== 'string' || !(e.message in ERROR_CATALOGUE)) {
    return null;
  }
  let params: ErrorParams = {};
  try {
    params = typeof e.detail === 'string' ? (JSON.parse(e.detail) as ErrorParams) : {};
  } catch {
    params = {};
  }
  return new AppError(e.message as ErrorCode, params);
}
