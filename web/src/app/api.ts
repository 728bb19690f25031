// The one way the web app talks to the server: JSON in and out, the CSRF and locale headers on every call,
// and every failure turned into an ApiError whose message (already localised by the server) is shown verbatim.
import type { ErrorBody, ErrorCode } from '../../../lib/contracts/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../lib/i18n/locale.ts';

const CSRF_COOKIE = 'lindung_csrf';
const CSRF_HEADER = 'x-csrf-token';
const LOCALE_HEADER = 'x-lindung-locale';

/** NETWORK: the server could not be reached; UNKNOWN: it answered with something that is not our error shape. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** True for errors the server explained (its message is meant for people); false for NETWORK/UNKNOWN. */
  get fromServer(): boolean {
    return this.code !== 'NETWORK' && this.code !== 'UNKNOWN';
  }
}

let currentLocale: Locale = DEFAULT_LOCALE;
let onUnauthorized: ((error: ApiError) => void) | null = null;

/** Called by the i18n provider whenever the language changes. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

/** What to do when any call answers 401 (session ended): the app signs out in the UI and goes to /masuk. */
export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthorized = handler;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=x`, leaving out empty values so that URLs stay short and the server's defaults apply. */
export function queryString(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export type ApiOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (application/octet-stream), e.g. an import upload; instead of `body`. */
  rawBody?: Blob;
  query?: Readonly<Record<string, QueryValue>>;
  signal?: AbortSignal;
  /**
   * Whether a 401 ends the UI session (default true). False for sign-in (a 401 there means a wrong password)
   * and for GET /api/me (a 401 there simply means "not signed in").
   */
  signOutOn401?: boolean;
};

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', [LOCALE_HEADER]: currentLocale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.rawBody !== undefined) headers['content-type'] = 'application/octet-stream';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(path + queryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.rawBody !== undefined && { body: options.rawBody }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached.');
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }

  if (!response.ok) {
    const body = (data as Partial<ErrorBody> | null)?.error;
    const error = body?.code
      ? new ApiError(response.status, body.code, body.message, body.issues ?? [], body.requestId ?? null)
      : new ApiError(response.status, 'UNKNOWN', `HTTP ${response.status}`);
    if (response.status === 401 && (options.signOutOn401 ?? true)) onUnauthorized?.(error);
    throw error;
  }
  return data as T;
}

/** Server issues name the field as "body.password" or "body.value.bp": the first path part after "body". */
export function fieldErrors<F extends string>(error: unknown): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const field = issue.path.split('.').find((p) => p !== 'body') as F | undefined;
    if (field && !out[field]) out[field] = issue.message;
  }
  return out;
}
