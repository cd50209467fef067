import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { isIP } from 'node:net';
import { Agent, type RequestInit, type Response, buildConnector, fetch } from 'undici';
import { EgressRefusedError } from './egress-failure';
import { EgressPolicy } from './egress-policy';

/**
 * fetch for requests to tenants' URLs: every connection is checked against the EgressPolicy when it is
 * made, after DNS resolution (IP literals before connecting, names in the connector's lookup), so a URL
 * accepted when it was saved cannot reach an internal address later. Failures reject with the
 * EgressRefusedError as the cause.
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

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}
