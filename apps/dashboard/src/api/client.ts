// The API client: same-origin JSON requests with the session cookie, the CSRF header on every change, and
// failures as ApiProblem. A 401 on a signed-in request means the session ended: the app goes to sign-in.
// `client` is openapi-fetch typed by the generated schema (paths, parameters, bodies, answers).
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem, toProblem } from './problem';
import type { paths } from './schema';

let csrfToken: string | null = null;
let onSessionEnded: () => void = () => undefined;

/** The CSRF token of the current session (kept in memory only), or null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function handleSessionEnded(handler: () => void): void {
  onSessionEnded = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json, application/problem+json');
    if (request.method !== 'GET' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    // POST and PATCH always carry a JSON object (the API rejects an empty application/json body), also the
    // actions the document gives no body (hang up, replay, rotate a secret).
    if ((request.method === 'POST' || request.method === 'PATCH') && request.body === null) {
      request.headers.set('Content-Type', 'application/json');
      return new Request(request, { body: '{}' });
    }
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && csrfToken !== null) {
      csrfToken = null;
      onSessionEnded();
    }
    return response;
  },
};

export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(session);

/** The data of a successful answer of `client` (undefined for a 204); a failed one is thrown as ApiProblem. */
export async function settle<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new ApiProblem(toProblem(response.status, response.statusText, error));
  return data as T;
}
