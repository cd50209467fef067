import { Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';

const RPC_TIMEOUT_MS = 3000;

interface JsonRpcResponse {
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

export class KamailioRpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number | undefined,
    message: string,
  ) {
    super(`kamailio ${method}: ${message}`);
  }
}

/** Kamailio's JSON-RPC control interface (jsonrpcs over xhttp, loopback only, the worker's bearer token). */
@Injectable()
export class KamailioRpcClient {
  private nextId = 1;

  constructor(@Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig) {}

  async call(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(this.config.edgeRpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.config.edgeRpcToken}` },
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: this.nextId++ }),
      signal: AbortSignal.timeout(RPC_TIMEOUT_MS),
    });
    const body = (await response.json()) as JsonRpcResponse;
    if (body.error) throw new KamailioRpcError(method, body.error.code, body.error.message);
    return body.result;
  }
}
