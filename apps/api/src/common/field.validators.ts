import { applyDecorators } from '@nestjs/common';
import { Type as TransformTo } from 'class-transformer';
import { IsDefined, IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * How a body field treats null: every optional field of a create or update body uses one of these two
 * (never class-validator's IsOptional, which lets null through to the service as if it were a value).
 */

/** The field may be left out, but null is refused with its own message (it is not a value of this field). */
export function OptionalField(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    // Behind the ValidateIf, IsDefined only ever sees null.
    IsDefined({ message: ({ property }) => `${property} must not be null (leave it out instead)` }),
  );
}

/** The field may be left out, or null (which clears it: document it as nullable); any other value is validated. */
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
