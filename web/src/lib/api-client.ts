import { type ErrorCode, isErrorCode } from '../../../common/errors';
import type { Locale } from '../../../common/locale';

export type ErrorDetail = { path: string; message: string };
/** The server's code, or ours: no answer at all (`network_error`), or an answer without a known code (`http_502`). */
export type ApiErrorCode = ErrorCode | 'network_error' | `http_${number}`;

/** A failed API call in the server's one error shape, so pages can show the message and mark the fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, details: ErrorDetail[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an expected answer (sign-in, "who am I"), not a reason to leave the page. */
  expectUnauthorized?: boolean;
  /** Reads a successful answer that is not JSON (a file download); errors are still read as the error shape. */
  read?: (response: Response) => Promise<unknown>;
  /** The browser cache's part: `no-cache` revalidates a cacheable answer (ETag → 304) instead of reusing it unasked. */
  cache?: RequestCache;
};

type ClientHooks = {
  onUnauthorized: () => void;
  onPasswordChangeRequired: () => void;
  /** The role requires a second factor the user has not set up yet. */
  onTotpEnrolmentRequired: () => void;
  /** Fetches a fresh CSRF token (GET /auth/me) after the server rejected the one we held. */
  refreshCsrfToken: () => Promise<void>;
};

const state: { csrfToken: string | null; locale: Locale; hooks: ClientHooks } = {
  csrfToken: null,
  locale: 'zh-CN',
  hooks: {
    onUnauthorized: () => {},
    onPasswordChangeRequired: () => {},
    onTotpEnrolmentRequired: () => {},
    refreshCsrfToken: async () => {},
  },
};

/** Keeps the CSRF token of the current session in memory only (never in storage). */
export function setCsrfToken(token: string | null) {
  state.csrfToken = token;
}

/** The language the server should answer (and word its error messages) in. */
export function setRequestLocale(locale: Locale) {
  state.locale = locale;
}

/** Lets the application decide where to go when the session ends or a password change is due. */
export function configureApiClient(hooks: Partial<ClientHooks>) {
  state.hooks = { ...state.hooks, ...hooks };
}

/** Builds `/api/v1/<path>?…`, leaving out empty parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(name, String(value));
  }
  const qs = search.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; requestId?: unknown; details?: unknown } };

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as ErrorBody | null)?.error;
  const code = isErrorCode(error?.code) ? error.code : (`http_${status}` as const);
  const message = typeof error?.message === 'string' ? error.message : '';
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
  const details = Array.isArray(error?.details)
    ? error.details.filter(
        (d): d is ErrorDetail => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
      )
    : [];
  return new ApiError(status, code, message, details, requestId);
}

async function send<T>(method: string, path: string, options: RequestOptions, retried = false): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.locale };
  // A FormData body (a file upload) is sent as multipart, its boundary set by the browser.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
      ...(options.cache ? { cache: options.cache } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', '');
  }

  if (response.ok) {
    if (options.read) return (await options.read(response)) as T;
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const error = toApiError(response.status, await response.json().catch(() => null));
  // A stale CSRF token (another tab signed in again): fetch the current one and try once more.
  if (error.status === 403 && error.code === 'csrf_failed' && !retried) {
    await state.hooks.refreshCsrfToken();
    return send<T>(method, path, options, true);
  }
  if (error.status === 401 && !options.expectUnauthorized) state.hooks.onUnauthorized();
  if (error.status === 403 && error.code === 'password_change_required') state.hooks.onPasswordChangeRequired();
  if (error.status === 403 && error.code === 'totp_enrolment_required') state.hooks.onTotpEnrolmentRequired();
  throw error;
}

/** The JSON API under /api/v1: same-origin cookie session, CSRF header on writes, errors thrown as ApiError. */
export const api = {
  get: <T>(path: string, query?: QueryParams, options: Omit<RequestOptions, 'query' | 'body'> = {}) =>
    send<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) => send<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, { body }),
  delete: <T>(path: string) => send<T>('DELETE', path, {}),
};
