import { Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { DESTINATION_NOT_ALLOWED, EgressHttp } from '@callwire/egress';
import { BAD_PORT, describeFetchFailure, signedWebhookHeaders } from '@callwire/webhooks';
import { isRetryableStatus } from './retry-policy';

export const WEBHOOK_USER_AGENT = 'Callwire-Webhooks/1';
const MAX_ERROR_LENGTH = 300;
/** Failures that trying again cannot help. */
const FINAL_FAILURES: readonly string[] = [BAD_PORT, DESTINATION_NOT_ALLOWED];

export type AttemptOutcome =
  | { readonly ok: true; readonly statusCode: number; readonly latencyMs: number }
  | {
      readonly ok: false;
      readonly statusCode: number | null;
      readonly latencyMs: number;
      readonly error: string;
      readonly retryable: boolean;
    };

/**
 * One signed POST to an endpoint. Redirects are not followed (a 3xx is a failure). The connection goes only
 * to an address the egress policy allows, checked after DNS resolution.
 */
@Injectable()
export class WebhookSender {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly http: EgressHttp,
  ) {}

  async send(url: string, secret: string, eventId: string, body: string): Promise<AttemptOutcome> {
    const { timeoutMs } = this.config.webhooks;
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      const statusCode = await this.http.post(url, {
        headers: {
          'content-type': 'application/json',
          'user-agent': WEBHOOK_USER_AGENT,
          ...signedWebhookHeaders(secret, eventId, body),
        },
        body,
        timeoutMs,
      });
      const latencyMs = latency();
      if (statusCode >= 200 && statusCode < 300) return { ok: true, statusCode, latencyMs };
      return {
        ok: false,
        statusCode,
        latencyMs,
        error: `HTTP ${statusCode}`,
        retryable: isRetryableStatus(statusCode),
      };
    } catch (error) {
      const message = describeFetchFailure(error, timeoutMs).slice(0, MAX_ERROR_LENGTH);
      const retryable = !FINAL_FAILURES.includes(message);
      return { ok: false, statusCode: null, latencyMs: latency(), error: message, retryable };
    }
  }
}
