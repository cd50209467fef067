// The API client: same-origin JSON requests with the session cookie, the CSRF header on every change, and
// failures as ApiProblem. A 401 on a signed-in request means the session ended: the app goes to sign-in.
import { ApiProblem, toProblem } from './problem';
import { type QueryValue, withQuery } from './query';

let csrfToken: string | null = null;
let onSessionEnded: () => void = () => undefined;

/** The CSRF token of the current session (kept in memory only), or null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function handleSessionEnded(handler: () => void): void {
  onSessionEnded = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  // POST and PATCH always carry a JSON object (the API rejects an empty application/json body); DELETE none.
  const payload = method === 'POST' || method === 'PATCH' ? JSON.stringify(body ?? {}) : undefined;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';

  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  const data: unknown = isJson ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401 && csrfToken !== null) {
      csrfToken = null;
      onSessionEnded();
    }
    throw new ApiProblem(toProblem(response.status, response.statusText, data));
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Readonly<Record<string, QueryValue>>) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};
