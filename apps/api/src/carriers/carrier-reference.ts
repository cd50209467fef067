import type { FieldError } from '../common/problem';

/** The error of a carrierId (of a phone number, an outbound route) that names no carrier of the account. */
export const UNKNOWN_CARRIER: FieldError = {
  field: 'carrierId',
  message: 'carrierId must be a carrier of this account',
};
