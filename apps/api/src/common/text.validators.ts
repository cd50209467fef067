import { Matches } from 'class-validator';

// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** Free text must not carry control characters (PostgreSQL rejects NUL; logs and SIP headers hate the rest). */
export function NoControlCharacters(): PropertyDecorator {
  return Matches(NO_CONTROL_CHARACTERS, {
    message: ({ property }) => `${property} must not contain control characters`,
  });
}
