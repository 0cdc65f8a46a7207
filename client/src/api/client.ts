import { SessionTokensSchema, type SessionTokens } from '@haven/shared';
import { ApiError } from './ApiError';

export const API_BASE = '/api/v1';

/** Anything with a zod-like `parse`: the shared schemas check what the server answered. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export interface RequestOptions<T> {
  body?: unknown;
  schema?: ResponseSchema<T>;
  /** Sends the access token, and refreshes it once if the server refuses it. Default true. */
  authenticated?: boolean;
}

/** Refresh this long before the access token expires, so a request never carries a stale one. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The access token lives in this module's memory only, never in localStorage or sessionStorage,
 * where any script on the origin could read it and it would outlive the tab. A reload restores
 * the session through the refresh cookie, which scripts cannot read at all (HttpOnly).
 */
let session: { accessToken: string; expiresAt: number } | null = null;
let refreshInFlight: Promise<boolean> | null = null;
const sessionEndedListeners = new Set<() => void>();

export function setSession(tokens: Pick<SessionTokens, 'accessToken' | 'expiresAt'>): void {
  session = { accessToken: tokens.accessToken, expiresAt: Date.parse(tokens.expiresAt) };
}

export function clearSession(): void {
  session = null;
}

/** Called when a signed-in request finds the session over (expired, revoked, signed out). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/**
 * Trades the refresh cookie for a new access token; answers whether a session goes on. One
 * refresh at a time: concurrent callers share it, because the server rotates the cookie on every
 * use and ends the whole session when an old one comes back. Tabs of the same browser share the
 * cookie, so they take turns through a Web Lock where the browser has them.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= withRefreshLock(postRefresh).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

function withRefreshLock(task: () => Promise<boolean>): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    // The lock's promise settles with the task's own (typed as a promise of one).
    return navigator.locks.request('haven.session-refresh', task).then((result) => result);
  }
  return task();
}

async function postRefresh(): Promise<boolean> {
  const response = await send('POST', '/auth/refresh', undefined, false);
  if (response.status === 401 || response.status === 403) {
    // Read to the end, or the browser keeps the request open until the page goes.
    await response.text().catch(() => '');
    clearSession();
    return false;
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  setSession(await readBody(response, SessionTokensSchema));
  return true;
}

/** Calls the API; answers the parsed body, or throws an `ApiError`. */
export async function apiRequest<T = void>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const response = await sendInSession(method, path, options.body, {
    authenticated: options.authenticated ?? true,
    accept: 'application/json',
  });
  return readBody(response, options.schema);
}

/** A file the API answers (an attachment, a thumbnail): its bytes and the name the server chose. */
export interface ApiFile {
  blob: Blob;
  /** From `Content-Disposition`; `null` when the server named none. */
  fileName: string | null;
}

/** Calls the API for a file, signed in; throws an `ApiError` for a refusal (problem+json). */
export async function apiFileRequest(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiFile> {
  const response = await sendInSession(method, path, body, { authenticated: true, accept: '*/*' });
  try {
    return { blob: await response.blob(), fileName: fileNameOf(response) };
  } catch (cause) {
    throw ApiError.network(cause);
  }
}

/** Sends a request, refreshing the session first or once after a 401; answers a 2xx response. */
async function sendInSession(
  method: string,
  path: string,
  body: unknown,
  options: { authenticated: boolean; accept: string },
): Promise<Response> {
  const { authenticated, accept } = options;
  if (authenticated && session && session.expiresAt - Date.now() < EXPIRY_MARGIN_MS) {
    await refreshSession();
  }
  let response = await send(method, path, body, authenticated, accept);
  if (response.status === 401 && authenticated) {
    // Once: a second refusal with a fresh token is the answer, not an expired token.
    if (await refreshSession()) {
      response = await send(method, path, body, authenticated, accept);
    } else {
      sessionEndedListeners.forEach((listener) => listener());
    }
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response;
}

async function send(
  method: string,
  path: string,
  body: unknown,
  authenticated: boolean,
  accept = 'application/json',
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (authenticated && session) headers.Authorization = `Bearer ${session.accessToken}`;
  try {
    return await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The refresh cookie goes to this origin only.
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
}

/** The file name of `Content-Disposition`, preferring the UTF-8 form (RFC 6266). */
function fileNameOf(response: Response): string | null {
  const header = response.headers.get('Content-Disposition') ?? '';
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

async function readBody<T>(response: Response, schema: ResponseSchema<T> | undefined): Promise<T> {
  if (response.status === 204 || !schema) {
    await response.text().catch(() => '');
    return undefined as T;
  }
  try {
    return schema.parse(await response.json());
  } catch {
    throw ApiError.badResponse(response.status);
  }
}
