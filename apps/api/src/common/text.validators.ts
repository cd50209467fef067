import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** Free text must not carry control characters (PostgreSQL rejects NUL; logs and SIP headers hate the rest). */
export function NoControlCharacters(): PropertyDecorator {
  return Matches(NO_CONTROL_CHARACTERS, {
    message: ({ property }) => `${property} must not contain control characters`,
  });
}

export const MAX_RESOURCE_NAME_LENGTH = 100;

/** A resource's name (carrier, application, route): 1 to 100 characters of free text. */
export function ResourceName(): PropertyDecorator {
  return applyDecorators(IsString(), MinLength(1), MaxLength(MAX_RESOURCE_NAME_LENGTH), NoControlCharacters());
}
