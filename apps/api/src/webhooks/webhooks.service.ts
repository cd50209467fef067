import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { EgressPolicy } from '@callwire/egress';
import { encryptSecret, generateWebhookSecret } from '@callwire/webhooks';
import { type Page, type PageQueryDto, toPage, toPageRequest } from '../common/pagination';
import { ConflictProblemException, NotFoundProblemException, ProblemException, problem } from '../common/problem';
import { assertAllowedDestinations, urlDestination } from '../common/url.validators';
import type {
  CreateWebhookEndpointDto,
  CreatedWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookSecretDto,
} from './dto/webhook.dto';
import { WebhookDeliveryProducer } from './webhook-delivery.producer';
import {
  type WebhookDeliveryRecord,
  type WebhookEndpointChanges,
  type WebhookEndpointRecord,
  WebhooksRepository,
} from './webhooks.repository';

function toDto(endpoint: WebhookEndpointRecord): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

function toDeliveryDto(delivery: WebhookDeliveryRecord): WebhookDeliveryDto {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.event.type,
    state: delivery.state,
    attempts: delivery.attempts,
    lastStatusCode: delivery.lastStatusCode,
    lastLatencyMs: delivery.lastLatencyMs,
    lastError: delivery.lastError,
    nextAttemptAt: delivery.nextAttemptAt,
    createdAt: delivery.createdAt,
    updatedAt: delivery.updatedAt,
  };
}

/** Webhook endpoints of an account, their signing secrets and their deliveries log. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveryProducer,
    private readonly egress: EgressPolicy,
  ) {}

  async create(accountId: string, dto: CreateWebhookEndpointDto): Promise<CreatedWebhookEndpointDto> {
    await assertAllowedDestinations(this.egress, urlDestination('url', dto.url));
    const secret = generateWebhookSecret();
    const endpoint = await this.webhooks.create(accountId, {
      url: dto.url,
      events: dto.events,
      description: dto.description ?? null,
      secretEncrypted: this.encrypt(secret),
    });
    return { ...toDto(endpoint), secret };
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<WebhookEndpointDto>> {
    const page = toPageRequest(query);
    return toPage(await this.webhooks.list(accountId, page), page, toDto);
  }

  async get(accountId: string, id: string): Promise<WebhookEndpointDto> {
    return toDto(await this.endpointOf(accountId, id));
  }

  async update(accountId: string, id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new ProblemException(
        problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send url, events, description or enabled.'),
      );
    }
    await assertAllowedDestinations(this.egress, urlDestination('url', dto.url));
    const changes: WebhookEndpointChanges = {
      url: dto.url,
      events: dto.events,
      description: dto.description,
      enabled: dto.enabled,
      // Enabling starts over; disabling by hand is not the platform's doing: no reason either way.
      ...(dto.enabled === undefined ? {} : { disabledReason: null }),
      ...(dto.enabled === true ? { failureStreak: 0 } : {}),
    };
    const endpoint = await this.webhooks.update(accountId, id, changes);
    if (!endpoint) throw new NotFoundProblemException('Webhook endpoint');
    return toDto(endpoint);
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.webhooks.delete(accountId, id))) throw new NotFoundProblemException('Webhook endpoint');
  }

  /** A new secret at once: every attempt from now on is signed with it (the old one stops working). */
  async rotateSecret(accountId: string, id: string): Promise<WebhookSecretDto> {
    const secret = generateWebhookSecret();
    const endpoint = await this.webhooks.update(accountId, id, { secretEncrypted: this.encrypt(secret) });
    if (!endpoint) throw new NotFoundProblemException('Webhook endpoint');
    return { secret };
  }

  async listDeliveries(accountId: string, id: string, query: PageQueryDto): Promise<Page<WebhookDeliveryDto>> {
    const page = toPageRequest(query);
    await this.endpointOf(accountId, id);
    return toPage(await this.webhooks.listDeliveries(id, page), page, toDeliveryDto);
  }

  /**
   * Delivers the same event (same webhook-id) to the endpoint again, with a fresh run of attempts. A pending
   * delivery is tried at once. 409 when the endpoint is disabled: enable it first.
   */
  async replay(accountId: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const delivery = await this.webhooks.findDelivery(accountId, deliveryId);
    if (!delivery) throw new NotFoundProblemException('Webhook delivery');
    if (!delivery.endpoint.enabled) {
      throw new ConflictProblemException('The webhook endpoint is disabled: enable it before replaying.');
    }
    const restarted = await this.webhooks.restartDelivery(deliveryId, new Date());
    if (!restarted) throw new NotFoundProblemException('Webhook delivery');
    await this.deliveries.deliverNow(deliveryId);
    return toDeliveryDto(restarted);
  }

  private async endpointOf(accountId: string, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.webhooks.findById(accountId, id);
    if (!endpoint) throw new NotFoundProblemException('Webhook endpoint');
    return endpoint;
  }

  private encrypt(secret: string): Buffer {
    return encryptSecret(this.config.webhooks.encryptionKey, secret);
  }
}
