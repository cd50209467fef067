import { applyDecorators } from '@nestjs/common';
import { Type as TransformTo } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

/** The field may be left out, but not sent as null (class-validator's IsOptional lets null through). */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** The field may be left out, or null (which clears it); any other value is validated. */
export function NullableField(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined && value !== null);
}

/** A JSON object (not an array) validated as the given DTO class. */
export function NestedObject(type: new () => object): PropertyDecorator {
  return applyDecorators(
    IsObject(),
    ValidateNested(),
    TransformTo(() => type),
  );
}
