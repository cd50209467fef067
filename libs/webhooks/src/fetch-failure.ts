import { describeConnectFailure } from '@callwire/egress';

interface FetchError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: { readonly code?: unknown; readonly message?: unknown };
}

/** fetch's own refusal of the ports browsers block (25, 5060, 6000…): trying again cannot help. */
export const BAD_PORT = 'bad port';

/**
 * Why a POST got no answer, as tenants may read it: a timeout, the platform's refusal of the destination,
 * host not found, or a generic connection failure, never the URL, the body or which ports of a network
 * answer (describeConnectFailure). Errors that are not fetch's (no cause) keep their message. Duck-typed:
 * fetch's errors (DOMException, undici's) do not always share this realm's Error.
 */
export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FetchError;
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const { cause } = failure;
  if (typeof cause?.code === 'string') return describeConnectFailure(cause.code);
  if (cause?.message === BAD_PORT) return BAD_PORT;
  if (cause !== undefined) return describeConnectFailure('');
  return typeof failure.message === 'string' ? failure.message : String(error);
}
