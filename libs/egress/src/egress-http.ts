import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { isIP } from 'node:net';
import { Agent, type RequestInit, type Response, buildConnector, fetch, request } from 'undici';
import { EgressRefusedError } from './egress-failure';
import { EgressPolicy } from './egress-policy';

/** The ports the Fetch standard blocks ("bad ports"): fetch refuses them, and so does `post`. */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** A POST of `post`: the whole exchange (connection, request, answer's head) must end within timeoutMs. */
export interface EgressPost {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
}

/**
 * Why a `post` got no answer, shaped as fetch's failures are (describeFetchFailure reads both): the name
 * TimeoutError when the time ran out, otherwise the connection's error as `cause` (EgressRefusedError,
 * ECONNREFUSED, ENOTFOUND …, or the message "bad port").
 */
export class EgressRequestError extends Error {
  constructor(name: 'TimeoutError' | 'EgressRequestError', cause: unknown) {
    super(name === 'TimeoutError' ? 'the request timed out' : 'the request failed', { cause });
    this.name = name;
  }
}

/**
 * HTTP for requests to tenants' URLs: every connection is checked against the EgressPolicy when it is
 * made, after DNS resolution (IP literals before connecting, names in the connector's lookup), so a URL
 * accepted when it was saved cannot reach an internal address later. Connections are kept open per origin
 * (undici's Agent) and reused by both `fetch` and `post`, and each new one is checked. Failures reject with
 * the EgressRefusedError as the cause.
 */
@Injectable()
export class EgressHttp implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(policy: EgressPolicy) {
    const connect = buildConnector({ lookup: policy.lookup });
    this.agent = new Agent({
      connect: (options, callback) => {
        const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
        if (isIP(host) !== 0 && !policy.allows(host)) return callback(new EgressRefusedError(), null);
        connect(options, callback);
      },
    });
  }

  fetch(url: string, init: RequestInit): Promise<Response> {
    return fetch(url, { ...init, dispatcher: this.agent });
  }

  /**
   * A POST whose answer's content is not needed: resolves with the status code (redirects are not followed).
   * undici's `request` instead of fetch: none of fetch's WHATWG streams, Headers, Request and Response objects
   * and AbortSignals, which cost most of the worker's CPU per webhook. Rejects with an EgressRequestError.
   */
  async post(url: string, { headers, body, timeoutMs }: EgressPost): Promise<number> {
    const parsed = new URL(url);
    const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
    if (BAD_PORTS.has(port)) throw new EgressRequestError('EgressRequestError', new Error('bad port'));
    // An EventEmitter as the signal (undici takes one): an AbortController and its AbortSignal cost more.
    const signal = new EventEmitter();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signal.emit('abort');
    }, timeoutMs);
    try {
      const response = await request(parsed, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        signal,
        maxRedirections: 0,
      });
      // Reads (a little of) the answer and frees the connection for the next POST; the status is known already.
      await response.body.dump().catch(() => undefined);
      return response.statusCode;
    } catch (error) {
      throw new EgressRequestError(timedOut ? 'TimeoutError' : 'EgressRequestError', error);
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}
