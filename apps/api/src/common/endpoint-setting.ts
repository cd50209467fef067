import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalField } from './field.validators';

/** The request and response decorators of a per-leg media setting of SIP users and carriers (srtp, dtmf). */
export interface EndpointSetting<T extends string> {
  /** As a request field (left out: the default, or unchanged on update). */
  Field(defaultValue?: T): PropertyDecorator;
  /** As a response field. */
  Property(): PropertyDecorator;
}

export function endpointSetting<T extends string>(setting: {
  /** The field's name in requests and resources. */
  readonly field: string;
  readonly values: readonly T[];
  /** The enum's name in the OpenAPI document. */
  readonly enumName: string;
  /** What the setting is about, for the request field ("Media encryption"). */
  readonly subject: string;
  /** The full description, on the resource's field. */
  readonly description: string;
}): EndpointSetting<T> {
  const { field, values, enumName, subject, description } = setting;
  const enumValues = [...values];
  return {
    Field: (defaultValue) =>
      applyDecorators(
        ApiPropertyOptional({
          enum: enumValues,
          enumName,
          default: defaultValue,
          description: `${subject} on this endpoint's leg of a call: see the ${field} field of the resource.`,
        }),
        OptionalField(),
        IsIn(enumValues, { message: `${field} must be one of ${values.join(', ')}` }),
      ),
    Property: () => ApiProperty({ enum: enumValues, enumName, description }),
  };
}
