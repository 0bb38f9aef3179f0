// The one request wrapper of the web app: every API call goes through request().
// - same-origin fetch with the session cookie (HttpOnly, set by POST /auth/login);
// - the CSRF token (from login or /auth/me) on every write, in X-CSRF-Token;
// - RFC 9457 problem documents turned into an ApiError carrying the per-field messages, in the
//   UI's language (Accept-Language follows the locale; the server translates the problem);
// - a 401 on an authenticated call ends the session and sends the user to the login page.
import { currentLocale } from '@/locales';
import type { components } from './schema';

export type Problem = components['schemas']['Problem'];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** Field name -> message, from the problem's `errors`. */
  readonly fields: Readonly<Record<string, string>>;
  /** Seconds to wait, from Retry-After (429). */
  readonly retryAfter: number | null;
  /** The whole problem document (extension members such as `allowed` or `reasons`). */
  readonly problem: Readonly<Partial<Problem>>;

  constructor(
    status: number,
    title: string,
    detail: string,
    fields: Record<string, string> = {},
    retryAfter: number | null = null,
    problem: Partial<Problem> = {},
  ) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fields = fields;
    this.retryAfter = retryAfter;
    this.problem = problem;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Raw bytes sent as they are (a file upload), with their Content-Type. */
  rawBody?: Blob;
  /** false: a 401 is returned to the caller as an ApiError (login, session probe). */
  redirectOn401?: boolean;
}

const API_BASE = '/api/v1';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the app: what to do when the session has ended (401). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/** The Accept-Language of every request: the UI's locale, so problems come in its language. */
function acceptLanguage(): string {
  return currentLocale() === 'en' ? 'en' : 'zh-CN';
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function toError(resp: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  try {
    problem = (await resp.json()) as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  const fields: Record<string, string> = {};
  for (const e of problem.errors ?? []) {
    if (!e.field || !e.message) continue;
    fields[e.field] = fields[e.field] ? `${fields[e.field]}; ${e.message}` : e.message;
  }
  const retry = Number.parseInt(resp.headers.get('Retry-After') ?? '', 10);
  return new ApiError(
    resp.status,
    problem.title ?? resp.statusText ?? `HTTP ${resp.status}`,
    problem.detail ?? '',
    fields,
    Number.isFinite(retry) ? retry : null,
    problem,
  );
}

export async function request<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.rawBody) headers['Content-Type'] = options.rawBody.type || 'application/octet-stream';
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let resp: Response;
  try {
    resp = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Network error', '');
  }

  if (!resp.ok) {
    const error = await toError(resp);
    if (resp.status === 401 && options.redirectOn401 !== false) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw error;
  }
  if (resp.status === 204) return undefined as T;
  return (await resp.json()) as T;
}

export const http = {
  get: <T>(path: string, query?: Query, options: RequestOptions = {}) =>
    request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options: RequestOptions = {}) =>
    request<T>('PATCH', path, { ...options, body }),
  del: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, options),
};

/** Whether a thrown value is the abort of a superseded request (not an error to show). */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** A raw body (a file) sent with its own Content-Type; the answer is JSON or a problem. */
export async function sendBytes<T>(
  method: string,
  path: string,
  body: Blob,
  contentType: string,
  query?: Query,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
    'Content-Type': contentType || 'application/octet-stream',
  };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let resp: Response;
  try {
    resp = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new ApiError(0, 'Network error', '');
  }
  if (!resp.ok) throw await toError(resp);
  return (await resp.json()) as T;
}

/** The same-origin address of an API path (for downloads through a link). */
export const apiUrl = (path: string, query?: Query) => buildUrl(path, query);
