interface FetchError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: { readonly code?: unknown; readonly message?: unknown };
}

/**
 * Why a signed POST got no answer (ECONNREFUSED, a timeout…), without the URL or the body. Duck-typed:
 * fetch's errors (DOMException, undici's) do not always share this realm's Error.
 */
export function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FetchError;
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  if (typeof failure.cause?.code === 'string') return failure.cause.code;
  if (typeof failure.cause?.message === 'string') return failure.cause.message;
  return typeof failure.message === 'string' ? failure.message : String(error);
}
