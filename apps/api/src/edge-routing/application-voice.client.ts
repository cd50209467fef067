import { Inject, Injectable, Logger } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { uuidv7 } from '@callwire/database';
import { EgressHttp } from '@callwire/egress';
import { decryptSecret, describeFetchFailure, signedWebhookHeaders } from '@callwire/webhooks';
import { type ApplicationAnswer, InvalidApplicationAnswer, parseApplicationAnswer } from './application-answer';
import type { ApplicationRow } from './edge-routing.repository';

/** The call as an application's voiceUrl receives it (signed like webhooks, with the application's secret). */
export interface ApplicationVoiceRequest {
  readonly applicationId: string;
  readonly accountId: string;
  readonly sipCallId: string;
  readonly direction: 'inbound';
  readonly from: string;
  readonly to: string;
  readonly carrierId: string | null;
}

const USER_AGENT = 'Callwire-Voice/1';
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Asks an application how to route a call: voiceUrl first, then fallbackUrl, each within the configured
 * timeout. Null when neither gave a valid answer: the caller refuses the call (never a hang). Requests go
 * only to addresses the egress policy allows, checked when connecting.
 */
@Injectable()
export class ApplicationVoiceClient {
  private readonly logger = new Logger(ApplicationVoiceClient.name);

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly http: EgressHttp,
  ) {}

  async ask(application: ApplicationRow, call: ApplicationVoiceRequest): Promise<ApplicationAnswer | null> {
    const secret = decryptSecret(this.config.webhooks.encryptionKey, application.secretEncrypted);
    const id = uuidv7();
    const body = JSON.stringify({ id, type: 'call.incoming', createdAt: new Date().toISOString(), data: call });
    for (const url of [application.voiceUrl, application.fallbackUrl]) {
      if (!url) continue;
      try {
        return await this.post(url, secret, id, body);
      } catch (error) {
        this.logger.warn(
          `application ${application.id} (call ${call.sipCallId}): ${url === application.voiceUrl ? 'voiceUrl' : 'fallbackUrl'} failed: ${describeFetchFailure(error, this.config.routing.applicationTimeoutMs)}`,
        );
      }
    }
    return null;
  }

  private async post(url: string, secret: string, id: string, body: string): Promise<ApplicationAnswer> {
    const response = await this.http.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        ...signedWebhookHeaders(secret, id, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.routing.applicationTimeoutMs),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_ANSWER_BYTES) throw new InvalidApplicationAnswer('answer larger than 64 KiB');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InvalidApplicationAnswer('the answer is not JSON');
    }
    return parseApplicationAnswer(parsed);
  }
}
