import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  MaxLength,
} from 'class-validator';
import { ALL_WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from '@callwire/webhooks';
import { NullableField, OptionalField } from '../../common/field.validators';
import { PageMetaDto } from '../../common/pagination';
import { NoControlCharacters } from '../../common/text.validators';
import { IsHttpUrl, MAX_URL_LENGTH } from '../../common/url.validators';

export const SUBSCRIBABLE_EVENTS = [...WEBHOOK_EVENT_TYPES, ALL_WEBHOOK_EVENTS];
const MAX_DESCRIPTION_LENGTH = 200;

const EVENTS_MESSAGE = `each value in events must be one of: ${SUBSCRIBABLE_EVENTS.join(', ')}`;

const urlProperty: ApiPropertyOptions = {
  example: 'https://example.com/webhooks/callwire',
  maxLength: MAX_URL_LENGTH,
  description:
    'Where events are POSTed (use https in production). Its host must be, or resolve to, public addresses only ' +
    'unless the operator allows the network (EGRESS_ALLOWED_NETWORKS).',
};
const eventsProperty: ApiPropertyOptions = {
  type: [String],
  enum: SUBSCRIBABLE_EVENTS,
  example: ['call.completed', 'registration.created'],
  description: 'The event types to receive; `*` for all of them, including types added later.',
};

export class CreateWebhookEndpointDto {
  @ApiProperty(urlProperty)
  @IsHttpUrl()
  url!: string;

  @ApiProperty(eventsProperty)
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUBSCRIBABLE_EVENTS.length)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events!: string[];

  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION_LENGTH, example: 'CRM call log', nullable: true, type: String })
  @NullableField()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  @NoControlCharacters()
  description?: string | null;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional(urlProperty)
  @OptionalField()
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional(eventsProperty)
  @OptionalField()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUBSCRIBABLE_EVENTS.length)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_EVENTS, { each: true, message: EVENTS_MESSAGE })
  events?: string[];

  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION_LENGTH, nullable: true, type: String })
  @NullableField()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  @NoControlCharacters()
  description?: string | null;

  @ApiPropertyOptional({
    description: 'false pauses deliveries (pending ones fail); true re-enables and resets the failure streak.',
  })
  @OptionalField()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String], enum: SUBSCRIBABLE_EVENTS }) events!: string[];
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the platform disabled the endpoint (too many failed deliveries in a row).',
  })
  disabledReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class CreatedWebhookEndpointDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret, shown only here and by rotate-secret.',
  })
  secret!: string;
}

export class WebhookSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown only in this response.' })
  secret!: string;
}

export class WebhookEndpointPageDto extends PageMetaDto {
  @ApiProperty({ type: [WebhookEndpointDto] }) data!: WebhookEndpointDto[];
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The event id: the webhook-id header and the body id.' })
  eventId!: string;
  @ApiProperty({ example: 'call.completed' }) eventType!: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed'] }) state!: string;
  @ApiProperty({ description: 'Attempts made since the delivery (or its last replay) started.' })
  attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastLatencyMs!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503' }) lastError!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When a pending delivery is tried next.',
  })
  nextAttemptAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class WebhookDeliveryPageDto extends PageMetaDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) data!: WebhookDeliveryDto[];
}
