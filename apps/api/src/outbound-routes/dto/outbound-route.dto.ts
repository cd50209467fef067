import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { OptionalField } from '../../common/field.validators';
import { PageMetaDto } from '../../common/pagination';
import { MAX_RESOURCE_NAME_LENGTH, ResourceName } from '../../common/text.validators';

export const DEFAULT_ROUTE_PRIORITY = 10;
/** Empty (any number), or the start of the dialled numbers: an optional + and up to 15 digits. */
const PREFIX_PATTERN = /^(?:\+?[0-9]{1,15})?$/;

function RoutePrefix(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(PREFIX_PATTERN, { message: 'prefix must be empty (any number) or an optional + and 1 to 15 digits' }),
  );
}

function RoutePriority(): PropertyDecorator {
  return applyDecorators(IsInt(), Min(0), Max(1000));
}

function CarrierId(): PropertyDecorator {
  return IsUUID('all', { message: 'carrierId must be a UUID' });
}

const nameProperty: ApiPropertyOptions = { maxLength: MAX_RESOURCE_NAME_LENGTH, example: 'US and Canada' };
const prefixProperty: ApiPropertyOptions = {
  example: '+1',
  pattern: PREFIX_PATTERN.source,
  description: 'Numbers starting with it take this route; "" matches any number.',
};
const priorityProperty: ApiPropertyOptions = {
  minimum: 0,
  maximum: 1000,
  default: DEFAULT_ROUTE_PRIORITY,
  description: 'Lower first; then longer prefixes first.',
};
const carrierIdProperty: ApiPropertyOptions = { format: 'uuid', description: 'A carrier of the account.' };

export class CreateOutboundRouteDto {
  @ApiProperty(nameProperty)
  @ResourceName()
  name!: string;

  @ApiProperty(prefixProperty)
  @RoutePrefix()
  prefix!: string;

  @ApiPropertyOptional(priorityProperty)
  @OptionalField()
  @RoutePriority()
  priority?: number;

  @ApiProperty(carrierIdProperty)
  @CarrierId()
  carrierId!: string;
}

export class UpdateOutboundRouteDto {
  @ApiPropertyOptional(nameProperty)
  @OptionalField()
  @ResourceName()
  name?: string;

  @ApiPropertyOptional(prefixProperty)
  @OptionalField()
  @RoutePrefix()
  prefix?: string;

  @ApiPropertyOptional(priorityProperty)
  @OptionalField()
  @RoutePriority()
  priority?: number;

  @ApiPropertyOptional(carrierIdProperty)
  @OptionalField()
  @CarrierId()
  carrierId?: string;
}

export class OutboundRouteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '+1' }) prefix!: string;
  @ApiProperty({ example: DEFAULT_ROUTE_PRIORITY }) priority!: number;
  @ApiProperty({ format: 'uuid' }) carrierId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
}

export class OutboundRoutePageDto extends PageMetaDto {
  @ApiProperty({ type: [OutboundRouteDto], description: 'By priority, then longest prefix first.' })
  data!: OutboundRouteDto[];
}
